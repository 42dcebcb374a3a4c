package jp.renkei.server.attribution.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import jp.renkei.core.attribution.AccountingRecord;
import jp.renkei.core.attribution.Assignment;
import jp.renkei.core.attribution.PortRange;
import jp.renkei.core.net.IpAddresses;
import jp.renkei.core.attribution.SessionFragment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The assignment table: session upserts, NAS restarts, and candidate lookups, always per organisation. */
@Repository
public class AssignmentStore {

    /** An assignment with the id of its row. */
    public record StoredAssignment(long id, Assignment assignment) {}

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;

    AssignmentStore(JdbcClient jdbc, JdbcTemplate jdbcTemplate) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
    }

    /**
     * Inserts the session, or merges it into the stored one (earliest start, latest stop, latest
     * last-seen). Returns whether the row was inserted or changed; false when it already said this.
     */
    public boolean upsert(long organisationId, SessionFragment f, String source) {
        return jdbc.sql("""
                insert into assignment (organisation_id, session_key, subscriber_id, ip, nas, started_at,
                    stopped_at, last_seen_at, source, source_kind)
                values (:org, :key, :subscriber, cast(:ip as inet), :nas, :start, :stop, :seen, :source, :kind)
                on conflict (organisation_id, session_key) do update
                set started_at = least(assignment.started_at, excluded.started_at),
                    stopped_at = greatest(assignment.stopped_at, excluded.stopped_at),
                    last_seen_at = greatest(assignment.last_seen_at, excluded.last_seen_at)
                where (assignment.started_at, assignment.stopped_at, assignment.last_seen_at) is distinct from
                      (least(assignment.started_at, excluded.started_at),
                       greatest(assignment.stopped_at, excluded.stopped_at),
                       greatest(assignment.last_seen_at, excluded.last_seen_at))""")
                .param("org", organisationId)
                .param("key", f.sessionKey())
                .param("subscriber", f.subscriberId())
                .param("ip", f.ip())
                .param("nas", f.nas())
                .param("start", utc(f.start()))
                .param("stop", f.stop().map(AssignmentStore::utc).orElse(null), java.sql.Types.TIMESTAMP_WITH_TIMEZONE)
                .param("seen", utc(f.lastSeen()))
                .param("source", source)
                .param("kind", kindOf(source))
                .update() == 1;
    }

    /**
     * {@link #upsert} for many fragments in one JDBC batch (the RADIUS writer's group commit).
     * Returns, per fragment, whether its row was inserted or changed.
     */
    public boolean[] upsertAll(long organisationId, List<SessionFragment> fragments, String source) {
        int[][] counts = jdbcTemplate.batchUpdate("""
                insert into assignment (organisation_id, session_key, subscriber_id, ip, nas, started_at,
                    stopped_at, last_seen_at, source, source_kind)
                values (?, ?, ?, cast(? as inet), ?, ?, ?, ?, ?, ?)
                on conflict (organisation_id, session_key) do update
                set started_at = least(assignment.started_at, excluded.started_at),
                    stopped_at = greatest(assignment.stopped_at, excluded.stopped_at),
                    last_seen_at = greatest(assignment.last_seen_at, excluded.last_seen_at)
                where (assignment.started_at, assignment.stopped_at, assignment.last_seen_at) is distinct from
                      (least(assignment.started_at, excluded.started_at),
                       greatest(assignment.stopped_at, excluded.stopped_at),
                       greatest(assignment.last_seen_at, excluded.last_seen_at))""",
                fragments, fragments.size(), (ps, f) -> {
                    ps.setLong(1, organisationId);
                    ps.setString(2, f.sessionKey());
                    ps.setString(3, f.subscriberId());
                    ps.setString(4, f.ip());
                    ps.setString(5, f.nas());
                    ps.setObject(6, utc(f.start()));
                    ps.setObject(7, f.stop().map(AssignmentStore::utc).orElse(null), java.sql.Types.TIMESTAMP_WITH_TIMEZONE);
                    ps.setObject(8, utc(f.lastSeen()));
                    ps.setString(9, source);
                    ps.setString(10, kindOf(source));
                });
        boolean[] changed = new boolean[fragments.size()];
        int i = 0;
        for (int[] batch : counts) {
            for (int c : batch) {
                changed[i++] = c != 0;
            }
        }
        return changed;
    }

    /** The source kind (retention is per kind): the part of the source before its first colon. */
    public static String kindOf(String source) {
        int colon = source.indexOf(':');
        return colon < 0 ? source : source.substring(0, colon);
    }

    /** Remembers an Accounting-On/Off; false when it was already known. */
    public boolean recordRestart(long organisationId, AccountingRecord restart) {
        return jdbc.sql("""
                insert into nas_restart (organisation_id, nas, at, status) values (?, ?, ?, ?)
                on conflict do nothing""")
                .params(organisationId, restart.nas(), utc(restart.eventTime()), restart.status().dictionaryName())
                .update() == 1;
    }

    /**
     * Closes the open sessions of these NASes at the first restart after they were last seen
     * (which is also after they started): a rebooting NAS forgets its sessions without Stops.
     * Returns how many sessions were closed.
     */
    public int closeSessionsEndedByRestarts(long organisationId, Collection<String> nases) {
        if (nases.isEmpty()) {
            return 0;
        }
        return jdbc.sql("""
                with ends as (
                    select a.id, (select min(r.at) from nas_restart r
                                  where r.organisation_id = a.organisation_id and r.nas = a.nas
                                    and r.at > a.last_seen_at) as at
                    from assignment a
                    where a.organisation_id = ? and a.stopped_at is null and a.nas = any(?)
                )
                update assignment a set stopped_at = ends.at
                from ends where a.id = ends.id and ends.at is not null""")
                .params(organisationId, nases.toArray(String[]::new))
                .update();
    }

    /** The organisation's assignments of this (canonical) IP that cover the instant. */
    public List<StoredAssignment> covering(long organisationId, String ip, Instant at) {
        return near(organisationId, ip, OptionalInt.empty(), at, java.time.Duration.ZERO).stream()
                .filter(s -> s.assignment().covers(at)).toList();
    }

    /**
     * The organisation's assignments of this (canonical) address — the address itself or a prefix
     * containing it — holding {@code port} when given, whose period comes within {@code tolerance}
     * of the instant.
     */
    public List<StoredAssignment> near(long organisationId, String ip, OptionalInt port, Instant at,
            java.time.Duration tolerance) {
        OffsetDateTime latestStart = utc(at.plus(tolerance));
        OffsetDateTime earliestStop = utc(at.minus(tolerance));
        String columns = """
                select id, subscriber_id, host(ip) as ip, masklen(ip) as len, started_at, stopped_at, source,
                    port_first, port_last, line
                from assignment where organisation_id = :org and %s
                  and started_at <= :latestStart and (stopped_at is null or stopped_at > :earliestStop)
                  and (cast(:port as integer) is null or cast(:port as integer) between port_first and port_last)""";
        String sql = columns.formatted("ip = cast(:ip as inet)") + "\nunion all\n" + columns.formatted("""
                ((family(ip) = 4 and masklen(ip) < 32) or (family(ip) = 6 and masklen(ip) < 128))
                  and ip >> cast(:ip as inet)""");
        return jdbc.sql(sql)
                .param("org", organisationId)
                .param("ip", ip)
                .param("latestStart", latestStart)
                .param("earliestStop", earliestStop)
                .param("port", port.isPresent() ? port.getAsInt() : null, java.sql.Types.INTEGER)
                .query((rs, i) -> row(rs))
                .list();
    }

    /** One row as a core assignment: address or prefix, port block, access line. */
    static StoredAssignment row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new StoredAssignment(rs.getLong("id"), new Assignment(rs.getString("subscriber_id"),
                IpAddresses.canonical(rs.getString("ip")), rs.getInt("len"),
                new PortRange(rs.getInt("port_first"), rs.getInt("port_last")),
                rs.getTimestamp("started_at").toInstant(),
                Optional.ofNullable(rs.getTimestamp("stopped_at")).map(java.sql.Timestamp::toInstant),
                rs.getString("source"), rs.getString("line")));
    }

    /**
     * Deletes the organisation's closed assignments of this source kind that stopped before
     * {@code before} (its logs are no longer kept). Returns how many.
     */
    public int purge(long organisationId, String kind, Instant before) {
        return jdbc.sql("""
                delete from assignment a where a.organisation_id = ? and a.source_kind = ? and a.stopped_at < ?
                  and not exists (select 1 from observation o where o.assignment_id = a.id)""")
                .params(organisationId, kind, utc(before)).update();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
