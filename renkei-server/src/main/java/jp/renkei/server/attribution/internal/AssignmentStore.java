package jp.renkei.server.attribution.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jp.renkei.core.attribution.AccountingRecord;
import jp.renkei.core.attribution.Assignment;
import jp.renkei.core.attribution.SessionFragment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The assignment table: session upserts, NAS restarts, and candidate lookups, always per organisation. */
@Repository
public class AssignmentStore {

    /** An assignment with the id of its row. */
    public record StoredAssignment(long id, Assignment assignment) {}

    private final JdbcClient jdbc;

    AssignmentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Inserts the session, or merges it into the stored one (earliest start, latest stop, latest
     * last-seen). Returns whether the row was inserted or changed; false when it already said this.
     */
    public boolean upsert(long organisationId, SessionFragment f, String source) {
        return jdbc.sql("""
                insert into assignment (organisation_id, session_key, subscriber_id, ip, nas, started_at,
                    stopped_at, last_seen_at, source)
                values (:org, :key, :subscriber, cast(:ip as inet), :nas, :start, :stop, :seen, :source)
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
                .update() == 1;
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
        OffsetDateTime t = utc(at);
        return jdbc.sql("""
                select id, subscriber_id, host(ip) as ip, started_at, stopped_at, source from assignment
                where organisation_id = ? and ip = cast(? as inet)
                  and started_at <= ? and (stopped_at is null or stopped_at > ?)""")
                .params(organisationId, ip, t, t)
                .query((rs, i) -> new StoredAssignment(rs.getLong("id"), new Assignment(
                        rs.getString("subscriber_id"), ip, rs.getTimestamp("started_at").toInstant(),
                        Optional.ofNullable(rs.getTimestamp("stopped_at")).map(java.sql.Timestamp::toInstant),
                        rs.getString("source"))))
                .list();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
