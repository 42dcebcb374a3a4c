package jp.renkei.core.quarantine;

/**
 * An intrusive measure the secrecy of communications allows only with the subscriber's consent
 * or an ISP policy recorded with its legal basis.
 */
public enum Measure {
    /** Sending the subscriber's traffic to the walled garden until they act or are released. */
    QUARANTINE("quarantine"),
    /** Blocking traffic that looks like an infected device's, without asking each time. */
    TRAFFIC_BLOCKING("traffic-blocking");

    private final String code;

    Measure(String code) {
        this.code = code;
    }

    /** Stable code for storage and APIs. */
    public String code() {
        return code;
    }

    /** The measure with this code, empty when there is none. */
    public static java.util.Optional<Measure> fromCode(String code) {
        for (Measure m : values()) {
            if (m.code.equals(code)) {
                return java.util.Optional.of(m);
            }
        }
        return java.util.Optional.empty();
    }
}
