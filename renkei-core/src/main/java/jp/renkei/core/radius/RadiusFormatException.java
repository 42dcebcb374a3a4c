package jp.renkei.core.radius;

/** The bytes are not a well-formed RADIUS packet (RFC 2865 section 3). */
public final class RadiusFormatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** A packet refused for this reason. */
    public RadiusFormatException(String message) {
        super(message);
    }
}
