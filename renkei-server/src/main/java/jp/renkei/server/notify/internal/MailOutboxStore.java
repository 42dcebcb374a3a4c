package jp.renkei.server.notify.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import jp.renkei.core.Language;
import jp.renkei.server.notify.QueuedMail;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code outbound_mail} table: the general outbox. The unique (organisation, dedup key) makes
 * enqueuing idempotent; claiming is for the dispatcher, every other read is organisation-scoped.
 */
@Repository
class MailOutboxStore {

    private final JdbcClient jdbc;

    MailOutboxStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a pending mail; empty when the organisation already has a mail with this key. */
    Optional<Long> insertPending(long organisationId, String dedupKey, String recipient, Language language,
            String subject, String body) {
        return jdbc.sql("""
                insert into outbound_mail (organisation_id, dedup_key, recipient, language, subject, body, state)
                values (?, ?, ?, ?, ?, ?, 'pending')
                on conflict (organisation_id, dedup_key) do nothing
                returning id""")
                .params(organisationId, dedupKey, recipient, language.code(), subject, body)
                .query(Long.class)
                .optional();
    }

    Optional<QueuedMail> find(long organisationId, String dedupKey) {
        return jdbc.sql("""
                select id, dedup_key, recipient, language, subject, state, attempts, last_error, created_at, sent_at
                from outbound_mail where organisation_id = ? and dedup_key = ?""")
                .params(organisationId, dedupKey)
                .query(MailOutboxStore::queued)
                .optional();
    }

    /** Locks the next due pending mail for the caller's transaction; {@code skip locked} lets dispatchers work side by side. */
    Optional<PendingMail> claimNext() {
        return jdbc.sql("""
                select id, organisation_id, dedup_key, recipient, language, subject, body, attempts from outbound_mail
                where state = 'pending' and next_attempt_at <= now()
                order by next_attempt_at, id limit 1
                for update skip locked""")
                .query((rs, i) -> new PendingMail(rs.getLong("id"), rs.getLong("organisation_id"),
                        rs.getString("dedup_key"), rs.getString("recipient"), rs.getString("language"),
                        rs.getString("subject"), rs.getString("body"), rs.getInt("attempts")))
                .optional();
    }

    /** Marks the mail sent and answers when. */
    Instant markSent(PendingMail m) {
        return jdbc.sql("""
                update outbound_mail set state = 'sent', sent_at = now(), attempts = attempts + 1, last_error = null
                where organisation_id = ? and id = ? returning sent_at""")
                .params(m.organisationId(), m.id())
                .query(Timestamp.class)
                .single()
                .toInstant();
    }

    void retryLater(PendingMail m, String error, Instant nextAttempt) {
        jdbc.sql("""
                update outbound_mail set attempts = attempts + 1, last_error = ?, next_attempt_at = ?
                where organisation_id = ? and id = ?""")
                .params(error, Timestamp.from(nextAttempt), m.organisationId(), m.id())
                .update();
    }

    void giveUp(PendingMail m, String error) {
        jdbc.sql("""
                update outbound_mail set state = 'failed', attempts = attempts + 1, last_error = ?
                where organisation_id = ? and id = ?""")
                .params(error, m.organisationId(), m.id())
                .update();
    }

    /** Tells staff why pending mails are not moving, without touching their attempts. */
    void explainPending(String reason) {
        jdbc.sql("update outbound_mail set last_error = ? where state = 'pending' and last_error is distinct from ?")
                .params(reason, reason)
                .update();
    }

    private static QueuedMail queued(ResultSet rs, int row) throws SQLException {
        return new QueuedMail(rs.getLong("id"), rs.getString("dedup_key"), rs.getString("recipient"),
                rs.getString("language"), rs.getString("subject"), rs.getString("state"), rs.getInt("attempts"),
                Optional.ofNullable(rs.getString("last_error")), rs.getTimestamp("created_at").toInstant(),
                Optional.ofNullable(rs.getTimestamp("sent_at")).map(Timestamp::toInstant));
    }
}
