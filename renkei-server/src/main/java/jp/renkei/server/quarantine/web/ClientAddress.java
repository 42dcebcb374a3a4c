package jp.renkei.server.quarantine.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The address of the client the garden page is for: the connection's peer, or, when that peer is
 * one of {@code renkei.garden.trusted-proxies} (addresses or prefixes), the nearest address in
 * {@code X-Forwarded-For} that is not itself a trusted proxy. A header from anyone else is ignored,
 * so nobody can see or release another subscriber's quarantine by naming their address.
 */
@Component
class ClientAddress {

    private final List<IPAddress> trusted;

    ClientAddress(@Value("${renkei.garden.trusted-proxies:}") String trustedProxies) {
        List<IPAddress> list = new ArrayList<>();
        for (String t : trustedProxies.split(",")) {
            if (!t.isBlank()) {
                IPAddress a = new IPAddressString(t.strip()).getAddress();
                if (a == null) {
                    throw new IllegalArgumentException("renkei.garden.trusted-proxies: '" + t.strip()
                            + "' is not an address or prefix");
                }
                list.add(a.toPrefixBlock());
            }
        }
        this.trusted = List.copyOf(list);
    }

    String of(HttpServletRequest request) {
        String peer = request.getRemoteAddr();
        if (!isTrusted(peer)) {
            return peer;
        }
        List<String> hops = new ArrayList<>();
        java.util.Collections.list(request.getHeaders("X-Forwarded-For")).forEach(h ->
                Arrays.stream(h.split(",")).map(String::strip).filter(s -> !s.isEmpty()).forEach(hops::add));
        for (int i = hops.size() - 1; i >= 0; i--) {
            if (!isTrusted(hops.get(i))) {
                return hops.get(i);
            }
        }
        return peer;
    }

    private boolean isTrusted(String address) {
        IPAddress a = new IPAddressString(address).getAddress();
        return a != null && trusted.stream().anyMatch(t -> t.contains(a));
    }
}
