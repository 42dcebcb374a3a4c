package jp.renkei.server.vendor.psirt.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Report-form submissions are counted per vendor and client: per IPv4 address, per IPv6 /64. */
class SubmissionRateLimitTest {

    private final SubmissionRateLimit limit = new SubmissionRateLimit(2);

    @Test
    void rotatingThroughAnIpv6Slash64GivesNoFreshAllowance() {
        assertThat(limit.tryAcquire("acme", "2001:db8:5:6::1")).isTrue();
        assertThat(limit.tryAcquire("acme", "2001:db8:5:6::2")).isTrue();

        assertThat(limit.tryAcquire("acme", "2001:db8:5:6::3")).isFalse();
        assertThat(limit.tryAcquire("acme", "2001:db8:5:7::1")).as("another /64").isTrue();
        assertThat(limit.tryAcquire("other-vendor", "2001:db8:5:6::4")).as("another vendor").isTrue();
    }

    @Test
    void ipv4ClientsAreCountedPerAddressAsBefore() {
        assertThat(limit.tryAcquire("acme", "198.51.100.7")).isTrue();
        assertThat(limit.tryAcquire("acme", "::ffff:198.51.100.7")).isTrue();

        assertThat(limit.tryAcquire("acme", "198.51.100.7")).isFalse();
        assertThat(limit.tryAcquire("acme", "198.51.100.8")).isTrue();
    }
}
