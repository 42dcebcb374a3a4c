package jp.renkei.server.notify.internal;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Optionally prints a letter batch for every ISP with letters waiting, on a schedule
 * ({@code renkei.notify.letter-batch-cron}, e.g. {@code 0 0 9 * * MON-FRI}); off ({@code -}) by
 * default, since most ISPs print when their mail room is ready.
 */
@Component
class ScheduledLetterBatches {

    private static final Logger log = LoggerFactory.getLogger(ScheduledLetterBatches.class);

    private final JdbcClient jdbc;
    private final LetterBatches letters;

    ScheduledLetterBatches(JdbcClient jdbc, LetterBatches letters) {
        this.jdbc = jdbc;
        this.letters = letters;
    }

    @Scheduled(cron = "${renkei.notify.letter-batch-cron:-}", zone = "${renkei.display-zone:Asia/Tokyo}")
    void run() {
        List<Long> organisations = jdbc.sql("""
                select distinct organisation_id from notice where channel = 'letter' and state = 'pending'""")
                .query(Long.class).list();
        for (long organisationId : organisations) {
            letters.create(organisationId, "schedule").ifPresent(b ->
                    log.info("Letter batch {} of organisation {}: {} letters", b.id(), organisationId, b.letters()));
        }
    }
}
