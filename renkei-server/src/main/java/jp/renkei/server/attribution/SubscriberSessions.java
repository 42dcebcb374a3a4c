package jp.renkei.server.attribution;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jp.renkei.core.net.IpAddresses;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The sessions a subscriber holds now (subscriber → addresses, the reverse of an attribution): what
 * enforcement needs to send a CoA to the right NAS and to list the quarantined client addresses.
 * Only the organisation's own assignments are read.
 */
@Service
public class SubscriberSessions {

    private final JdbcClient jdbc;

    SubscriberSessions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One session held now: the address or prefix ({@code prefixLength} below the family's full
     * length for a delegated prefix), the NAS as the accounting named it (NAS-IP-Address, else
     * NAS-Identifier; empty for lease logs), and the Acct-Session-Id when the session key carries it.
     */
    public record HeldSession(String address, int prefixLength, String nas, Optional<String> acctSessionId,
            Instant startedAt) {

        /** {@code 198.51.100.7} or {@code 2001:db8:12:3400::/56}. */
        public String addressOrPrefix() {
            return prefixLength == (address.indexOf(':') >= 0 ? 128 : 32) ? address : address + "/" + prefixLength;
        }

        /** Whether a whole IPv4 address (what Framed-IP-Address names). */
        public boolean isIpv4Address() {
            return address.indexOf(':') < 0 && prefixLength == 32;
        }
    }

    /**
     * The subscriber's sessions that cover {@code at} (started, not stopped), newest first. Port
     * blocks of a shared CGNAT address are left out: the address is not the subscriber's alone.
     */
    public List<HeldSession> current(long organisationId, String subscriberId, Instant at) {
        return jdbc.sql("""
                select host(ip) as ip, masklen(ip) as len, nas, session_key, started_at from assignment
                where organisation_id = ? and subscriber_id = ? and started_at <= ?
                  and (stopped_at is null or stopped_at > ?) and port_first = 0 and port_last = 65535
                order by started_at desc, id desc""")
                .params(organisationId, subscriberId, Timestamp.from(at), Timestamp.from(at))
                .query((rs, i) -> {
                    String nas = rs.getString("nas");
                    String key = rs.getString("session_key");
                    // Live RADIUS and detail files without Acct-Unique-Session-Id key sessions as "nas/Acct-Session-Id".
                    Optional<String> sessionId = !nas.isEmpty() && key.startsWith(nas + "/")
                            ? Optional.of(key.substring(nas.length() + 1)).filter(s -> !s.isEmpty())
                            : Optional.empty();
                    return new HeldSession(IpAddresses.canonical(rs.getString("ip")), rs.getInt("len"), nas, sessionId,
                            rs.getTimestamp("started_at").toInstant());
                })
                .list();
    }
}
