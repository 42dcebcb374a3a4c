package jp.renkei.core.radius;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;

/** One attribute: its type and raw value (at most 253 octets, RFC 2865 section 5). */
public record RadiusAttribute(int type, byte[] value) {

    /** Largest value an attribute can carry. */
    public static final int MAX_VALUE_LENGTH = 253;

    /** Copies the value and rejects types outside 1..255 and values over 253 octets. */
    public RadiusAttribute {
        Objects.requireNonNull(value, "value");
        if (type < 1 || type > 255) {
            throw new IllegalArgumentException("attribute type " + type + " outside 1..255");
        }
        if (value.length > MAX_VALUE_LENGTH) {
            throw new IllegalArgumentException("attribute " + type + " value of " + value.length + " octets");
        }
        value = value.clone();
    }

    /** A text (or string) attribute in UTF-8. */
    public static RadiusAttribute text(int type, String text) {
        return new RadiusAttribute(type, text.getBytes(StandardCharsets.UTF_8));
    }

    /** A 32-bit integer, time or enumerated attribute. */
    public static RadiusAttribute integer(int type, long value) {
        return new RadiusAttribute(type, new byte[] {
                (byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value });
    }

    /** An address attribute (IPv4 4 octets, IPv6 16 octets). */
    public static RadiusAttribute address(int type, InetAddress address) {
        return new RadiusAttribute(type, address.getAddress());
    }

    /**
     * A Vendor-Specific attribute (RFC 2865 section 5.26) in the layout every common dictionary
     * uses: vendor id (4 octets), then one sub-attribute of vendor type (1 octet), length (1 octet)
     * and value.
     */
    public static RadiusAttribute vendorSpecific(long vendorId, int vendorType, byte[] value) {
        if (vendorId < 1 || vendorId > 0xffffff) {
            throw new IllegalArgumentException("vendor id " + vendorId + " outside 1..16777215 (an SMI enterprise number)");
        }
        if (vendorType < 1 || vendorType > 255) {
            throw new IllegalArgumentException("vendor " + vendorId + " attribute type " + vendorType + " outside 1..255");
        }
        if (value.length > MAX_VALUE_LENGTH - 6) {
            throw new IllegalArgumentException("vendor " + vendorId + " attribute " + vendorType + " value of "
                    + value.length + " octets (at most " + (MAX_VALUE_LENGTH - 6) + ")");
        }
        byte[] v = new byte[6 + value.length];
        v[1] = (byte) (vendorId >>> 16);
        v[2] = (byte) (vendorId >>> 8);
        v[3] = (byte) vendorId;
        v[4] = (byte) vendorType;
        v[5] = (byte) (value.length + 2);
        System.arraycopy(value, 0, v, 6, value.length);
        return new RadiusAttribute(RadiusAttributeType.VENDOR_SPECIFIC, v);
    }

    /**
     * An IPv6 prefix attribute (RFC 3162 section 2.3) from text such as {@code 2001:db8:12::/56},
     * carrying only the octets the prefix length needs.
     */
    public static RadiusAttribute ipv6Prefix(int type, String prefix) {
        IPAddress p = new IPAddressString(prefix == null ? "" : prefix.strip()).getAddress();
        if (p == null || !p.isIPv6() || !p.isPrefixed() || !p.isPrefixBlock()) {
            throw new IllegalArgumentException("'" + prefix + "' is not an IPv6 prefix such as 2001:db8:12::/56");
        }
        int length = p.getNetworkPrefixLength();
        byte[] address = p.getLower().getBytes();
        byte[] v = new byte[2 + (length + 7) / 8];
        v[1] = (byte) length;
        System.arraycopy(address, 0, v, 2, v.length - 2);
        return new RadiusAttribute(type, v);
    }

    /** The value, copied. */
    @Override
    public byte[] value() {
        return value.clone();
    }

    /** The value as UTF-8 text (invalid sequences replaced). */
    public String asText() {
        return new String(value, StandardCharsets.UTF_8);
    }

    /** The value as an unsigned 32-bit integer. */
    public long asInteger() {
        if (value.length != 4) {
            throw new RadiusFormatException("attribute " + type + " is " + value.length + " octets, not a 4-octet integer");
        }
        return ((value[0] & 0xffL) << 24) | ((value[1] & 0xffL) << 16) | ((value[2] & 0xffL) << 8) | (value[3] & 0xffL);
    }

    /** The value as an IPv4 or IPv6 address, in canonical text. */
    public String asAddress() {
        if (value.length != 4 && value.length != 16) {
            throw new RadiusFormatException("attribute " + type + " is " + value.length + " octets, not an address");
        }
        try {
            return new IPAddressString(InetAddress.getByAddress(value).getHostAddress()).getAddress().toCanonicalString();
        } catch (UnknownHostException e) {
            throw new RadiusFormatException("attribute " + type + ": " + e.getMessage());
        }
    }

    /**
     * The value as an IPv6 prefix (RFC 3162 section 2.3: reserved octet, prefix length, prefix
     * octets), in canonical text such as {@code 2001:db8:12::/56}.
     */
    public String asIpv6Prefix() {
        if (value.length < 2 || value.length > 18 || (value[1] & 0xff) > 128
                || value.length - 2 < ((value[1] & 0xff) + 7) / 8) {
            throw new RadiusFormatException("attribute " + type + " is not an IPv6 prefix: " + HexFormat.of().formatHex(value));
        }
        int length = value[1] & 0xff;
        byte[] address = Arrays.copyOf(Arrays.copyOfRange(value, 2, value.length), 16);
        try {
            IPAddress prefix = new IPAddressString(InetAddress.getByAddress(address).getHostAddress() + "/" + length)
                    .getAddress();
            return prefix.toPrefixBlock().toCanonicalString();
        } catch (UnknownHostException e) {
            throw new RadiusFormatException("attribute " + type + ": " + e.getMessage());
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RadiusAttribute other && type == other.type && Arrays.equals(value, other.value);
    }

    @Override
    public int hashCode() {
        return 31 * type + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return type + "=" + HexFormat.of().formatHex(value);
    }
}
