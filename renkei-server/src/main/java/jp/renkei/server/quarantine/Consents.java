package jp.renkei.server.quarantine;

import java.sql.Timestamp;
import java.util.Optional;

import jp.renkei.core.quarantine.Consent;
import jp.renkei.core.quarantine.ConsentLevel;
import jp.renkei.server.platform.AuditLog;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Subscribers' consent. Every change is kept as a new row with the terms version and the time, so
 * the grounds of any past quarantine can be shown later; the latest row holds.
 */
@Service
public class Consents {

    private final JdbcClient jdbc;
    private final AuditLog audit;

    Consents(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** The consent that holds now, empty when the subscriber never gave one. */
    public Optional<Consent> current(long organisationId, String subscriberId) {
        return jdbc.sql("""
                select level, terms_version, given_at from subscriber_consent
                where organisation_id = ? and subscriber_id = ? order by given_at desc, id desc limit 1""")
                .params(organisationId, subscriberId)
                .query((rs, i) -> new Consent(ConsentLevel.fromCode(rs.getString("level")).orElseThrow(),
                        rs.getString("terms_version"), rs.getTimestamp("given_at").toInstant()))
                .optional();
    }

    /** Records a consent (e.g. {@code via} "portal"), audited as {@code consent-recorded}. */
    @Transactional
    public void record(long organisationId, String subscriberId, Consent consent, String via) {
        jdbc.sql("""
                insert into subscriber_consent (organisation_id, subscriber_id, level, terms_version, given_at, via)
                values (?, ?, ?, ?, ?, ?)""")
                .params(organisationId, subscriberId, consent.level().code(), consent.termsVersion(),
                        Timestamp.from(consent.givenAt()), via)
                .update();
        audit.record(organisationId, via, "consent-recorded", subscriberId,
                consent.level().code() + " under terms " + consent.termsVersion());
    }
}
