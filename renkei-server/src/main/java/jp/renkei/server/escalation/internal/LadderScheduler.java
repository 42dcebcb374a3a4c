package jp.renkei.server.escalation.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import jp.renkei.core.cases.CaseState;
import jp.renkei.server.cases.CaseEvent;
import jp.renkei.server.cases.CaseFilter;
import jp.renkei.server.cases.CaseManagement;
import jp.renkei.server.cases.SubscriberCase;
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
    /** Reinfected cases looked at per organisation and tick; the rest wait for the next tick. */
    private static final int REINFECTED_PER_TICK = 1000;

    private final RunStore runs;
    private final LadderStore ladders;
    private final LadderClimb climb;
    private final CaseManagement cases;
    private final Clock clock;
    private final TransactionTemplate tx;

    LadderScheduler(RunStore runs, LadderStore ladders, LadderClimb climb, CaseManagement cases, Clock clock,
            PlatformTransactionManager transactions) {
        this.runs = runs;
        this.ladders = ladders;
        this.climb = climb;
        this.cases = cases;
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
        restartReinfected(now);
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

    /**
     * A reinfected case climbs its ladder version again from the start: run n+1 for its n-th
     * reinfection, from when the device was seen again (its last sighting, no later than now), with
     * no step handled yet. A run still going for the earlier infection finishes as "reinfected".
     */
    private void restartReinfected(Instant now) {
        for (long org : runs.organisations()) {
            List<SubscriberCase> reinfected = cases.list(org,
                    new CaseFilter(Optional.of(CaseState.REINFECTED), Optional.empty(), Optional.empty()),
                    REINFECTED_PER_TICK);
            for (SubscriberCase c : reinfected) {
                long reinfections = cases.timeline(org, c.id()).stream().map(CaseEvent::kind)
                        .filter(CaseState.REINFECTED.code()::equals).count();
                int run = (int) reinfections + 1;
                if (runs.latestRun(org, c.id()) >= run) {
                    continue;
                }
                try {
                    tx.executeWithoutResult(status -> restart(org, c, run, now));
                } catch (RuntimeException e) {
                    log.warn("Could not restart the ladder of case {} of organisation {}", c.id(), org, e);
                }
            }
        }
    }

    private void restart(long org, SubscriberCase c, int run, Instant now) {
        Optional<RunStore.Run> previous = runs.lockLatest(org, c.id());
        if (previous.isEmpty()) {
            return;
        }
        RunStore.Run last = previous.get();
        if (!last.finished()) {
            runs.finish(last, "reinfected", now);
        }
        StoredLadder ladder = ladders.byId(org, last.ladderId());
        Instant from = c.lastSeen().isAfter(now) ? now : c.lastSeen();
        runs.start(org, c.id(), run, last.ladderId(), last.subscriberId(), last.experiment(), last.arm(), from)
                .ifPresent(id -> cases.recordEvent(org, c.id(), "ladder-restarted",
                        ladder.label() + " run " + run + last.arm().map(a -> " arm " + a).orElse("")));
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
