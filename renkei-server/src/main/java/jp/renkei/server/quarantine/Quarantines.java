package jp.renkei.server.quarantine;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jp.renkei.core.cases.CaseState;
import jp.renkei.core.quarantine.Measure;
import jp.renkei.core.quarantine.QuarantineGate;
import jp.renkei.server.cases.CaseManagement;
import jp.renkei.server.platform.AuditLog;
import jp.renkei.server.quarantine.internal.EnforcementLedger;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Starts and ends quarantines. Starting passes the {@link QuarantineGate} first and is refused
 * without consent or policy; every start and release is audited with its grounds, written to the
 * case timeline, and queued in the enforcement ledger (RADIUS, DNS) in the same transaction.
 */
@Service
public class Quarantines {

    private final JdbcClient jdbc;
    private final Consents consents;
    private final QuarantinePolicies policies;
    private final AuditLog audit;
    private final CaseManagement cases;
    private final EnforcementLedger ledger;
    private final Duration autoRelease;
    private final int selfReleaseLimit;

    Quarantines(JdbcClient jdbc, Consents consents, QuarantinePolicies policies, AuditLog audit, CaseManagement cases,
            EnforcementLedger ledger, @Value("${renkei.quarantine.auto-release:P30D}") Duration autoRelease,
            @Value("${renkei.quarantine.self-release-limit:2}") int selfReleaseLimit) {
        this.jdbc = jdbc;
        this.consents = consents;
        this.policies = policies;
        this.audit = audit;
        this.cases = cases;
        this.ledger = ledger;
        this.autoRelease = autoRelease;
        this.selfReleaseLimit = selfReleaseLimit;
    }

    /**
     * Puts the subscriber's line in the walled garden for the case's ladder step, in the caller's
     * transaction. The same step twice starts nothing new.
     */
    @Transactional
    public QuarantineStart start(long organisationId, long caseId, String subscriberId, String step, Instant now) {
        Optional<Long> existing = jdbc.sql("select id from quarantine where organisation_id = ? and case_id = ? and step = ?")
                .params(organisationId, caseId, step)
                .query(Long.class)
                .optional();
        if (existing.isPresent()) {
            return new QuarantineStart.AlreadyStarted(existing.get());
        }
        var verdict = QuarantineGate.check(Measure.QUARANTINE, consents.current(organisationId, subscriberId),
                policies.current(organisationId));
        if (verdict instanceof QuarantineGate.Refused refused) {
            audit.record(organisationId, "system", "quarantine-refused", subscriberId,
                    "case " + caseId + " step " + step + ": " + refused.reason());
            return new QuarantineStart.Refused(refused.reason());
        }
        String grounds = describe(((QuarantineGate.Permitted) verdict).grounds());
        Optional<Long> active = active(organisationId, subscriberId);
        if (active.isPresent()) {
            // One walled garden per line: a second case of the same subscriber rides on the first.
            return new QuarantineStart.AlreadyStarted(active.get());
        }
        long id = jdbc.sql("""
                insert into quarantine (organisation_id, case_id, subscriber_id, step, grounds, state, started_at,
                    release_due_at)
                values (?, ?, ?, ?, ?, 'active', ?, ?) returning id""")
                .params(organisationId, caseId, subscriberId, step, grounds, Timestamp.from(now),
                        Timestamp.from(now.plus(autoRelease)))
                .query(Long.class)
                .single();
        audit.record(organisationId, "system", "quarantine-started", subscriberId,
                "case " + caseId + " step " + step + " on " + grounds);
        cases.recordEvent(organisationId, caseId, "quarantine-started", "step " + step + " on " + grounds);
        ledger.enqueue(organisationId, id, "start", now);
        return new QuarantineStart.Started(id, grounds);
    }

