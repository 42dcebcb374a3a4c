package jp.renkei.core.radius;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.List;

/**
 * Authenticators computed with the shared secret. Accounting-Request (RFC 2866 section 3) and
 * CoA/Disconnect-Request (RFC 5176 section 3.5) carry MD5(Code+Identifier+Length+16 zero
 * octets+Attributes+Secret); every response carries MD5(Code+Identifier+Length+Request
 * Authenticator+Attributes+Secret) (RFC 2865 section 3).
 */
public final class RadiusAuthenticators {

    private static final byte[] ZEROS = new byte[16];

    private RadiusAuthenticators() {
    }

    /**
     * Whether the first {@code length} octets of a received request carry the authenticator its
     * secret gives. Compares in constant time.
     */
    public static boolean verifyRequest(byte[] datagram, int length, byte[] secret) {
        if (length < RadiusPacket.HEADER_LENGTH) {
            return false;
        }
        int declared = Math.min(length, ((datagram[2] & 0xff) << 8) | (datagram[3] & 0xff));
        MessageDigest md5 = md5();
        md5.update(datagram, 0, 4);
        md5.update(ZEROS);
        md5.update(datagram, RadiusPacket.HEADER_LENGTH, declared - RadiusPacket.HEADER_LENGTH);
        md5.update(secret);
        return MessageDigest.isEqual(md5.digest(), Arrays.copyOfRange(datagram, 4, 20));
    }

    /** A request with a hashed authenticator (accounting, CoA, Disconnect), ready to send. */
    public static byte[] signRequest(RadiusCode code, int identifier, List<RadiusAttribute> attributes, byte[] secret) {
        if (!code.hasHashedRequestAuthenticator()) {
            throw new IllegalArgumentException(code + " has a random request authenticator");
        }
        byte[] unsigned = new RadiusPacket(code, identifier, ZEROS, attributes).encode(ZEROS);
        return withAuthenticator(unsigned, digest(unsigned, secret));
    }

    /** A response to a request with this identifier and authenticator, ready to send. */
    public static byte[] response(RadiusCode code, int identifier, List<RadiusAttribute> attributes,
            byte[] requestAuthenticator, byte[] secret) {
        byte[] unsigned = new RadiusPacket(code, identifier, requestAuthenticator, attributes).encode(requestAuthenticator);
        return withAuthenticator(unsigned, digest(unsigned, secret));
    }

    /** Whether a received response answers the request with this authenticator under this secret. */
    public static boolean verifyResponse(byte[] datagram, int length, byte[] requestAuthenticator, byte[] secret) {
        if (length < RadiusPacket.HEADER_LENGTH) {
            return false;
        }
        int declared = Math.min(length, ((datagram[2] & 0xff) << 8) | (datagram[3] & 0xff));
        MessageDigest md5 = md5();
        md5.update(datagram, 0, 4);
        md5.update(requestAuthenticator);
        md5.update(datagram, RadiusPacket.HEADER_LENGTH, declared - RadiusPacket.HEADER_LENGTH);
        md5.update(secret);
        return MessageDigest.isEqual(md5.digest(), Arrays.copyOfRange(datagram, 4, 20));
    }

    private static byte[] digest(byte[] packet, byte[] secret) {
        MessageDigest md5 = md5();
        md5.update(packet);
        md5.update(secret);
        return md5.digest();
    }

    private static byte[] withAuthenticator(byte[] packet, byte[] authenticator) {
        System.arraycopy(authenticator, 0, packet, 4, 16);
        return packet;
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has MD5", e);
        }
    }
}
