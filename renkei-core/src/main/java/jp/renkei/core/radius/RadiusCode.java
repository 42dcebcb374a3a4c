package jp.renkei.core.radius;

import java.util.Optional;

/** RADIUS packet codes (RFC 2865, 2866, 5176). */
public enum RadiusCode {
    ACCESS_REQUEST(1),
    ACCESS_ACCEPT(2),
    ACCESS_REJECT(3),
    ACCOUNTING_REQUEST(4),
    ACCOUNTING_RESPONSE(5),
    ACCESS_CHALLENGE(11),
    DISCONNECT_REQUEST(40),
    DISCONNECT_ACK(41),
    DISCONNECT_NAK(42),
    COA_REQUEST(43),
    COA_ACK(44),
    COA_NAK(45);

    private final int number;

    RadiusCode(int number) {
        this.number = number;
    }

    /** The code octet. */
    public int number() {
        return number;
    }

    /**
     * Whether the request authenticator of this code is an MD5 over the packet and the secret
     * (accounting and dynamic authorisation) rather than random (Access-Request).
     */
    public boolean hasHashedRequestAuthenticator() {
        return this == ACCOUNTING_REQUEST || this == DISCONNECT_REQUEST || this == COA_REQUEST;
    }

    /** The code with this number, empty for codes Renkei does not speak. */
    public static Optional<RadiusCode> of(int number) {
        for (RadiusCode c : values()) {
            if (c.number == number) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
