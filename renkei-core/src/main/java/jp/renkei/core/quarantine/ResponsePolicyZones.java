package jp.renkei.core.quarantine;

import java.time.Duration;
import java.util.Collection;
import java.util.Locale;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Writes the two BIND response-policy zones that enforce quarantine by DNS. BIND prefers a
 * CLIENT-IP trigger to a QNAME trigger inside one zone, so allow-listed names could not pass a
 * quarantined client's own trigger there; they live in a zone of their own, listed first in
 * {@code response-policy}, whose {@code rpz-passthru} answers end policy processing for them.
 *
 * @param allowZone the zone of {@code rpz-passthru} entries, e.g. {@code renkei-allow.rpz}
 * @param quarantineZone the zone of CLIENT-IP triggers, e.g. {@code renkei-quarantine.rpz}
 * @param garden what a quarantined client gets for any other name
 * @param ttl how long resolvers and clients keep a policy answer: a released subscriber may see
 *        the garden this long, so keep it short
 */
public record ResponsePolicyZones(String allowZone, String quarantineZone, GardenAnswer garden, Duration ttl) {

    /** Checks the zone names and the TTL. */
    public ResponsePolicyZones {
        allowZone = zoneName(allowZone, "allow");
        quarantineZone = zoneName(quarantineZone, "quarantine");
        Objects.requireNonNull(garden, "garden");
        if (allowZone.equals(quarantineZone)) {
            throw new IllegalArgumentException("the allow and quarantine zones must differ, both are " + allowZone);
        }
        if (ttl.isNegative() || ttl.getSeconds() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("policy TTL " + ttl + " out of range");
        }
    }

    /** The zones Renkei writes unless told otherwise, with a one-minute TTL. */
    public static ResponsePolicyZones standard(GardenAnswer garden) {
        return new ResponsePolicyZones("renkei-allow.rpz", "renkei-quarantine.rpz", garden, Duration.ofMinutes(1));
    }

    /**
     * The named.conf {@code response-policy} statement: the zones in the order that makes the allow
     * list win, and no minimum interval between policy updates, since by default BIND defers an
     * update that comes within 60 seconds of the last and a released subscriber would wait for it.
     */
    public String responsePolicyStatement() {
        return "response-policy { zone \"" + allowZone + "\"; zone \"" + quarantineZone + "\"; } min-update-interval 0;";
    }

    /** The allow zone's text: every allow-listed name, and the garden's host name when it is an alias, passes. */
    public String allowZoneText(long serial, Collection<AllowedDestination> allowed) {
        SortedSet<AllowedDestination> names = new TreeSet<>(allowed);
        if (garden instanceof GardenAnswer.Alias alias) {
            names.add(alias.host());
        }
        StringBuilder out = header(allowZone, serial, "allow-listed destinations: " + names.size());
        for (AllowedDestination d : names) {
            out.append(d.ownerName()).append(" CNAME rpz-passthru.\n");
        }
        return out.toString();
    }

    /** The quarantine zone's text: every quarantined client gets the garden for every name. */
    public String quarantineZoneText(long serial, Collection<ClientIpTrigger> quarantined) {
        SortedSet<ClientIpTrigger> clients = new TreeSet<>(quarantined);
        StringBuilder out = header(quarantineZone, serial, "quarantined clients: " + clients.size());
        for (ClientIpTrigger c : clients) {
            for (String record : garden.records()) {
                out.append(c.ownerName()).append(' ').append(record).append('\n');
            }
        }
        return out.toString();
    }

    private StringBuilder header(String zone, long serial, String comment) {
        if (serial < 0 || serial >= 1L << 32) {
            throw new IllegalArgumentException("SOA serial " + serial + " outside 0..4294967295");
        }
        // Names below are relative to $ORIGIN; the SOA timers matter only to secondaries.
        return new StringBuilder()
                .append("; written by Renkei; ").append(comment).append('\n')
                .append("$ORIGIN ").append(zone).append(".\n")
                .append("$TTL ").append(ttl.getSeconds()).append('\n')
                .append("@ IN SOA localhost. hostmaster.localhost. ").append(serial).append(" 300 60 86400 60\n")
                .append("@ IN NS localhost.\n");
    }

    private static String zoneName(String name, String which) {
        String n = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        if (n.endsWith(".")) {
            n = n.substring(0, n.length() - 1);
        }
        if (!n.matches("[a-z0-9_-]+(\\.[a-z0-9_-]+)+")) {
            throw new IllegalArgumentException(which + " zone name '" + name + "' is not a domain name");
        }
        return n;
    }
}
