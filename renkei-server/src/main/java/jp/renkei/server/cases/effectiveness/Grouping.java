package jp.renkei.server.cases.effectiveness;

import java.util.Locale;
import java.util.Optional;

/** How effectiveness groups cases: by the channel of the first notice, by ladder, or by ladder and arm. */
public enum Grouping {
    CHANNEL("channel"),
    LADDER("ladder"),
    ARM("arm");

    private final String code;

    Grouping(String code) {
        this.code = code;
    }

    /** Stable code for URLs. */
    public String code() {
        return code;
    }

    /** The grouping with this code, empty when there is none. */
    public static Optional<Grouping> fromCode(String code) {
        String c = code == null ? "" : code.strip().toLowerCase(Locale.ROOT);
        for (Grouping g : values()) {
            if (g.code.equals(c)) {
                return Optional.of(g);
            }
        }
        return Optional.empty();
    }

    /** The SQL expression of the group over the per-case rows of {@link EffectivenessQueries}. */
    String column() {
        switch (this) {
            case LADDER:
                return "ladder";
            case ARM:
                return "ladder || case when arm = '' then '' else ' arm ' || arm end";
            default:
                return "channel";
        }
    }
}
