package jp.renkei.core.attribution;

/** Why an observation could not be tied to a subscriber. */
public enum UnattributedReason {
    /** No known assignment of the IP covers the observation's instant. */
    NO_ASSIGNMENT("no-assignment"),
    /** The instant is older than the logs still kept: whoever held the IP, the evidence is gone. */
    LOG_EXPIRED("log-expired"),
    /** The address is outside every address pool the organisation configured. */
    NOT_OUR_ADDRESS("not-our-address");

    private final String code;

    UnattributedReason(String code) {
        this.code = code;
    }

    /** Stable code for storage and APIs. */
    public String code() {
        return code;
    }
}
