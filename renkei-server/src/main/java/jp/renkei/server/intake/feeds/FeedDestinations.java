package jp.renkei.server.intake.feeds;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import inet.ipaddr.ipv4.IPv4Address;
import inet.ipaddr.ipv6.IPv6Address;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Where a URL feed may be fetched from: HTTPS only, and never an address inside the operator's
 * own networks (loopback, link-local such as the cloud metadata service, private, carrier-grade
 * NAT, multicast, unspecified), since the server would fetch it with its own network position on
 * a tenant administrator's say. Addresses in {@code renkei.feeds.allowed-private-networks} are
 * let through, for feeds an ISP really serves internally.
 *
 * <p>The host is resolved here and again by the HTTP client when it connects; a name whose DNS
 * answer changes in between (rebinding) is not caught. Every address a name resolves to must pass.
 */
@Component
class FeedDestinations {

    /** A URL a feed may not fetch, and why; the message names the URL. */
    static final class RefusedDestinationException extends IOException {
        RefusedDestinationException(String message) {
            super(message);
        }
    }

    /** An internal range and what to call it in a refusal ("a loopback" address). */
    private record Internal(IPAddress range, String kind) {}

    private static final List<Internal> INTERNAL = List.of(
            internal("0.0.0.0/8", "an unspecified"),
            internal("::/128", "an unspecified"),
            internal("127.0.0.0/8", "a loopback"),
            internal("::1/128", "a loopback"),
            internal("169.254.0.0/16", "a link-local"),
            internal("fe80::/10", "a link-local"),
            internal("10.0.0.0/8", "a private"),
            internal("172.16.0.0/12", "a private"),
            internal("192.168.0.0/16", "a private"),
            internal("fc00::/7", "a private"),
            internal("fec0::/10", "a private"),
            internal("100.64.0.0/10", "a carrier-grade NAT"),
            internal("224.0.0.0/4", "a multicast"),
            internal("ff00::/8", "a multicast"),
            internal("240.0.0.0/4", "a reserved"));

    /** IPv6 forms that carry an IPv4 address a connection may end up at: IPv4-compatible and NAT64. */
    private static final List<IPAddress> CARRYING_IPV4 = List.of(
            new IPAddressString("::/96").getAddress(), new IPAddressString("64:ff9b::/96").getAddress());

    private final List<IPAddress> allowed;

    FeedDestinations(@Value("${renkei.feeds.allowed-private-networks:}") String allowedPrivateNetworks) {
        List<IPAddress> list = new ArrayList<>();
        for (String p : allowedPrivateNetworks.split(",")) {
            if (!p.isBlank()) {
                IPAddress a = new IPAddressString(p.strip()).getAddress();
                if (a == null) {
                    throw new IllegalArgumentException("renkei.feeds.allowed-private-networks: '" + p.strip()
                            + "' is not an address or prefix");
                }
                list.add(a.toPrefixBlock());
            }
        }
        this.allowed = List.copyOf(list);
    }

    /**
     * Checks a URL before it is fetched (the feed's own, or where a redirect points).
     *
     * @throws RefusedDestinationException when it is not HTTPS or its host is internal and not allowed
     * @throws UnknownHostException        when its host does not resolve
     */
    void check(URI url) throws IOException {
        if (!"https".equalsIgnoreCase(url.getScheme())) {
            throw new RefusedDestinationException(url + " refused: only https:// URLs are fetched");
        }
        String host = url.getHost();
        if (host == null || host.isEmpty()) {
            throw new RefusedDestinationException(url + " refused: no host name Renkei can read");
        }
        for (InetAddress resolved : InetAddress.getAllByName(host)) {
            Optional<String> kind = internalKind(resolved);
            if (kind.isPresent()) {
                throw new RefusedDestinationException(url + " refused: " + describe(host, resolved) + " is "
                        + kind.get() + " address, which feeds may not fetch from (unless it is in"
                        + " renkei.feeds.allowed-private-networks)");
            }
        }
    }

    /** What kind of internal address this is, unless it is public or allowed. */
    Optional<String> internalKind(InetAddress address) {
        IPAddress a = address instanceof Inet6Address ? new IPv6Address(address.getAddress())
                : new IPv4Address(address.getAddress());
        List<IPAddress> candidates = new ArrayList<>(List.of(a));
        if (address instanceof Inet6Address && CARRYING_IPV4.stream().anyMatch(r -> r.contains(a))
                && !a.isZero() && !a.isLoopback()) {
            candidates.add(a.toIPv6().getEmbeddedIPv4Address());
        }
        if (candidates.stream().anyMatch(c -> allowed.stream().anyMatch(p -> p.contains(c)))) {
            return Optional.empty();
        }
        return candidates.stream()
                .flatMap(c -> INTERNAL.stream().filter(i -> i.range().contains(c)))
                .map(Internal::kind)
                .findFirst();
    }

    /** The address, and the name it came from when the URL gave a name. */
    private static String describe(String host, InetAddress resolved) {
        String address = new IPAddressString(resolved.getHostAddress()).getAddress().toCanonicalString();
        boolean literal = host.startsWith("[") || Character.digit(host.charAt(host.length() - 1), 10) >= 0;
        return literal ? address : host + " (" + address + ")";
    }

    private static Internal internal(String range, String kind) {
        return new Internal(new IPAddressString(range).getAddress(), kind);
    }
}
