package jp.renkei.server.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The one clock tests move (days pass in a call, never in a sleep); it replaces the platform's
 * clock bean. It starts at the real time (whole seconds) and stands still until a test moves it.
 */
public final class MovableClock extends Clock {

    /** Put on a test with {@code @Import(MovableClock.Config.class)}, then {@code @Autowired MovableClock clock}. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {
        @Bean
        @Primary
        MovableClock movableClock() {
            return new MovableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        }
    }

    private volatile Instant now;

    public MovableClock(Instant start) {
        this.now = start;
    }

    /** Sets the clock to any instant, earlier ones too (a scenario replaying days in the past). */
    public synchronized Instant set(Instant at) {
        now = at;
        return now;
    }

    /** Moves the clock on and answers the new time. */
    public synchronized Instant advance(Duration by) {
        now = now.plus(by);
        return now;
    }

    /** Moves the clock to the instant, which must not be in its past: for tests sharing the clock. */
    public synchronized Instant moveTo(Instant to) {
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
