package jp.renkei.server.notify.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jp.renkei.server.cases.CaseNotice;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code notice} table: the persistent outbox. Reads are organisation-scoped; claiming is for the dispatcher. */
@Repository
class OutboxStore {

    private final JdbcClient jdbc;

    OutboxStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean exists(long organisationId, long caseId, String channel, String purpose) {
        return jdbc.sql("""
                select exists (select 1 from notice where organisation_id = ? and case_id = ?
                    and channel = ? and purpose = ?)""")
                .params(organisationId, caseId, channel, purpose)
                .query(Boolean.class)
                .single();
    }

    /**
     * Stores a composed notice for a ladder step ({@code purpose}) in state {@code pending} or
     * {@code failed} (with the reason); empty when the case already has a notice for it.
     */
    Optional<Long> insert(long organisationId, long caseId, String channel, String purpose, String recipient,
            ComposedNotice notice, String state, String error) {
        return jdbc.sql("""
                insert into notice (organisation_id, case_id, channel, purpose, recipient, language, subject, body,
                    state, last_error)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (case_id, channel, purpose) do nothing
                returning id""")
                .params(organisationId, caseId, channel, purpose, recipient, notice.language().code(),
                        notice.subject(), notice.body(), state, error)
                .query(Long.class)
                .optional();
    }

    /**
     * Locks the next due pending notice on one of the channels for the caller's transaction.
     * {@code skip locked} lets several dispatchers (threads or instances) work side by side
     * without sending a notice twice.
     */
    Optional<PendingNotice> claimNext(List<String> channels) {
        return jdbc.sql("""
                select id, organisation_id, case_id, channel, purpose, recipient, language, subject, body, attempts
                from notice
                where state = 'pending' and next_attempt_at <= now() and channel in (:channels)
                order by next_attempt_at, id limit 1
                for update skip locked""")
                .param("channels", channels)
                .query((rs, i) -> new PendingNotice(rs.getLong("id"), rs.getLong("organisation_id"),
                        rs.getLong("case_id"), rs.getString("channel"), rs.getString("purpose"),
                        rs.getString("recipient"), rs.getString("language"), rs.getString("subject"),
                        rs.getString("body"), rs.getInt("attempts")))
                .optional();
    }

    void markSent(PendingNotice n) {
        jdbc.sql("""
                update notice set state = 'sent', sent_at = now(), attempts = attempts + 1, last_error = null
                where organisation_id = ? and id = ?""")
                .params(n.organisationId(), n.id())
                .update();
    }

    void retryLater(PendingNotice n, String error, Instant nextAttempt) {
        jdbc.sql("""
                update notice set attempts = attempts + 1, last_error = ?, next_attempt_at = ?
                where organisation_id = ? and id = ?""")
                .params(error, Timestamp.from(nextAttempt), n.organisationId(), n.id())
                .update();
    }

    void giveUp(PendingNotice n, String error) {
        jdbc.sql("""
                update notice set state = 'failed', attempts = attempts + 1, last_error = ?
                where organisation_id = ? and id = ?""")
                .params(error, n.organisationId(), n.id())
                .update();
    }

    /** Tells operators why pending notices on the channel are not moving, without touching their attempts. */
    void explainPending(String channel, String reason) {
        jdbc.sql("""
                update notice set last_error = ?
                where state = 'pending' and channel = ? and last_error is distinct from ?""")
                .params(reason, channel, reason)
                .update();
    }

    List<CaseNotice> forCase(long organisationId, long caseId) {
        return jdbc.sql("""
                select id, channel, purpose, language, subject, state, attempts, last_error, created_at, sent_at
                from notice where organisation_id = ? and case_id = ? order by created_at, id""")
                .params(organisationId, caseId)
                .query((rs, i) -> new CaseNotice(rs.getLong("id"), rs.getString("channel"), rs.getString("purpose"),
                        rs.getString("language"), rs.getString("subject"), rs.getString("state"),
                        rs.getInt("attempts"), Optional.ofNullable(rs.getString("last_error")),
                        rs.getTimestamp("created_at").toInstant(),
                        Optional.ofNullable(rs.getTimestamp("sent_at")).map(Timestamp::toInstant)))
                .list();
    }
}
