package jp.renkei.server.subscribers;

import java.util.Optional;

import jp.renkei.core.Language;
import jp.renkei.server.platform.AuditLog;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who a subscriber is. Every lookup is written to the audit log with the actor and purpose.
 * (Minimal stand-in on the cases branch; the subscribers branch owns the real one.)
 */
@Service
public class SubscriberDirectory {

    private final JdbcClient jdbc;
    private final AuditLog audit;

    SubscriberDirectory(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** The subscriber's identity, audited as {@code subscriber-identity-read} with the purpose as detail. */
    @Transactional
    public Optional<Subscriber> find(long organisationId, String subscriberId, String actor, String purpose) {
        audit.record(organisationId, actor, "subscriber-identity-read", subscriberId, purpose);
        return jdbc.sql("""
                select subscriber_id, name, email, phone, language from subscriber
                where organisation_id = ? and subscriber_id = ?""")
                .params(organisationId, subscriberId)
                .query((rs, i) -> new Subscriber(rs.getString("subscriber_id"), rs.getString("name"),
                        rs.getString("email"), rs.getString("phone"), Language.fromCode(rs.getString("language"))))
                .optional();
    }
}
