package jp.renkei.server.portal.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

/** Wrong access codes are counted per client: per IPv4 address, per IPv6 /64 a subscriber can roam through. */
class WrongCodeLimitTest {

    private final WrongCodeLimit limit = new WrongCodeLimit(3, Duration.ofMinutes(10),
            Clock.fixed(Instant.parse("2024-09-24T12:00:00Z"), ZoneOffset.UTC));

    @Test
    void everyAddressOfOneIpv6Slash64SharesOneAllowance() {
        limit.recordWrong("2001:db8:1:2::1");
        limit.recordWrong("2001:db8:1:2::2");
        limit.recordWrong("2001:db8:1:2:ffff:ffff:ffff:ffff");

        assertThat(limit.exhausted("2001:db8:1:2::99")).as("a fresh address in the same /64").isTrue();
        assertThat(limit.exhausted("2001:db8:1:3::1")).as("another /64").isFalse();
    }

    @Test
    void ipv4ClientsAreCountedPerAddressAsBeforeEvenWhenWrittenAsMappedIpv6() {
        limit.recordWrong("198.51.100.7");
        limit.recordWrong("198.51.100.7");
        limit.recordWrong("::ffff:198.51.100.7");

        assertThat(limit.exhausted("198.51.100.7")).isTrue();
        assertThat(limit.exhausted("198.51.100.8")).isFalse();
    }
}
