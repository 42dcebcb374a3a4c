package jp.renkei.server.platform;

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
 * Where Renkei may connect on a tenant administrator's say (URL and mailbox feeds, the SMS
 * gateway, LINE): never to an address inside the operator's own networks (loopback, link-local
 * such as the cloud metadata service, private, carrier-grade NAT, multicast, unspecified,
 * reserved), since the server would connect with its own network position. Addresses in
 * {@code renkei.outbound.allowed-private-networks} are let through, for the services an ISP really
 * runs internally; only there is plain {@code http://} used for a service.
 *
 * <p>The host is resolved here and again by the client when it connects; a name whose DNS
 * answer changes in between (rebinding) is not caught. Every address a name resolves to must pass.
 * Callers never let their client follow a redirect: each destination is checked before it is used.
 */
@Component
public class OutboundDestinations {

    /** The setting that lets an internal network through, as refusals name it. */
    public static final String SETTING = "renkei.outbound.allowed-private-networks";

    /** A destination Renkei will not connect to, and why; the message names it and the setting. */
    public static final class RefusedDestinationException extends IOException {
        public RefusedDestinationException(String message) {
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

    OutboundDestinations(@Value("${renkei.outbound.allowed-private-networks:}") String allowedPrivateNetworks) {
        this.allowed = NetworkList.parse(SETTING, allowedPrivateNetworks);
    }

    /**
     * Checks a URL that must be HTTPS before it is fetched (a URL feed's own, or where a redirect
     * points). A refusal names the whole URL.
     *
     * @param purpose what the connection is for, as a refusal says it ("feeds")
     * @throws RefusedDestinationException when it is not HTTPS or its host is internal and not allowed
     * @throws UnknownHostException        when its host does not resolve (perhaps for now only)
     */
    public void checkHttpsUrl(URI url, String purpose) throws IOException {
        if (!"https".equalsIgnoreCase(url.getScheme())) {
            throw new RefusedDestinationException(url + " refused: only https:// URLs are fetched");
        }
        String host = hostOf(url.toString(), url);
        for (InetAddress resolved : InetAddress.getAllByName(host)) {
            refuseInternal(url.toString(), host, resolved, purpose);
        }
    }

    /**
     * Checks a service's URL (SMS gateway, LINE) before each request: HTTPS, or plain HTTP when
     * every address its host resolves to is in an allowed network, since over anything else plain
     * HTTP would hand the gateway's keys and the subscriber's message to whoever is on the path.
     * A refusal names only the scheme, host and port: the rest of a gateway request's URL may
     * carry the subscriber's number and message.
     *
     * @throws RefusedDestinationException when the scheme or an address is not acceptable
     * @throws UnknownHostException        when its host does not resolve (perhaps for now only)
     */
    public void checkServiceUrl(URI url, String purpose) throws IOException {
        String origin = origin(url);
        boolean plain = serviceScheme(url, origin, purpose);
        String host = hostOf(origin, url);
        for (InetAddress resolved : InetAddress.getAllByName(host)) {
            refuseInternal(origin, host, resolved, purpose);
            if (plain && !isAllowed(resolved)) {
                throw plainHttpRefused(origin, describe(host, resolved) + " is not in them", purpose);
            }
        }
    }

    /**
     * What {@link #checkServiceUrl} can tell without resolving a name, for settings being saved:
     * the scheme, and an address written into the URL. A host name is checked when it is used.
     *
     * @throws RefusedDestinationException when the URL would be refused whatever its name resolves to
     */
    public void checkServiceUrlAsWritten(URI url, String purpose) throws RefusedDestinationException {
        String origin = origin(url);
        boolean plain = serviceScheme(url, origin, purpose);
        String host = hostOf(origin, url);
        Optional<InetAddress> literal = literal(host);
        if (literal.isPresent()) {
            refuseInternal(origin, host, literal.get(), purpose);
            if (plain && !isAllowed(literal.get())) {
                throw plainHttpRefused(origin, describe(host, literal.get()) + " is not in them", purpose);
            }
        } else if (plain && allowed.isEmpty()) {
            throw plainHttpRefused(origin, "none are set", purpose);
        }
    }

    /**
     * Checks a host a connection of another protocol is made to (an IMAP server) before connecting.
     *
     * @throws RefusedDestinationException when it is empty or resolves to an internal address not allowed
     * @throws UnknownHostException        when it does not resolve (perhaps for now only)
     */
    public void checkHost(String host, String purpose) throws IOException {
        String h = host.strip();
        // An empty host would be taken for this machine by the resolver and by mail clients.
        if (h.isEmpty()) {
            throw new RefusedDestinationException("(no host) refused: no host name given");
        }
        for (InetAddress resolved : InetAddress.getAllByName(h)) {
            refuseInternal(h, h, resolved, purpose);
        }
    }

    /** What kind of internal address this is, unless it is public or allowed. */
    Optional<String> internalKind(InetAddress address) {
        List<IPAddress> candidates = candidates(address);
        if (candidates.stream().anyMatch(c -> allowed.stream().anyMatch(p -> p.contains(c)))) {
            return Optional.empty();
        }
        return candidates.stream()
                .flatMap(c -> INTERNAL.stream().filter(i -> i.range().contains(c)))
                .map(Internal::kind)
                .findFirst();
    }

    private boolean isAllowed(InetAddress address) {
        return candidates(address).stream().anyMatch(c -> allowed.stream().anyMatch(p -> p.contains(c)));
    }

    /** The address, and the IPv4 address an IPv6 form carries when a connection may end up there. */
    private static List<IPAddress> candidates(InetAddress address) {
        IPAddress a = address instanceof Inet6Address ? new IPv6Address(address.getAddress())
                : new IPv4Address(address.getAddress());
        List<IPAddress> candidates = new ArrayList<>(List.of(a));
        if (address instanceof Inet6Address && CARRYING_IPV4.stream().anyMatch(r -> r.contains(a))
                && !a.isZero() && !a.isLoopback()) {
            candidates.add(a.toIPv6().getEmbeddedIPv4Address());
        }
        return candidates;
    }

    private void refuseInternal(String target, String host, InetAddress resolved, String purpose)
            throws RefusedDestinationException {
        Optional<String> kind = internalKind(resolved);
        if (kind.isPresent()) {
            throw new RefusedDestinationException(target + " refused: " + describe(host, resolved) + " is "
                    + kind.get() + " address, which Renkei does not connect to for " + purpose
                    + " (unless it is in " + SETTING + ")");
        }
    }

    /** True for plain HTTP, false for HTTPS; refuses any other scheme. */
    private static boolean serviceScheme(URI url, String origin, String purpose) throws RefusedDestinationException {
        String scheme = String.valueOf(url.getScheme());
        if (scheme.equalsIgnoreCase("https")) {
            return false;
        }
        if (scheme.equalsIgnoreCase("http")) {
            return true;
        }
        throw new RefusedDestinationException(origin + " refused: only https:// addresses are used for " + purpose);
    }

    private static RefusedDestinationException plainHttpRefused(String origin, String why, String purpose) {
        return new RefusedDestinationException(origin + " refused: plain http:// is used for " + purpose
                + " only inside the networks in " + SETTING + ", and " + why + "; use https://");
    }

    private static String hostOf(String target, URI url) throws RefusedDestinationException {
        String host = url.getHost();
        // Java reads no host in e.g. https://127.1/ or a name with '_'; an empty host would resolve to loopback.
        if (host == null || host.isEmpty()) {
            throw new RefusedDestinationException(target + " refused: no host name Renkei can read");
        }
        return host;
    }

    /** Scheme, host and port: never the user information, path or query. */
    private static String origin(URI url) {
        if (url.getHost() == null) {
            return String.valueOf(url.getScheme()) + "://(no host)";
        }
        return url.getScheme() + "://" + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort());
    }

    /** The address a host written as one stands for, as the resolver would read it. */
    private static Optional<InetAddress> literal(String host) {
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        IPAddress a = new IPAddressString(h).getAddress();
        if (a == null) {
            return Optional.empty();
        }
        return Optional.of(a.toInetAddress());
    }

    /** The address, and the name it came from when the destination gave a name. */
    private static String describe(String host, InetAddress resolved) {
        String address = new IPAddressString(resolved.getHostAddress()).getAddress().toCanonicalString();
        return literal(host).isPresent() ? address : host + " (" + address + ")";
    }

    private static Internal internal(String range, String kind) {
        return new Internal(new IPAddressString(range).getAddress(), kind);
    }
}
