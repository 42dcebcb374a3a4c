package jp.renkei.core.net;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import inet.ipaddr.IPAddressStringParameters;

/** Canonical text for IP addresses, so the same address always compares and indexes equal. */
public final class IpAddresses {

    // Feeds write plain dotted quads and RFC 4291 text; the library's lenient forms ("", "*",
    // "127.1", "0x7f.1") would turn garbage into a real address.
    private static final IPAddressStringParameters STRICT = new IPAddressStringParameters.Builder()
            .allowEmpty(false)
            .allowAll(false)
            .allowSingleSegment(false)
            .allowMask(false)
            .allowPrefix(false)
            .getIPv4AddressParametersBuilder().allow_inet_aton(false).getParentBuilder()
            .toParams();

    private IpAddresses() {
    }

    /**
     * The canonical form of an IPv4 or IPv6 address (IPv6 lower-case, zeros compressed per RFC
     * 5952). Prefixes, ranges and host names are refused because an observation names one host.
     */
    public static String canonical(String text) {
        IPAddress address = text == null ? null : new IPAddressString(text.strip(), STRICT).getAddress();
        if (address == null || address.isPrefixed() || address.isMultiple()) {
            throw new IllegalArgumentException("not an IP address: '" + text + "'");
        }
        return address.toCanonicalString();
    }

    /** Whether {@link #canonical(String)} would accept the text. */
    public static boolean isAddress(String text) {
        try {
            canonical(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
