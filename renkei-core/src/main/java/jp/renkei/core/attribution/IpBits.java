package jp.renkei.core.attribution;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import inet.ipaddr.ipv6.IPv6Address;
import jp.renkei.core.net.IpAddresses;

/**
 * Addresses as 128 bits (two longs), IPv4 mapped into {@code ::ffff:0:0/96}, so one comparison
 * serves both families. Dotted quads are parsed by hand: it is the hot path of every lookup.
 */
final class IpBits {

    static final long V4_MAPPED_LO = 0x0000_ffff_0000_0000L;

    private IpBits() {
    }

    /** The IPv4 address as an int, or -1L when the text is not a plain dotted quad. */
    static long parseV4(CharSequence s) {
        int n = s.length();
        if (n < 7 || n > 15) {
            return -1L;
        }
        long result = 0;
        int octets = 0;
        int value = -1;
        int digits = 0;
        for (int i = 0; i <= n; i++) {
            char c = i < n ? s.charAt(i) : '.';
            if (c == '.') {
                if (digits == 0 || (digits > 1 && s.charAt(i - digits) == '0') || value > 255 || ++octets > 4) {
                    return -1L;
                }
                result = (result << 8) | value;
                value = -1;
                digits = 0;
            } else if (c >= '0' && c <= '9') {
                value = (value < 0 ? 0 : value * 10) + (c - '0');
                if (++digits > 3) {
                    return -1L;
                }
            } else {
                return -1L;
            }
        }
        return octets == 4 ? result : -1L;
    }

    /** The 128 bits of any address, or null when it is not one address. */
    static long[] parse(String text) {
        long v4 = parseV4(text);
        if (v4 >= 0) {
            return new long[] {0L, V4_MAPPED_LO | v4};
        }
        if (!IpAddresses.isAddress(text)) {
            return null;
        }
        IPAddress a = new IPAddressString(text.strip()).getAddress();
        return bits(a);
    }

    static long[] bits(IPAddress a) {
        byte[] b = a.getBytes();
        if (b.length == 4) {
            return new long[] {0L, V4_MAPPED_LO | (toLong(b, 0, 4))};
        }
        return new long[] {toLong(b, 0, 8), toLong(b, 8, 8)};
    }

    private static long toLong(byte[] b, int off, int len) {
        long r = 0;
        for (int i = 0; i < len; i++) {
            r = (r << 8) | (b[off + i] & 0xff);
        }
        return r;
    }

    static boolean isV4(long hi, long lo) {
        return hi == 0 && (lo & 0xffff_ffff_0000_0000L) == V4_MAPPED_LO;
    }

    /** Canonical text of the 128 bits (IPv4 for mapped addresses). */
    static String text(long hi, long lo) {
        if (isV4(hi, lo)) {
            return v4Text((int) lo);
        }
        byte[] b = new byte[16];
        for (int i = 0; i < 8; i++) {
            b[i] = (byte) (hi >>> (56 - 8 * i));
            b[8 + i] = (byte) (lo >>> (56 - 8 * i));
        }
        return new IPv6Address(b).toCanonicalString();
    }

    static String v4Text(int a) {
        return new StringBuilder(15).append((a >>> 24) & 0xff).append('.').append((a >>> 16) & 0xff).append('.')
                .append((a >>> 8) & 0xff).append('.').append(a & 0xff).toString();
    }

    /** High word of a 128-bit mask of {@code length} leading ones. */
    static long maskHi(int length) {
        return length <= 0 ? 0L : length >= 64 ? -1L : -1L << (64 - length);
    }

    /** Low word of a 128-bit mask of {@code length} leading ones. */
    static long maskLo(int length) {
        return length <= 64 ? 0L : length >= 128 ? -1L : -1L << (128 - length);
    }
}
