package jp.renkei.server.platform;

import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The audit trail. Every lookup of who a subscriber is (attribution, viewing a subscriber's
 * identity) is written here, in the caller's transaction, so a lookup cannot happen unrecorded.
 */
@Service
public class AuditLog {

    /** One audited action. */
    public record AuditEvent(long id, Instant at, String actor, String action, String subject, String detail) {}

    private final JdbcClient jdbc;

    AuditLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Appends an event to the organisation's audit trail. */
    public void record(long organisationId, String actor, String action, String subject, String detail) {
        jdbc.sql("""
                insert into audit_event (organisation_id, actor, action, subject, detail)
                values (?, ?, ?, ?, ?)""")
                .params(organisationId, actor, action, subject, detail)
                .update();
    }

    /** The most recent events of one organisation, newest first. */
    public List<AuditEvent> recent(long organisationId, int limit) {
        return jdbc.sql("""
                select id, at, actor, action, subject, detail from audit_event
                where organisation_id = ? order by at desc, id desc limit ?""")
                .params(organisationId, limit)
                .query((rs, i) -> new AuditEvent(rs.getLong("id"), rs.getTimestamp("at").toInstant(),
                        rs.getString("actor"), rs.getString("action"), rs.getString("subject"),
                        rs.getString("detail")))
                .list();
    }
}
