package jp.renkei.server.escalation.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import jp.renkei.server.cases.CaseManagement;
import jp.renkei.server.cases.CaseReinfected;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Puts a reinfected case back on its ladder version in the transaction that reinfected it: run n+1
 * for its n-th reinfection, from when the device was seen again (no later than now), with no step
 * handled yet, and handles the steps due at once, as for a new case. A run still going for the
 * earlier infection finishes as "reinfected". The run number makes it idempotent: the same
 * reinfection announced twice finds its run there and starts nothing.
 */
@Component
class LadderRestart {

    private final RunStore runs;
    private final LadderStore ladders;
    private final LadderClimb climb;
    private final CaseManagement cases;
    private final Clock clock;

    LadderRestart(RunStore runs, LadderStore ladders, LadderClimb climb, CaseManagement cases, Clock clock) {
        this.runs = runs;
        this.ladders = ladders;
        this.climb = climb;
        this.cases = cases;
        this.clock = clock;
    }

    @EventListener
    void on(CaseReinfected reinfected) {
        long org = reinfected.organisationId();
        long caseId = reinfected.caseId();
        int run = reinfected.reinfection() + 1;
        // PostgreSQL keeps microseconds (rounded): a run stored at a finer "now" could start after it.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        // Nothing to restart when this reinfection's run is there already, or the case never had a
        // ladder (it opened before escalation existed).
        Optional<RunStore.Run> previous = runs.latest(org, caseId).filter(r -> r.run() < run);
        if (previous.isEmpty()) {
            return;
        }
        RunStore.Run last = previous.get();
        // Not waiting for the old run: a tick climbing it holds it and may be waiting for this
        // transaction's lock on the case (a deadlock). That run then finishes at its next check,
        // when the climb sees a later run.
        runs.lock(org, last.id()).ifPresent(going -> runs.finish(going, "reinfected", now));
        Instant from = reinfected.seenAgain().isAfter(now) ? now : reinfected.seenAgain();
        var started = runs.start(org, caseId, run, last.ladderId(), last.subscriberId(), last.experiment(),
                last.arm(), from);
        if (started.isEmpty()) {
            return;
        }
        cases.recordEvent(org, caseId, "ladder-restarted", ladders.byId(org, last.ladderId()).label() + " run " + run
                + last.arm().map(a -> " arm " + a).orElse(""));
        runs.lock(org, started.get()).ifPresent(next -> climb.climb(next, now));
    }
}
