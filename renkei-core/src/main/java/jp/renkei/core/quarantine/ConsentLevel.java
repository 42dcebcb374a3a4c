package jp.renkei.core.quarantine;

import java.util.Locale;
import java.util.Optional;

/** How far a subscriber allowed the ISP to go, as set in the portal; each level includes the ones before. */
public enum ConsentLevel {
    /** Tell me, do not touch my traffic. */
    NOTIFY_ONLY("notify-only"),
    /** The walled garden is allowed. */
    QUARANTINE_ALLOWED("quarantine-allowed"),
    /** The walled garden and automatic blocking of suspicious traffic are allowed. */
    BLOCKING_ALLOWED("blocking-allowed");

    private final String code;

    ConsentLevel(String code) {
        this.code = code;
    }

    /** Stable code for storage and APIs. */
    public String code() {
        return code;
    }

    /** Whether this level covers the measure. */
    public boolean allows(Measure measure) {
        return switch (measure) {
            case QUARANTINE -> this != NOTIFY_ONLY;
            case TRAFFIC_BLOCKING -> this == BLOCKING_ALLOWED;
        };
    }

    /** The level with this code (case-insensitive), empty when there is none. */
    public static Optional<ConsentLevel> fromCode(String code) {
        String c = code == null ? "" : code.strip().toLowerCase(Locale.ROOT);
        for (ConsentLevel l : values()) {
            if (l.code.equals(c)) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }
}
