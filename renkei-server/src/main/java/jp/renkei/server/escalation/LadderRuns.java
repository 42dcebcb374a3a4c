package jp.renkei.server.escalation;

import java.util.List;

/**
 * The cases' climbs of their ladders. A case gets its ladder when it opens, and a new run of it
 * when reinfected (its day-0 step is queued in that transaction); {@link #advanceDue()} runs every
 * later step when due.
 */
public interface LadderRuns {

    /**
     * Handles every due step of every organisation's unfinished runs at the injected clock's now,
     * one case per transaction (locked with {@code for update skip locked}, so two schedulers never
     * handle the same case): queues the notice or starts the quarantine, records the step and a
     * timeline entry; finishes runs that stopped. A run is looked at when its next step is due, so
     * an acknowledged or fixed case's run finishes then, and nothing is ever sent for it. Called by
     * the scheduler every {@code renkei.escalation.poll-interval}.
     *
     * @return how many steps were sent or skipped
     */
    int advanceDue();

    /** The case's runs, first first; empty for an unknown case or another organisation's. */
    List<CaseLadderRun> runs(long organisationId, long caseId);

    /** The steps handled for the case, in the order they were handled; empty for an unknown case. */
    List<HandledStep> handledSteps(long organisationId, long caseId);
}
