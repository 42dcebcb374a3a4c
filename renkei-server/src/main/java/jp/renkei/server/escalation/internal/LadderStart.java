package jp.renkei.server.escalation.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jp.renkei.server.cases.CaseManagement;
import jp.renkei.server.cases.CaseOpened;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Puts a new case on its ladder in the transaction that opened it, and handles the steps due at
 * once (the day-0 e-mail of the built-in ladder): the case, its run and its first notice commit
 * together or not at all; the notice is sent after commit from the outbox.
 */
@Component
class LadderStart {

    private final LadderBook book;
    private final RunStore runs;
    private final LadderClimb climb;
    private final CaseManagement cases;
    private final Clock clock;

    LadderStart(LadderBook book, RunStore runs, LadderClimb climb, CaseManagement cases, Clock clock) {
        this.book = book;
        this.runs = runs;
        this.climb = climb;
        this.cases = cases;
        this.clock = clock;
    }

    @EventListener
    void on(CaseOpened opened) {
        long org = opened.organisationId();
        // PostgreSQL keeps microseconds (rounded): a run stored at a finer "now" could start after it.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        LadderBook.Assignment assigned = book.assign(org, opened.caseId());
        var started = runs.start(org, opened.caseId(), 1, assigned.ladder().id(), opened.subscriberId(),
                assigned.experiment(), assigned.arm(), now);
        if (started.isEmpty()) {
            return;
        }
        // The effectiveness view parses this detail: "<ladder>@<version>", then " arm <arm>" when drawn.
        cases.recordEvent(org, opened.caseId(), "ladder-started",
                assigned.ladder().label() + assigned.arm().map(a -> " arm " + a).orElse(""));
        runs.lock(org, started.get()).ifPresent(run -> climb.climb(run, now));
    }
}