    /**
     * The subscriber releases themselves from the walled garden (portal or the garden page), up to
     * the limit. Self-releases of one line are serialised for the transaction, so presses at the
     * same moment (two tabs, portal and garden) end the quarantine once and count once: the
     * others then find it released.
     */
    @Transactional
    public QuarantineRelease releaseBySubscriber(long organisationId, String subscriberId, Instant now) {
        lockSelfReleases(organisationId, subscriberId);
        Optional<Long> active = active(organisationId, subscriberId);
        if (active.isEmpty()) {
            return new QuarantineRelease.NotQuarantined();
        }
        int used = selfReleases(organisationId, subscriberId);
        if (used >= selfReleaseLimit) {
            return new QuarantineRelease.LimitReached(selfReleaseLimit);
        }
        end(organisationId, active.get(), subscriberId, "subscriber", now);
        return new QuarantineRelease.Released(active.get(), selfReleaseLimit - used - 1);
    }

    /**
     * The subscriber pressed "release" on the walled-garden page: {@link #releaseBySubscriber} and,
     * when released, the case acknowledged ({@code via walled-garden}), in one transaction.
     */
    @Transactional
    public QuarantineRelease releaseFromGarden(long organisationId, String subscriberId, Instant now) {
        // Before reading the quarantine, so the case acknowledged is the one of the quarantine released.
        lockSelfReleases(organisationId, subscriberId);
        Optional<Quarantine> q = activeQuarantine(organisationId, subscriberId);
        QuarantineRelease result = releaseBySubscriber(organisationId, subscriberId, now);
        if (result instanceof QuarantineRelease.Released && q.isPresent()) {
            cases.acknowledge(organisationId, q.get().caseId(), now, "walled-garden");
        }
        return result;
    }

    /** The active quarantine of the subscriber's line, if any. */
    public Optional<Long> active(long organisationId, String subscriberId) {
        return jdbc.sql("select id from quarantine where organisation_id = ? and subscriber_id = ? and state = 'active'")
                .params(organisationId, subscriberId)
                .query(Long.class)
                .optional();
    }

    /** How many times the subscriber released themselves so far. */
    public int selfReleases(long organisationId, String subscriberId) {
        return jdbc.sql("""
                select count(*) from quarantine
                where organisation_id = ? and subscriber_id = ? and released_by = 'subscriber'""")
                .params(organisationId, subscriberId)
                .query(Integer.class)
                .single();
    }

    /** How many self-releases a subscriber has in all. */
    public int selfReleaseLimit() {
        return selfReleaseLimit;
    }

    /**
     * Staff release the quarantine (operators, from the quarantines page). Audited with the user.
     *
     * @return false when the organisation has no active quarantine with this id
     */
    @Transactional
    public boolean releaseByStaff(long organisationId, long quarantineId, String actor, Instant now) {
        Optional<Quarantine> q = find(organisationId, quarantineId).filter(Quarantine::active);
        q.ifPresent(found -> end(organisationId, found.id(), found.subscriberId(), "staff:" + actor, now));
        return q.isPresent();
    }

    /**
     * Ends, across all organisations, every quarantine whose automatic release is due
     * ({@code renkei.quarantine.auto-release} after its start) or whose case was verified or
     * closed, in one transaction.
     *
     * @return how many were released
     */
    @Transactional
    public int releaseDue(Instant now) {
        int released = 0;
        record Due(long org, Quarantine q) {}
        List<Due> active = jdbc.sql("select * from quarantine where state = 'active' order by id")
                .query((rs, i) -> new Due(rs.getLong("organisation_id"), row(rs))).list();
        for (Due due : active) {
            Quarantine q = due.q();
            long org = due.org();
            Optional<CaseState> state = cases.find(org, q.caseId()).map(c -> c.state());
            String by = null;
            // The case's end says more than the calendar, so it is named when both apply.
            if (state.filter(s -> s == CaseState.VERIFIED).isPresent()) {
                by = "case-verified";
            } else if (state.filter(s -> s == CaseState.CLOSED_UNVERIFIED).isPresent()) {
                by = "case-closed";
            } else if (!q.releaseDueAt().isAfter(now)) {
                by = "automatic";
            }
            if (by != null) {
                end(org, q.id(), q.subscriberId(), by, now);
                released++;
            }
        }
        return released;
    }

