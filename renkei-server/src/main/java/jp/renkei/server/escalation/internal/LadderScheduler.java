package jp.renkei.server.escalation.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jp.renkei.server.escalation.CaseLadderRun;
import jp.renkei.server.escalation.HandledStep;
import jp.renkei.server.escalation.LadderRuns;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link LadderRuns}: the timer that climbs every case's ladder. Each case is one transaction that
 * locks its run ({@code for update skip locked}), so a second scheduler passes it by and a crash
 * rolls back the step together with its notice.
 */
@Service
class LadderScheduler implements LadderRuns {

    private static final Logger log = LoggerFactory.getLogger(LadderScheduler.class);
    private static final int BATCH = 200;

    private final RunStore runs;
    private final LadderClimb climb;
    private final Clock clock;
    private final TransactionTemplate tx;

    LadderScheduler(RunStore runs, LadderClimb climb, Clock clock, PlatformTransactionManager transactions) {
        this.runs = runs;
        this.climb = climb;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
    }

    @Scheduled(initialDelayString = "${renkei.escalation.poll-interval:PT1M}",
            fixedDelayString = "${renkei.escalation.poll-interval:PT1M}")
    void tick() {
        try {
            advanceDue();
        } catch (RuntimeException e) {
            log.warn("Escalation run failed; the next tick retries", e);
        }
    }

    @Override
    public int advanceDue() {
        // PostgreSQL keeps microseconds (rounded): a run stored at a finer "now" could start after it.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        int handled = 0;
        while (true) {
            List<RunStore.Due> due = runs.due(now, BATCH);
            int progressed = 0;
            for (RunStore.Due d : due) {
                Integer n = oneCase(d, now);
                if (n != null) {
                    handled += n;
                    progressed++;
                }
            }
            // Runs locked by someone else stay due; stop rather than spin on them.
            if (due.size() < BATCH || progressed == 0) {
                return handled;
            }
        }
    }

    /** One case in its own transaction; null when another transaction holds it or it failed. */
    private Integer oneCase(RunStore.Due due, Instant now) {
        try {
            return tx.execute(status -> runs.lock(due.organisationId(), due.id()).map(run -> climb.climb(run, now))
                    .orElse(null));
        } catch (RuntimeException e) {
            log.warn("Ladder run {} of organisation {} failed; retried next tick", due.id(), due.organisationId(), e);
            return null;
        }
    }

    @Override
    public List<CaseLadderRun> runs(long organisationId, long caseId) {
        return runs.runs(organisationId, caseId);
    }

    @Override
    public List<HandledStep> handledSteps(long organisationId, long caseId) {
        return runs.steps(organisationId, caseId);
    }
}
