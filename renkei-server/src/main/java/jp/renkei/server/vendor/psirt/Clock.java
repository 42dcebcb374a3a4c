package jp.renkei.server.vendor.psirt;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** One of a report's clocks: started when the report arrived, stopped when the step was done, with its due time. */
public record Clock(Instant start, Optional<Instant> stoppedAt, Instant due) {

    /** Where a clock stands. */
    public enum State { RUNNING, OVERDUE, MET, LATE }

    public State state(Instant now) {
        if (stoppedAt.isPresent()) {
            return stoppedAt.get().isAfter(due) ? State.LATE : State.MET;
        }
        return now.isAfter(due) ? State.OVERDUE : State.RUNNING;
    }

    /** True while the step is not done and its due time has passed. */
    public boolean overdue(Instant now) {
        return state(now) == State.OVERDUE;
    }

    /** From the report's arrival until the step was done (or until now). */
    public Duration elapsed(Instant now) {
        return Duration.between(start, stoppedAt.orElse(now));
    }
}
