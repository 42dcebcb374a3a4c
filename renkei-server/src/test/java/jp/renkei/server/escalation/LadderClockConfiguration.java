package jp.renkei.server.escalation;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Replaces the application's clock with one the tests move. */
@TestConfiguration(proxyBeanMethods = false)
class LadderClockConfiguration {

    @Bean
    @Primary
    MovableClock movableClock() {
        return new MovableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    }
}
