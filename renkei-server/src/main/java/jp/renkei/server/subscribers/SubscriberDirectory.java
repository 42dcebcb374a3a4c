package jp.renkei.server.subscribers;

import java.util.Optional;

import jp.renkei.core.Language;
import jp.renkei.core.escalation.Contacts;
import jp.renkei.server.platform.AuditLog;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ISP's subscriber directory. Identity reads go through {@link #find}, which writes an audit
 * event in the caller's transaction: under the secrecy of communications every lookup of who a
 * subscriber is must be traceable.
 */
@Service
public class SubscriberDirectory {

    /** What an upsert did to the stored row. */
    public enum Upsert {
        /** A new subscriber was stored, or a stored one changed. */
        CHANGED,
        /** The stored row already said exactly this. */
        UNCHANGED
    }

    private final JdbcClient jdbc;
    private final AuditLog audit;

    SubscriberDirectory(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /**
     * Stores the subscriber for the organisation, replacing name, e-mail, phone, language, LINE user
     * id and postal address of a subscriber with the same id. A row identical to the stored one is left untouched (its
     * {@code updated_at} too), so re-importing a file changes nothing.
     */
    @Transactional
    public Upsert upsert(long organisationId, Subscriber subscriber) {
        int rows = jdbc.sql("""
                insert into subscriber (organisation_id, subscriber_id, name, email, phone, language, line_user_id,
                    postal_address)
                values (?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (organisation_id, subscriber_id) do update
                set name = excluded.name, email = excluded.email, phone = excluded.phone,
                    language = excluded.language, line_user_id = excluded.line_user_id,
                    postal_address = excluded.postal_address, updated_at = now()
                where (subscriber.name, subscriber.email, subscriber.phone, subscriber.language,
                       subscriber.line_user_id, subscriber.postal_address)
                      is distinct from (excluded.name, excluded.email, excluded.phone, excluded.language,
                       excluded.line_user_id, excluded.postal_address)""")
                .params(organisationId, subscriber.subscriberId(), subscriber.name(), subscriber.email(),
                        subscriber.phone(), subscriber.language().code(), subscriber.lineUserId(),
                        subscriber.postalAddress())
                .update();
        return rows == 0 ? Upsert.UNCHANGED : Upsert.CHANGED;
    }

    /**
     * Who the subscriber is. Always audited ({@code subscriber-identity-read}, subject the
     * subscriber id, detail the purpose), whether or not the subscriber exists.
     */
    @Transactional
    public Optional<Subscriber> find(long organisationId, String subscriberId, String actor, String purpose) {
        audit.record(organisationId, actor, "subscriber-identity-read", subscriberId, purpose);
        return jdbc.sql("""
                select subscriber_id, name, email, phone, language, line_user_id, postal_address from subscriber
                where organisation_id = ? and subscriber_id = ?""")
                .params(organisationId, subscriberId)
                .query((rs, i) -> new Subscriber(rs.getString("subscriber_id"), rs.getString("name"),
                        rs.getString("email"), rs.getString("phone"), Language.fromCode(rs.getString("language")),
                        rs.getString("line_user_id"), rs.getString("postal_address")))
                .optional();
    }

    /**
     * Where the subscriber can be reached (e-mail, phone, LINE user id, postal address). An identity
     * read like {@link #find}, audited the same way.
     */
    @Transactional
    public Optional<Contacts> contacts(long organisationId, String subscriberId, String actor, String purpose) {
        audit.record(organisationId, actor, "subscriber-identity-read", subscriberId, purpose);
        return jdbc.sql("""
                select email, phone, line_user_id, postal_address from subscriber
                where organisation_id = ? and subscriber_id = ?""")
                .params(organisationId, subscriberId)
                .query((rs, i) -> new Contacts(Optional.of(rs.getString("email")), Optional.of(rs.getString("phone")),
                        Optional.of(rs.getString("line_user_id")), Optional.of(rs.getString("postal_address"))))
                .optional();
    }

    /** How many subscribers the organisation has; reveals no identity, so not audited. */
    public long count(long organisationId) {
        return jdbc.sql("select count(*) from subscriber where organisation_id = ?")
                .param(organisationId).query(Long.class).single();
    }
}
