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
 * clock bean. A standing clock shows only the times a test sets (scenarios replaying days);
 * a {@link #running()} one is the real time plus what the test moved it by, for tests whose
 * fixtures and retries follow the real time.
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

    private final boolean running;
    /** Standing: the time shown. Running: unused. */
    private volatile Instant now;
    /** Running: how far the test moved the clock away from the real time. */
    private volatile Duration offset = Duration.ZERO;

    /** A standing clock showing {@code start} until a test moves it. */
    public MovableClock(Instant start) {
        this.running = false;
        this.now = start;
    }

    private MovableClock() {
        this.running = true;
    }

    /** A clock that runs with the real time, moved by what tests add. */
    public static MovableClock running() {
        return new MovableClock();
    }

    /** Sets the clock to any instant, earlier ones too (a scenario replaying days in the past). */
    public synchronized Instant set(Instant at) {
        if (running) {
            offset = Duration.between(Instant.now(), at);
        } else {
            now = at;
        }
        return instant();
    }

    /** Moves the clock on and answers the new time. */
    public synchronized Instant advance(Duration by) {
        if (running) {
            offset = offset.plus(by);
        } else {
            now = now.plus(by);
        }
        return instant();
    }

    /** Moves the clock to the instant, which must not be in its past: for tests sharing the clock. */
    public synchronized Instant moveTo(Instant to) {
        if (to.isBefore(instant())) {
            throw new IllegalArgumentException(to + " is before the clock's " + instant());
        }
        return set(to);
    }

    /** Back to the real time (a running clock) or to now (a standing one), e.g. after each test. */
    public Instant reset() {
        return set(Instant.now());
    }

    @Override
    public Instant instant() {
        return running ? Instant.now().plus(offset) : now;
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
