package jp.renkei.core.intake;

/** What an observation says is wrong with a device. */
public enum ProblemKind {
    /** Telnet (remote login) reachable from the Internet. */
    EXPOSED_TELNET("exposed-telnet"),
    /** The device was seen talking to a malware control server or sinkhole. */
    INFECTED("infected");

    private final String code;

    ProblemKind(String code) {
        this.code = code;
    }

    /** Stable code for storage and APIs. */
    public String code() {
        return code;
    }

    /** The kind with this code. */
    public static ProblemKind fromCode(String code) {
        for (ProblemKind k : values()) {
            if (k.code.equals(code)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown problem kind '" + code + "'");
    }
}
