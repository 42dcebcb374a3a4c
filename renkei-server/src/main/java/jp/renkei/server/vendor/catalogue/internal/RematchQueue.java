package jp.renkei.server.vendor.catalogue.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jp.renkei.server.vendor.catalogue.FindingChange;
import jp.renkei.server.vendor.catalogue.Findings;
import jp.renkei.server.vendor.catalogue.Rematching;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The findings_rematch table and the one background thread that works it. A re-matching is
 * written before it is started, so one interrupted by a crash is picked up again on the next start.
 */
@Component
public class RematchQueue {

    private static final Logger log = LoggerFactory.getLogger(RematchQueue.class);

    private final JdbcClient jdbc;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "findings-rematch");
        t.setDaemon(true);
        return t;
    });
    private final Findings findings;

    RematchQueue(JdbcClient jdbc, Findings findings) {
        this.jdbc = jdbc;
        this.findings = findings;
    }

    /** Queues a re-matching of the organisation's SBOMs and wakes the worker. */
    public Rematching enqueue(long org, Optional<Long> importRunId) {
        Rematching queued = jdbc.sql("""
                insert into findings_rematch (organisation_id, import_run_id) values (?, ?) returning *""")
                .params(org, importRunId.orElse(null)).query((rs, i) -> row(rs)).single();
        worker.execute(this::drain);
        return queued;
    }

    /** The organisation's latest re-matching. */
    public Optional<Rematching> latest(long org) {
        return jdbc.sql("select * from findings_rematch where organisation_id = ? order by id desc limit 1")
                .param(org).query((rs, i) -> row(rs)).optional();
    }

    /** One Renkei works a database: what a previous process started and did not finish is done again. */
    @EventListener(ApplicationReadyEvent.class)
    void resume() {
        int left = jdbc.sql("update findings_rematch set started_at = null where finished_at is null").update();
        if (left > 0) {
            log.info("{} re-matching(s) left unfinished by the previous process are done again", left);
            worker.execute(this::drain);
        }
    }

    private void drain() {
        Optional<Claimed> next;
        while ((next = claim()).isPresent()) {
            Claimed c = next.get();
            try {
                Findings.Rematch done = findings.rematchAll(c.org(), FindingChange.VULNERABILITY_DATA, c.importRunId());
                jdbc.sql("update findings_rematch set finished_at = now(), firmware = ?, changed = ? where id = ?")
                        .params(done.firmware(), done.changed(), c.id()).update();
            } catch (RuntimeException e) {
                // Left unfinished: the next start does it again; the next import queues a newer one anyway.
                log.error("re-matching {} of organisation {} failed", c.id(), c.org(), e);
                return;
            }
        }
    }

    private record Claimed(long id, long org, Optional<Long> importRunId) {}

    private Optional<Claimed> claim() {
        return jdbc.sql("""
                update findings_rematch set started_at = now()
                where id = (select id from findings_rematch where finished_at is null and started_at is null
                            order by id limit 1 for update skip locked)
                returning id, organisation_id, import_run_id""")
                .query((rs, i) -> new Claimed(rs.getLong("id"), rs.getLong("organisation_id"),
                        Optional.ofNullable(rs.getObject("import_run_id", Long.class))))
                .optional();
    }

    @PreDestroy
    void stop() throws InterruptedException {
        worker.shutdown();
        worker.awaitTermination(30, TimeUnit.SECONDS);
    }

    private static Rematching row(ResultSet rs) throws SQLException {
        return new Rematching(rs.getLong("id"), Optional.ofNullable(rs.getObject("import_run_id", Long.class)),
                rs.getTimestamp("queued_at").toInstant(),
                Optional.ofNullable(rs.getTimestamp("finished_at")).map(java.sql.Timestamp::toInstant),
                rs.getInt("firmware"), rs.getInt("changed"));
    }
}
