package jp.renkei.core.attribution;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import java.util.Objects;

/**
 * An IPv4 or IPv6 prefix such as {@code 203.0.113.0/24} or {@code 2001:db8:1200::/40}; a single
 * address is a /32 or /128. {@code network} is canonical with the host bits zero.
 */
public record IpPrefix(String network, int length) {

    /** Rejects lengths outside the family and networks with host bits set. */
    public IpPrefix {
        Objects.requireNonNull(network, "network");
        long[] bits = IpBits.parse(network);
        if (bits == null) {
            throw new IllegalArgumentException("not an IP address: '" + network + "'");
        }
        boolean v4 = IpBits.isV4(bits[0], bits[1]) && !network.contains(":");
        if (length < 0 || length > (v4 ? 32 : 128)) {
            throw new IllegalArgumentException("prefix length " + length + " out of range for " + network);
        }
        int wide = v4 ? length + 96 : length;
        if ((bits[0] & ~IpBits.maskHi(wide)) != 0 || (bits[1] & ~IpBits.maskLo(wide)) != 0) {
            throw new IllegalArgumentException(network + "/" + length + " has host bits set");
        }
        network = IpBits.text(bits[0], bits[1]);
    }

    /** Parses {@code address/length}, or a bare address as a host prefix. */
    public static IpPrefix parse(String text) {
        String t = Objects.requireNonNull(text, "text").strip();
        int slash = t.indexOf('/');
        if (slash < 0) {
            return new IpPrefix(t, t.contains(":") ? 128 : 32);
        }
        int length;
        try {
            length = Integer.parseInt(t.substring(slash + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a prefix: '" + text + "'");
        }
        IPAddress a = new IPAddressString(t.substring(0, slash)).getAddress();
        if (a == null) {
            throw new IllegalArgumentException("not a prefix: '" + text + "'");
        }
        return new IpPrefix(a.toCanonicalString(), length);
    }

    /** Whether the address (any text form) lies inside this prefix; false for non-addresses. */
    public boolean contains(String address) {
        long[] bits = IpBits.parse(address);
        return bits != null && contains(bits[0], bits[1]);
    }

    boolean contains(long hi, long lo) {
        return (hi & IpBits.maskHi(wideLength())) == networkHi() && (lo & IpBits.maskLo(wideLength())) == networkLo();
    }

    /** Whether this is an IPv4 prefix. */
    public boolean isIpv4() {
        return !network.contains(":");
    }

    /** The length in the 128-bit space where IPv4 sits at {@code ::ffff:0:0/96}. */
    int wideLength() {
        return isIpv4() ? length + 96 : length;
    }

    long networkHi() {
        return IpBits.parse(network)[0];
    }

    long networkLo() {
        return IpBits.parse(network)[1];
    }

    @Override
    public String toString() {
        return network + "/" + length;
    }
}
