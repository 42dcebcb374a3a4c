package jp.renkei.core.cases;

/** Where a case stands between first observation and verified fix. */
public enum CaseState {
    /** Opened from an observation; nobody told yet. */
    OPEN("open"),
    /** At least one notice went out. */
    NOTIFIED("notified"),
    /** The subscriber confirmed they read a notice (opened it on the portal or in the walled garden). */
    ACKNOWLEDGED("acknowledged"),
    /** The subscriber says it is fixed; waiting for the device to stay quiet. */
    FIXED_REPORTED("fixed-reported"),
    /** Later reports of the same feeds no longer showed the problem for the configured number of cycles. */
    VERIFIED("verified"),
    /** Seen again after a reported fix. */
    REINFECTED("reinfected"),
    /**
     * Quiet for the whole quiet period without a verified fix; not proof, since many devices clean
     * up on their own (counted apart as natural remediation).
     */
    CLOSED_UNVERIFIED("closed-unverified");

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
        return this != CLOSED_UNVERIFIED && this != VERIFIED;
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
