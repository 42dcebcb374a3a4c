package jp.renkei.server.escalation;

import java.time.Instant;
import java.util.Optional;

/**
 * One climb of a case up a ladder version: run 1 from when the case opened, a further run from
 * each reinfection.
 *
 * @param experiment the experiment the ladder was drawn in, when it was
 * @param arm the experiment's arm (the ladder's name), when drawn
 * @param stopReason why the run finished, e.g. {@code acknowledged}, {@code ladder-done}, {@code reinfected}
 */
public record CaseLadderRun(long caseId, int run, String ladder, int version, Optional<String> experiment,
        Optional<String> arm, Instant startedAt, Optional<Instant> finishedAt, Optional<String> stopReason) {}
