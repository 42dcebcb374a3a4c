package jp.renkei.server.quarantine;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import jp.renkei.core.quarantine.Measure;
import jp.renkei.core.quarantine.QuarantineGate;
import jp.renkei.server.platform.AuditLog;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Starts and ends quarantines. Starting passes the {@link QuarantineGate} first and is refused
 * without consent or policy; every start and release is audited with its grounds.
 */
@Service
public class Quarantines {

    private final JdbcClient jdbc;
    private final Consents consents;
    private final QuarantinePolicies policies;
    private final AuditLog audit;
    private final Duration autoRelease;
    private final int selfReleaseLimit;

    Quarantines(JdbcClient jdbc, Consents consents, QuarantinePolicies policies, AuditLog audit,
            @Value("${renkei.quarantine.auto-release:P30D}") Duration autoRelease,
            @Value("${renkei.quarantine.self-release-limit:2}") int selfReleaseLimit) {
        this.jdbc = jdbc;
        this.consents = consents;
        this.policies = policies;
        this.audit = audit;
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
        return new QuarantineStart.Started(id, grounds);
    }

    /** The subscriber releases themselves from the walled garden (portal or the garden page), up to the limit. */
    @Transactional
    public QuarantineRelease releaseBySubscriber(long organisationId, String subscriberId, Instant now) {
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

    void end(long organisationId, long quarantineId, String subscriberId, String by, Instant now) {
        jdbc.sql("""
                update quarantine set state = 'released', released_at = ?, released_by = ?
                where organisation_id = ? and id = ? and state = 'active'""")
                .params(Timestamp.from(now), by, organisationId, quarantineId)
                .update();
        audit.record(organisationId, by.equals("subscriber") ? "subscriber" : by, "quarantine-released", subscriberId,
                "quarantine " + quarantineId + " released by " + by);
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
