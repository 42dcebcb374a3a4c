package jp.renkei.server.notify.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jp.renkei.core.escalation.Channel;
import jp.renkei.server.cases.CaseManagement;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The support staff's call list: call-list notices wait here until someone calls. Reaching the
 * subscriber marks the notice sent (and the case notified by phone); a wrong number fails it so
 * the ladder's next channel matters; no answer keeps it on the list with the attempt counted.
 */
@Service
public class CallList {

    /** What a call achieved. */
    public enum Outcome {
        REACHED, NO_ANSWER, WRONG_NUMBER;

        /** Stable code for storage and forms ({@code reached}, {@code no-answer}, {@code wrong-number}). */
        public String code() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        /** The outcome with this code; empty when there is none. */
        public static Optional<Outcome> fromCode(String code) {
            for (Outcome o : values()) {
                if (o.code().equals(code)) {
                    return Optional.of(o);
                }
            }
            return Optional.empty();
        }
    }

    /** One subscriber to call: the entry as composed (number, problem, steps) and the calls so far. */
    public record Entry(long noticeId, long caseId, String phone, String subject, String text, int calls,
            Optional<String> lastCall, Instant queuedAt) {}

    private final JdbcClient jdbc;
    private final CaseManagement cases;
    private final Clock clock;

    CallList(JdbcClient jdbc, CaseManagement cases, Clock clock) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.clock = clock;
    }

    /** The organisation's entries still to call, oldest first. */
    public List<Entry> pending(long organisationId) {
        return jdbc.sql("""
                select id, case_id, recipient, subject, body, attempts, last_error, created_at from notice
                where organisation_id = ? and channel = 'call-list' and state = 'pending'
                order by created_at, id limit 500""")
                .param(organisationId)
                .query((rs, i) -> new Entry(rs.getLong("id"), rs.getLong("case_id"), rs.getString("recipient"),
                        rs.getString("subject"), rs.getString("body"), rs.getInt("attempts"),
                        Optional.ofNullable(rs.getString("last_error")), rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    /**
     * Records a call for a pending entry of the organisation.
     *
     * @return false when the organisation has no such pending entry (another organisation's, or already done)
     */
    @Transactional
    public boolean record(long organisationId, long noticeId, Outcome outcome, String note, String actor) {
        Optional<Long> caseId = jdbc.sql("""
                select case_id from notice
                where organisation_id = ? and id = ? and channel = 'call-list' and state = 'pending'
                for update""")
                .params(organisationId, noticeId)
                .query(Long.class)
                .optional();
        if (caseId.isEmpty()) {
            return false;
        }
        Instant now = clock.instant();
        String cleanNote = note == null ? "" : note.strip();
        jdbc.sql("""
                insert into call_outcome (organisation_id, notice_id, outcome, note, recorded_by, recorded_at)
                values (?, ?, ?, ?, ?, ?)""")
                .params(organisationId, noticeId, outcome.code(), cleanNote, actor, Timestamp.from(now))
                .update();
        String summary = outcome.code() + " (" + actor + ")" + (cleanNote.isEmpty() ? "" : ": " + cleanNote);
        switch (outcome) {
            case REACHED:
                jdbc.sql("""
                        update notice set state = 'sent', sent_at = ?, attempts = attempts + 1, last_error = null
                        where organisation_id = ? and id = ?""")
                        .params(Timestamp.from(now), organisationId, noticeId)
                        .update();
                cases.markNotified(organisationId, caseId.get(), Channel.CALL_LIST, "call-list: " + summary);
                break;
            case WRONG_NUMBER:
                jdbc.sql("""
                        update notice set state = 'failed', attempts = attempts + 1, last_error = ?
                        where organisation_id = ? and id = ?""")
                        .params("wrong number: " + summary, organisationId, noticeId)
                        .update();
                cases.recordEvent(organisationId, caseId.get(), "notice-failed", "call-list: " + summary);
                break;
            default:
                jdbc.sql("""
                        update notice set attempts = attempts + 1, last_error = ?
                        where organisation_id = ? and id = ?""")
                        .params("no answer: " + summary, organisationId, noticeId)
                        .update();
                cases.recordEvent(organisationId, caseId.get(), "call-attempt", "call-list: " + summary);
                break;
        }
        return true;
    }
}
