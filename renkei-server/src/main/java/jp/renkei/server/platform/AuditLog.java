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

    /** One event to append with {@link #recordAll}. */
    public record Entry(String actor, String action, String subject, String detail) {}

    /** Appends many events in one statement (bulk work such as attributing an imported report). */
    public void recordAll(long organisationId, List<Entry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        String[] actors = entries.stream().map(Entry::actor).toArray(String[]::new);
        String[] actions = entries.stream().map(Entry::action).toArray(String[]::new);
        String[] subjects = entries.stream().map(Entry::subject).toArray(String[]::new);
        String[] details = entries.stream().map(Entry::detail).toArray(String[]::new);
        jdbc.sql("""
                insert into audit_event (organisation_id, actor, action, subject, detail)
                select :org, e.actor, e.action, e.subject, e.detail
                from unnest(cast(:actors as text[]), cast(:actions as text[]), cast(:subjects as text[]),
                    cast(:details as text[])) as e(actor, action, subject, detail)""")
                .param("org", organisationId)
                .param("actors", actors)
                .param("actions", actions)
                .param("subjects", subjects)
                .param("details", details)
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
