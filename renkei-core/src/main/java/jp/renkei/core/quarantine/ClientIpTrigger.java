package jp.renkei.core.quarantine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import inet.ipaddr.IPAddressStringParameters;

/**
 * A quarantined client address or prefix as an RPZ CLIENT-IP trigger: prefix length, then the
 * address reversed under {@code rpz-client-ip} ({@code 32.7.100.51.198.rpz-client-ip}; IPv6 in
 * 16-bit words with the RFC 5952 run of zeros written {@code zz}, the only form BIND accepts).
 *
 * @param network the first address of the block, canonical text
 * @param prefixLength the block's prefix length
 */
public record ClientIpTrigger(String network, int prefixLength) implements Comparable<ClientIpTrigger> {

    /** Narrowest IPv4 block accepted: wider ones would send more than one subscriber to the garden. */
    public static final int MIN_IPV4_PREFIX = 24;
    /** Narrowest IPv6 block accepted (a subscriber's delegated prefix is /48 to /64). */
    public static final int MIN_IPV6_PREFIX = 48;

    private static final IPAddressStringParameters ADDRESS_OR_PREFIX = new IPAddressStringParameters.Builder()
            .allowEmpty(false).allowAll(false).allowSingleSegment(false).allowMask(false).allowPrefix(true)
            .getIPv4AddressParametersBuilder().allow_inet_aton(false).getParentBuilder()
            .toParams();

    /** Re-validates through {@link #of(String)} so every trigger is canonical. */
    public ClientIpTrigger {
        Objects.requireNonNull(network, "network");
        IPAddress block = parse(network + "/" + prefixLength);
        network = block.getLower().withoutPrefixLength().toCanonicalString();
    }

    /**
     * A trigger for an address ({@code 198.51.100.7}, {@code 2001:db8::7}) or a prefix
     * ({@code 2001:db8:12:3400::/56}).
     *
     * @throws IllegalArgumentException naming the text when it is no address or prefix, has host
     *         bits set, or is wider than {@link #MIN_IPV4_PREFIX} / {@link #MIN_IPV6_PREFIX}
     */
    public static ClientIpTrigger of(String text) {
        IPAddress block = parse(text);
        return new ClientIpTrigger(block.getLower().withoutPrefixLength().toCanonicalString(),
                block.getNetworkPrefixLength());
    }

    private static IPAddress parse(String text) {
        String t = text == null ? "" : text.strip();
        IPAddress address = new IPAddressString(t, ADDRESS_OR_PREFIX).getAddress();
        // An IPv4-mapped IPv6 trigger never matches: BIND sees IPv4 clients as IPv4.
        if (address == null || address.isIPv6() && address.toIPv6().isIPv4Mapped()) {
            throw new IllegalArgumentException("quarantine client '" + text + "' is not an IP address or prefix");
        }
        if (!address.isPrefixed()) {
            address = address.setPrefixLength(address.getBitCount(), false);
        } else if (!address.isPrefixBlock()) {
            throw new IllegalArgumentException("quarantine client '" + text + "' has host bits set; the block is "
                    + address.toPrefixBlock().toCanonicalString());
        }
        int min = address.isIPv4() ? MIN_IPV4_PREFIX : MIN_IPV6_PREFIX;
        if (address.getNetworkPrefixLength() < min) {
            throw new IllegalArgumentException("quarantine client '" + text + "' is wider than /" + min
                    + " and would quarantine more than one subscriber");
        }
        return address;
    }

    /** Whether this is an IPv6 block. */
    public boolean isIpv6() {
        return network.contains(":");
    }

    /** The owner name inside the policy zone, relative to its origin. */
    public String ownerName() {
        IPAddress address = new IPAddressString(network).getAddress();
        byte[] bytes = address.getBytes();
        List<String> labels = new ArrayList<>();
        if (!isIpv6()) {
            for (byte b : bytes) {
                labels.add(Integer.toString(b & 0xff));
            }
            Collections.reverse(labels);
        } else {
            int[] words = new int[8];
            for (int i = 0; i < 8; i++) {
                words[i] = ((bytes[2 * i] & 0xff) << 8) | (bytes[2 * i + 1] & 0xff);
            }
            int[] run = longestZeroRun(words);
            for (int i = 7; i >= 0; i--) {
                if (i >= run[0] && i < run[0] + run[1]) {
                    if (i == run[0]) {
                        labels.add("zz");
                    }
                } else {
                    labels.add(Integer.toHexString(words[i]));
                }
            }
        }
        return prefixLength + "." + String.join(".", labels) + ".rpz-client-ip";
    }

    /** Start and length of the leftmost longest run of two or more zero words (RFC 5952 section 4.2). */
    private static int[] longestZeroRun(int[] words) {
        int bestStart = -1;
        int bestLength = 0;
        for (int i = 0; i < words.length; ) {
            if (words[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < words.length && words[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j;
        }
        return bestLength >= 2 ? new int[] {bestStart, bestLength} : new int[] {-1, 0};
    }

    /** IPv4 before IPv6, then by address, then wider blocks first; the order of the zone file. */
    @Override
    public int compareTo(ClientIpTrigger o) {
        IPAddress a = new IPAddressString(network).getAddress();
        IPAddress b = new IPAddressString(o.network).getAddress();
        if (a.isIPv4() != b.isIPv4()) {
            return a.isIPv4() ? -1 : 1;
        }
        int byAddress = a.compareTo(b);
        return byAddress != 0 ? byAddress : Integer.compare(prefixLength, o.prefixLength);
    }

    @Override
    public String toString() {
        return network + "/" + prefixLength;
    }
}