    /** The organisation's quarantine with this id; empty for another organisation's. */
    public Optional<Quarantine> find(long organisationId, long quarantineId) {
        return jdbc.sql("select * from quarantine where organisation_id = ? and id = ?")
                .params(organisationId, quarantineId)
                .query((rs, i) -> row(rs))
                .optional();
    }

    /** The organisation's quarantines, active first, then the most recently started, at most {@code limit}. */
    public List<Quarantine> list(long organisationId, int limit) {
        return jdbc.sql("""
                select * from quarantine where organisation_id = ?
                order by (state = 'active') desc, started_at desc, id desc limit ?""")
                .params(organisationId, limit)
                .query((rs, i) -> row(rs))
                .list();
    }

    /** The subscriber's quarantine that is active now, with its details. */
    public Optional<Quarantine> activeQuarantine(long organisationId, String subscriberId) {
        return active(organisationId, subscriberId).flatMap(id -> find(organisationId, id));
    }

    /** The organisation's active quarantines (what the policy zone lists). */
    public List<Quarantine> allActive(long organisationId) {
        return jdbc.sql("select * from quarantine where organisation_id = ? and state = 'active' order by id")
                .param(organisationId)
                .query((rs, i) -> row(rs))
                .list();
    }

    /** Organisations with at least one active quarantine (where the walled garden looks for a client). */
    public List<Long> organisationsWithActive() {
        return jdbc.sql("select distinct organisation_id from quarantine where state = 'active' order by organisation_id")
                .query(Long.class)
                .list();
    }

    /**
     * Waits for any other self-release of the line to commit, and holds it off until this
     * transaction ends: the count read and the release written are then one step. An advisory lock,
     * as the cases module takes, because what is read spans rows: the active quarantine and every
     * earlier self-release of the line.
     */
    private void lockSelfReleases(long organisationId, String subscriberId) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('quarantine_self_release'), hashtext(? || '/' || ?))")
                .params(Long.toString(organisationId), subscriberId)
                .query((rs, i) -> 1)
                .list();
    }

    void end(long organisationId, long quarantineId, String subscriberId, String by, Instant now) {
        int ended = jdbc.sql("""
                update quarantine set state = 'released', released_at = ?, released_by = ?
                where organisation_id = ? and id = ? and state = 'active'""")
                .params(Timestamp.from(now), by, organisationId, quarantineId)
                .update();
        if (ended == 0) {
            return;
        }
        String actor = by.startsWith("staff:") ? by.substring("staff:".length())
                : by.equals("subscriber") ? "subscriber" : "system";
        audit.record(organisationId, actor, "quarantine-released", subscriberId,
                "quarantine " + quarantineId + " released by " + by);
        find(organisationId, quarantineId).ifPresent(q ->
                cases.recordEvent(organisationId, q.caseId(), "quarantine-released", "released by " + by));
        ledger.enqueue(organisationId, quarantineId, "release", now);
    }

    private static Quarantine row(ResultSet rs) throws SQLException {
        return new Quarantine(rs.getLong("id"), rs.getLong("case_id"), rs.getString("subscriber_id"),
                rs.getString("step"), rs.getString("grounds"), rs.getString("state"),
                rs.getTimestamp("started_at").toInstant(), rs.getTimestamp("release_due_at").toInstant(),
                Optional.ofNullable(rs.getTimestamp("released_at")).map(Timestamp::toInstant),
                Optional.ofNullable(rs.getString("released_by")));
    }

    private static String describe(QuarantineGate.Grounds grounds) {
        if (grounds instanceof QuarantineGate.ByConsent c) {
            return "consent: " + c.consent().level().code() + " (terms " + c.consent().termsVersion() + ", given "
                    + c.consent().givenAt() + ")";
        }
        QuarantineGate.ByPolicy p = (QuarantineGate.ByPolicy) grounds;
        return "policy: " + p.policy().name() + " (" + p.policy().legalBasis() + ")";
    }
}
