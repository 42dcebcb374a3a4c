package jp.renkei.core.radius;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A RADIUS packet (RFC 2865 section 3): code, identifier, 16-octet authenticator and attributes.
 * Decoding checks the framing only; whether the authenticator is right needs the shared secret,
 * see {@link RadiusAuthenticators}.
 */
public record RadiusPacket(RadiusCode code, int identifier, byte[] authenticator, List<RadiusAttribute> attributes) {

    /** Smallest packet: the header. */
    public static final int HEADER_LENGTH = 20;
    /** Largest packet RFC 2865 allows. */
    public static final int MAX_LENGTH = 4096;

    /** Copies arrays and lists; rejects identifiers outside 0..255 and authenticators not 16 octets. */
    public RadiusPacket {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(authenticator, "authenticator");
        if (identifier < 0 || identifier > 255) {
            throw new IllegalArgumentException("identifier " + identifier + " outside 0..255");
        }
        if (authenticator.length != 16) {
            throw new IllegalArgumentException("authenticator of " + authenticator.length + " octets");
        }
        authenticator = authenticator.clone();
        attributes = List.copyOf(attributes);
    }

    /**
     * Decodes the first {@code length} octets of {@code data}. Octets beyond the packet's own
     * length field are padding and ignored (RFC 2865 section 3).
     *
     * @throws RadiusFormatException for a packet that is too short, too long, has an unknown code,
     *         or attributes that overrun it
     */
    public static RadiusPacket decode(byte[] data, int length) {
        if (length < HEADER_LENGTH) {
            throw new RadiusFormatException("packet of " + length + " octets is shorter than the header");
        }
        int declared = ((data[2] & 0xff) << 8) | (data[3] & 0xff);
        if (declared < HEADER_LENGTH || declared > MAX_LENGTH || declared > length) {
            throw new RadiusFormatException("length field " + declared + " does not fit a datagram of " + length);
        }
        RadiusCode code = RadiusCode.of(data[0] & 0xff)
                .orElseThrow(() -> new RadiusFormatException("unknown code " + (data[0] & 0xff)));
        List<RadiusAttribute> attributes = new ArrayList<>();
        int at = HEADER_LENGTH;
        while (at < declared) {
            if (at + 2 > declared) {
                throw new RadiusFormatException("attribute header at octet " + at + " overruns the packet");
            }
            int type = data[at] & 0xff;
            int attributeLength = data[at + 1] & 0xff;
            if (attributeLength < 2 || at + attributeLength > declared) {
                throw new RadiusFormatException("attribute " + type + " at octet " + at + " has length " + attributeLength);
            }
            if (type == 0) {
                throw new RadiusFormatException("attribute type 0 at octet " + at);
            }
            attributes.add(new RadiusAttribute(type, Arrays.copyOfRange(data, at + 2, at + attributeLength)));
            at += attributeLength;
        }
        return new RadiusPacket(code, data[1] & 0xff, Arrays.copyOfRange(data, 4, 20), attributes);
    }

    /** Decodes a whole array. */
    public static RadiusPacket decode(byte[] data) {
        return decode(data, data.length);
    }

    /** The packet on the wire, with the authenticator it carries. */
    public byte[] encode() {
        return encode(authenticator);
    }

    /** The packet on the wire with another authenticator (e.g. sixteen zeros while signing). */
    byte[] encode(byte[] withAuthenticator) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(HEADER_LENGTH + attributes.size() * 8);
        out.write(code.number());
        out.write(identifier);
        out.write(0);
        out.write(0);
        out.writeBytes(withAuthenticator);
        for (RadiusAttribute a : attributes) {
            byte[] v = a.value();
            out.write(a.type());
            out.write(v.length + 2);
            out.writeBytes(v);
        }
        byte[] bytes = out.toByteArray();
        if (bytes.length > MAX_LENGTH) {
            throw new IllegalStateException("packet of " + bytes.length + " octets exceeds " + MAX_LENGTH);
        }
        bytes[2] = (byte) (bytes.length >>> 8);
        bytes[3] = (byte) bytes.length;
        return bytes;
    }

    /** The authenticator, copied. */
    @Override
    public byte[] authenticator() {
        return authenticator.clone();
    }

    /** The first attribute of this type. */
    public Optional<RadiusAttribute> first(int type) {
        return attributes.stream().filter(a -> a.type() == type).findFirst();
    }

    /** Every attribute of this type, in packet order. */
    public List<RadiusAttribute> all(int type) {
        return attributes.stream().filter(a -> a.type() == type).toList();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RadiusPacket p && code == p.code && identifier == p.identifier
                && Arrays.equals(authenticator, p.authenticator) && attributes.equals(p.attributes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(code, identifier, Arrays.hashCode(authenticator), attributes);
    }

    @Override
    public String toString() {
        return code + " id=" + identifier + " auth=" + HexFormat.of().formatHex(authenticator) + " " + attributes;
    }
}
