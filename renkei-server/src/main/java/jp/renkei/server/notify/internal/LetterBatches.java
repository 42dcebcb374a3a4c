package jp.renkei.server.notify.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

import jp.renkei.core.escalation.Channel;
import jp.renkei.server.cases.CaseManagement;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Letter notices wait in the outbox until staff print a batch: the pending letters go into one
 * PDF, and the batch, its PDF and every letter's "sent" mark commit in one transaction. Letters
 * are locked while the batch is made, so two people pressing "create batch" at once never print
 * a letter twice, and a crash before the commit leaves every letter pending.
 */
@Service
public class LetterBatches {

    /** A letter waiting for the next batch (no address or text: the list is for counting and checking). */
    public record PendingLetter(long noticeId, long caseId, String language, Instant queuedAt) {}

    /** A printed batch. */
    public record Batch(long id, int letters, String createdBy, Instant createdAt) {}

    private final JdbcClient jdbc;
    private final CaseManagement cases;
    private final Clock clock;
    private final ZoneId zone;

    LetterBatches(JdbcClient jdbc, CaseManagement cases, Clock clock,
            @Value("${renkei.display-zone:Asia/Tokyo}") String zone) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.clock = clock;
        this.zone = ZoneId.of(zone);
    }

    /** The organisation's letters waiting for a batch, oldest first. */
    public List<PendingLetter> pending(long organisationId) {
        return jdbc.sql("""
                select id, case_id, language, created_at from notice
                where organisation_id = ? and channel = 'letter' and state = 'pending'
                order by created_at, id""")
                .param(organisationId)
                .query((rs, i) -> new PendingLetter(rs.getLong("id"), rs.getLong("case_id"), rs.getString("language"),
                        rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    /** The organisation's batches, newest first. */
    public List<Batch> batches(long organisationId) {
        return jdbc.sql("""
                select id, letters, created_by, created_at from letter_batch where organisation_id = ?
                order by created_at desc, id desc limit 100""")
                .param(organisationId)
                .query((rs, i) -> new Batch(rs.getLong("id"), rs.getInt("letters"), rs.getString("created_by"),
                        rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    /**
     * Prints every pending letter of the organisation into a new batch and marks each letter sent
     * with the batch (and its case notified by letter).
     *
     * @return the batch, or empty when no letter was waiting
     */
    @Transactional
    public Optional<Batch> create(long organisationId, String actor) {
        record Row(long id, long caseId, String language, String body) {}
        List<Row> letters = jdbc.sql("""
                select id, case_id, language, body from notice
                where organisation_id = ? and channel = 'letter' and state = 'pending'
                order by created_at, id
                for update skip locked""")
                .param(organisationId)
                .query((rs, i) -> new Row(rs.getLong("id"), rs.getLong("case_id"), rs.getString("language"),
                        rs.getString("body")))
                .list();
        if (letters.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        byte[] pdf = LetterPdf.render("Renkei letters " + DateTimeFormatter.ISO_LOCAL_DATE.format(now.atZone(zone)),
                letters.stream().map(r -> new LetterPdf.Letter(r.body())).toList());
        long batchId = jdbc.sql("""
                insert into letter_batch (organisation_id, letters, pdf, created_by, created_at)
                values (?, ?, ?, ?, ?) returning id""")
                .params(organisationId, letters.size(), pdf, actor, Timestamp.from(now))
                .query(Long.class)
                .single();
        for (Row r : letters) {
            jdbc.sql("""
                    update notice set state = 'sent', sent_at = ?, attempts = attempts + 1, last_error = null,
                        letter_batch_id = ?
                    where organisation_id = ? and id = ?""")
                    .params(Timestamp.from(now), batchId, organisationId, r.id())
                    .update();
            cases.markNotified(organisationId, r.caseId(), Channel.LETTER,
                    "letter (" + r.language() + ", batch " + batchId + ")");
        }
        return Optional.of(new Batch(batchId, letters.size(), actor, now));
    }

    /** The batch's PDF, if the batch is the organisation's. */
    public Optional<byte[]> pdf(long organisationId, long batchId) {
        return jdbc.sql("select pdf from letter_batch where organisation_id = ? and id = ?")
                .params(organisationId, batchId)
                .query((rs, i) -> rs.getBytes("pdf"))
                .optional();
    }
}
