package jp.renkei.core.cases;

/** Where a case stands between first observation and verified fix. */
public enum CaseState {
    /** Opened from an observation; nobody told yet. */
    OPEN("open"),
    /** At least one notice went out. */
    NOTIFIED("notified"),
    /** The subscriber says it is fixed; waiting for the device to stay quiet. */
    FIXED_REPORTED("fixed-reported"),
    /** Seen again after a reported fix. */
    REOPENED("reopened"),
    /** Quiet for the whole quiet period; not proof, since many devices clean up on their own. */
    RESOLVED_UNVERIFIED("resolved-unverified");

    private final String code;

    CaseState(String code) {
        this.code = code;
    }

    /** Stable code for storage and APIs. */
    public String code() {
        return code;
    }

    /** Whether the case still needs work. */
    public boolean isOpen() {
        return this != RESOLVED_UNVERIFIED;
    }

    /** The state with this code. */
    public static CaseState fromCode(String code) {
        for (CaseState s : values()) {
            if (s.code.equals(code)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown case state '" + code + "'");
    }
}
