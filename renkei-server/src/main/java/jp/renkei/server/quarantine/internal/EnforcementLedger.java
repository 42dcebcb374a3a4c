package jp.renkei.server.quarantine.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jp.renkei.server.quarantine.EnforcementSettings;
import jp.renkei.server.quarantine.QuarantineEnforcement;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The persistent ledger of enforcement actions. Rows are written in the caller's transaction (the
 * one that starts or releases the quarantine), so a decision and its enforcement commit together;
 * an adapter that is not configured gets a {@code disabled} row saying so.
 */
@Component
public class EnforcementLedger {

    static final String RADIUS_OFF = "RADIUS CoA/Disconnect is not configured for this organisation";
    static final String DNS_OFF = "the response-policy zone is not configured for this organisation";

    private final JdbcClient jdbc;
    private final QuarantineEnforcement enforcement;
    private final ApplicationEventPublisher events;

    EnforcementLedger(JdbcClient jdbc, QuarantineEnforcement enforcement, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.enforcement = enforcement;
        this.events = events;
    }

    /** Queues both adapters' {@code start} or {@code release} for the quarantine; a second call changes nothing. */
    public void enqueue(long organisationId, long quarantineId, String action, Instant now) {
        EnforcementSettings s = enforcement.settings(organisationId);
        insert(organisationId, quarantineId, "radius", action, s.radiusEnabled(), RADIUS_OFF, now);
        insert(organisationId, quarantineId, "dns", action, s.rpzEnabled(), DNS_OFF, now);
        events.publishEvent(new EnforcementQueued(organisationId));
    }

    /** Queues a regeneration of the zones (the allow list changed), unless one is pending or DNS is off. */
    public void enqueueSync(long organisationId, Instant now) {
        enqueueSync(organisationId, now, now);
    }

    /**
     * Queues a regeneration due at {@code due}, unless one is pending (which then covers this
     * change too) or DNS is off.
     */
    public void enqueueSync(long organisationId, Instant now, Instant due) {
        if (!enforcement.settings(organisationId).rpzEnabled()) {
            return;
        }
        jdbc.sql("""
                insert into quarantine_action (organisation_id, adapter, action, state, next_attempt_at, created_at)
                select ?, 'dns', 'sync', 'pending', ?, ?
                where not exists (select 1 from quarantine_action where organisation_id = ? and adapter = 'dns'
                    and action = 'sync' and state = 'pending')""")
                .params(organisationId, Timestamp.from(due), Timestamp.from(now), organisationId)
                .update();
        events.publishEvent(new EnforcementQueued(organisationId));
    }

    private void insert(long org, long quarantineId, String adapter, String action, boolean enabled, String off,
            Instant now) {
        jdbc.sql("""
                insert into quarantine_action (organisation_id, quarantine_id, adapter, action, state, next_attempt_at,
                    outcome, created_at, finished_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (quarantine_id, adapter, action) do nothing""")
                .params(org, quarantineId, adapter, action, enabled ? "pending" : "disabled", Timestamp.from(now),
                        enabled ? "" : off, Timestamp.from(now), enabled ? null : Timestamp.from(now))
                .update();
    }

    /** Claims the next due action, locked until the caller's transaction ends; other dispatchers skip it. */
    public Optional<EnforcementAction> claimNext(Instant now) {
        return jdbc.sql("""
                select * from quarantine_action where state = 'pending' and next_attempt_at <= ?
                order by next_attempt_at, id limit 1 for update skip locked""")
                .param(Timestamp.from(now))
                .query((rs, i) -> row(rs))
                .optional();
    }

    /** The action did what it should; {@code outcome} says what the peer answered. */
    public void done(EnforcementAction a, String outcome, Instant now) {
        jdbc.sql("""
                update quarantine_action set state = 'done', attempts = attempts + 1, outcome = ?, last_error = '',
                    finished_at = ? where id = ?""")
                .params(outcome, Timestamp.from(now), a.id())
                .update();
    }

    /** The action failed this time; it is tried again at {@code next}. */
    public void retryLater(EnforcementAction a, String error, Instant next) {
        jdbc.sql("update quarantine_action set attempts = attempts + 1, last_error = ?, next_attempt_at = ? where id = ?")
                .params(error, Timestamp.from(next), a.id())
                .update();
    }

    /** The action failed for good (too many attempts, or a refusal that another attempt would not change). */
    public void fail(EnforcementAction a, String error, Instant now) {
        jdbc.sql("""
                update quarantine_action set state = 'failed', attempts = attempts + 1, last_error = ?, finished_at = ?
                where id = ?""")
                .params(error, Timestamp.from(now), a.id())
                .update();
    }

    /** Puts a failed action of the organisation back in the queue (staff asked); false when it has none such. */
    public boolean retry(long organisationId, long actionId, Instant now) {
        int n = jdbc.sql("""
                update quarantine_action set state = 'pending', next_attempt_at = ?, finished_at = null
                where organisation_id = ? and id = ? and state = 'failed'""")
                .params(Timestamp.from(now), organisationId, actionId)
                .update();
        if (n > 0) {
            events.publishEvent(new EnforcementQueued(organisationId));
        }
        return n > 0;
    }

    /** The organisation's actions for one quarantine, oldest first. */
    public List<EnforcementAction> of(long organisationId, long quarantineId) {
        return jdbc.sql("select * from quarantine_action where organisation_id = ? and quarantine_id = ? order by id")
                .params(organisationId, quarantineId)
                .query((rs, i) -> row(rs))
                .list();
    }

    /** The organisation's most recent actions, newest first. */
    public List<EnforcementAction> recent(long organisationId, int limit) {
        return jdbc.sql("select * from quarantine_action where organisation_id = ? order by id desc limit ?")
                .params(organisationId, limit)
                .query((rs, i) -> row(rs))
                .list();
    }

    private static EnforcementAction row(ResultSet rs) throws SQLException {
        long q = rs.getLong("quarantine_id");
        Optional<Long> quarantine = rs.wasNull() ? Optional.empty() : Optional.of(q);
        return new EnforcementAction(rs.getLong("id"), rs.getLong("organisation_id"), quarantine,
                rs.getString("adapter"), rs.getString("action"), rs.getString("state"), rs.getInt("attempts"),
                rs.getTimestamp("next_attempt_at").toInstant(), rs.getString("outcome"), rs.getString("last_error"),
                rs.getTimestamp("created_at").toInstant(),
                Optional.ofNullable(rs.getTimestamp("finished_at")).map(Timestamp::toInstant));
    }
}
