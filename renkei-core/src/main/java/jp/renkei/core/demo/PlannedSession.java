package jp.renkei.core.demo;

import java.time.Instant;
import java.util.Optional;

/** One generated session; {@code stop} is empty when it is still open at the end of the data. */
record PlannedSession(int number, String subscriberId, String ip, String nas, Instant start, Optional<Instant> stop) {

    /** Whether the session covers the instant, half-open like an assignment. */
    boolean covers(Instant t) {
        return !t.isBefore(start) && (stop.isEmpty() || t.isBefore(stop.get()));
    }

    /** The session's end for sampling, treating an open session as ending at {@code end}. */
    Instant endOr(Instant end) {
        return stop.orElse(end);
    }
}
