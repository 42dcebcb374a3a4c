package jp.renkei.core.attribution;

/** Why an observation could not be tied to a subscriber. */
public enum UnattributedReason {
    /** No known assignment of the IP covers the observation's instant. */
    NO_ASSIGNMENT("no-assignment");

    private final String code;

    UnattributedReason(String code) {
        this.code = code;
    }

    /** Stable code for storage and APIs. */
    public String code() {
        return code;
    }
}
