package jp.renkei.server.platform;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import inet.ipaddr.IPAddressStringParameters;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The address of the client a request is from, for anything decided per client (the garden page,
 * wrong-code and report-form limits): the connection's peer, or, when that peer is one of the
 * trusted proxies ({@code renkei.web.trusted-proxies}, addresses or prefixes; the older
 * {@code renkei.garden.trusted-proxies} when that is not set), the nearest address in
 * {@code X-Forwarded-For} that is not itself a trusted proxy. A header from anyone else is
 * ignored, so nobody can name another client's address or escape a limit by inventing one.
 */
@Component
public class ClientAddress {

    private static final IPAddressStringParameters ONE_ADDRESS = new IPAddressStringParameters.Builder()
            .allowEmpty(false).allowAll(false).allowPrefix(false).allowMask(false).allowSingleSegment(false)
            .setRangeOptions(IPAddressStringParameters.RangeParameters.NO_RANGE)
            .getIPv4AddressParametersBuilder().allow_inet_aton(false).getParentBuilder()
            .toParams();

    private final List<IPAddress> trusted;

    ClientAddress(@Value("${renkei.web.trusted-proxies:}") String trustedProxies,
            @Value("${renkei.garden.trusted-proxies:}") String gardenTrustedProxies) {
        this.trusted = trustedProxies.isBlank()
                ? NetworkList.parse("renkei.garden.trusted-proxies", gardenTrustedProxies)
                : NetworkList.parse("renkei.web.trusted-proxies", trustedProxies);
    }

    /** The client's address as the peer's or a forwarded address's canonical text, e.g. {@code 2001:db8::7}. */
    public String of(HttpServletRequest request) {
        String peer = request.getRemoteAddr();
        Optional<IPAddress> peerAddress = address(peer);
        if (peerAddress.isEmpty() || !isTrusted(peerAddress.get())) {
            return peerAddress.map(IPAddress::toCanonicalString).orElse(peer);
        }
        List<String> hops = new ArrayList<>();
        for (String header : Collections.list(request.getHeaders("X-Forwarded-For"))) {
            for (String hop : header.split(",")) {
                if (!hop.isBlank()) {
                    hops.add(hop.strip());
                }
            }
        }
        // Right to left: each trusted proxy appended the peer it saw. The first hop that is not a
        // trusted proxy is the client; everything left of it is the client's own word.
        for (int i = hops.size() - 1; i >= 0; i--) {
            Optional<IPAddress> hop = address(hops.get(i));
            if (hop.isEmpty()) {
                // A proxy that could not name its peer ("unknown", a socket): whoever is left of it
                // is unverifiable, so the request counts as the proxy's own.
                break;
            }
            if (!isTrusted(hop.get())) {
                return hop.get().toCanonicalString();
            }
        }
        // All hops trusted (or none): the proxy's own request. Never the leftmost hop, which a
        // client could set to any address in a trusted prefix to get a fresh limit each time.
        return peerAddress.get().toCanonicalString();
    }

    /**
     * The key a per-client limit counts a client under: an IPv4 address as it is (an IPv4-mapped
     * IPv6 address as the IPv4 address it carries), an IPv6 address as its /64, e.g.
     * {@code 2001:db8:1:2::/64}. One subscriber line gets a whole /64 and picks any address in it,
     * so counting per address would give it a fresh allowance with every new one. Text that is no
     * address is its own key.
     */
    public static String limitKey(String clientAddress) {
        Optional<IPAddress> a = address(clientAddress);
        if (a.isEmpty()) {
            return clientAddress;
        }
        if (a.get().isIPv6()) {
            return a.get().toPrefixBlock(64).toCanonicalString();
        }
        return a.get().toCanonicalString();
    }

    private boolean isTrusted(IPAddress address) {
        return trusted.stream().anyMatch(t -> t.contains(address));
    }

    /**
     * An address as proxies write it: bare, {@code [v6]}, {@code [v6]:port} or {@code v4:port};
     * empty if it is none. Strict: no prefixes, ranges, wildcards or short forms, which name no one
     * client; an IPv4-mapped IPv6 address is the IPv4 address it carries.
     */
    private static Optional<IPAddress> address(String text) {
        String s = text;
        if (s.startsWith("[") && s.indexOf(']') > 0) {
            s = s.substring(1, s.indexOf(']'));
        } else if (s.indexOf(':') > 0 && s.indexOf(':') == s.lastIndexOf(':')) {
            s = s.substring(0, s.indexOf(':'));
        }
        IPAddress a = new IPAddressString(s, ONE_ADDRESS).getAddress();
        if (a == null) {
            return Optional.empty();
        }
        if (a.isIPv6() && a.toIPv6().isIPv4Mapped()) {
            return Optional.of(a.toIPv6().getEmbeddedIPv4Address());
        }
        return Optional.of(a);
    }
}
