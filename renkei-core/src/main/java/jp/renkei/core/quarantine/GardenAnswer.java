package jp.renkei.core.quarantine;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;

/** What a quarantined client gets for any name it asks: the walled garden's addresses or its host name. */
public sealed interface GardenAnswer permits GardenAnswer.Addresses, GardenAnswer.Alias {

    /** The records answering every name, as zone file lines without owner and TTL. */
    List<String> records();

    /**
     * The garden's addresses as local data: A for IPv4 and AAAA for IPv6 queries. With only one of
     * them, queries of the other type get an empty answer, so the client falls back to the one given.
     */
    record Addresses(Optional<String> ipv4, Optional<String> ipv6) implements GardenAnswer {

        /** Requires at least one address, of the right family. */
        public Addresses {
            ipv4 = ipv4.map(a -> canonical(a, true));
            ipv6 = ipv6.map(a -> canonical(a, false));
            if (ipv4.isEmpty() && ipv6.isEmpty()) {
                throw new IllegalArgumentException("walled garden without an address");
            }
        }

        @Override
        public List<String> records() {
            return Stream.concat(ipv4.map(a -> "A " + a).stream(), ipv6.map(a -> "AAAA " + a).stream())
                    .toList();
        }

        private static String canonical(String text, boolean ipv4) {
            IPAddress a = new IPAddressString(text.strip()).getAddress();
            if (a == null || a.isPrefixed() || a.isMultiple() || a.isIPv4() != ipv4) {
                throw new IllegalArgumentException("walled garden address '" + text + "' is not an "
                        + (ipv4 ? "IPv4" : "IPv6") + " address");
            }
            return a.toCanonicalString();
        }
    }

    /**
     * A CNAME to the garden's host name, resolved as usual; the writer lets that name through so
     * the rewrite does not catch its own target.
     */
    record Alias(AllowedDestination host) implements GardenAnswer {

        /** Requires a plain host name, not a wildcard. */
        public Alias {
            if (host.subdomains()) {
                throw new IllegalArgumentException("walled garden host '" + host + "' must be one name, not a wildcard");
            }
        }

        @Override
        public List<String> records() {
            return List.of("CNAME " + host.name() + ".");
        }
    }
}
