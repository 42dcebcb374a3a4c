package jp.renkei.core.demo;

import java.time.Instant;
import java.util.Optional;

/**
 * One generated session; {@code stop} is its true end (a Stop, or the NAS rebooting without one),
 * empty while still open at the end of the data. {@code ipv6Prefix} is the delegated prefix or
 * empty; a CGNAT subscriber's {@code ip} is its inside address and {@code publicIp}/ports its block.
 */
record PlannedSession(int number, String subscriberId, String ip, String nas, Instant start, Optional<Instant> stop,
                      String ipv6Prefix, String publicIp, int portFirst, int portLast) {

    /** Whether the session covers the instant, half-open like an assignment. */
    boolean covers(Instant t) {
        return !t.isBefore(start) && (stop.isEmpty() || t.isBefore(stop.get()));
    }

    /** The session's end for sampling, treating an open session as ending at {@code end}. */
    Instant endOr(Instant end) {
        return stop.orElse(end);
    }

    boolean isCgnat() {
        return !publicIp.isEmpty();
    }
}
