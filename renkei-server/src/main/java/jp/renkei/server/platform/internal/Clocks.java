package jp.renkei.server.platform.internal;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one clock that schedules ladders, releases quarantines and verifies fixes. Everything that
 * decides by the time of day takes it as a bean, so tests replace it with a clock they move.
 */
@Configuration(proxyBeanMethods = false)
class Clocks {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
