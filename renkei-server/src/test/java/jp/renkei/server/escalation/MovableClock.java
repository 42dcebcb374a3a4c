package jp.renkei.server.escalation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock the test moves: days pass in a call, never in a sleep. Only ever forward, so tests sharing it agree. */
final class MovableClock extends Clock {

    private volatile Instant now;

    MovableClock(Instant start) {
        this.now = start;
    }

    /** Moves the clock on and answers the new time. */
    synchronized Instant advance(Duration by) {
        now = now.plus(by);
        return now;
    }

    /** Moves the clock to the instant, which must not be in its past. */
    synchronized Instant moveTo(Instant to) {
        if (to.isBefore(now)) {
            throw new IllegalArgumentException(to + " is before the clock's " + now);
        }
        now = to;
        return now;
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the test clock stays in UTC");
    }
}
