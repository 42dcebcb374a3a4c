package jp.renkei.core.vulnerabilities;

import java.util.Locale;
import java.util.Objects;

/** One event of an OSV range: the version where the vulnerability starts, is fixed, last seen or limited. */
public record RangeEvent(Kind kind, String version) {

    /** What happens at the event's version. */
    public enum Kind {
        /** Affected from this version on; {@code "0"} means from the very first version. */
        INTRODUCED,
        /** Not affected from this version on (exclusive upper end). */
        FIXED,
        /** Affected up to and including this version. */
        LAST_AFFECTED,
        /** Only versions below some limit can be affected; {@code "*"} is infinity. */
        LIMIT;

        /** The OSV field name of this kind ({@code last_affected} …). */
        public String field() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Rejects nulls. */
    public RangeEvent {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(version, "version");
    }
}
