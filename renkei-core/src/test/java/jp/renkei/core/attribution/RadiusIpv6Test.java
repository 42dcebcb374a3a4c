package jp.renkei.core.attribution;

import static jp.renkei.core.Samples.open;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RADIUS sessions with IPv6 prefixes: any address inside a delegated prefix belongs to its holder. */
class RadiusIpv6Test {

    private static final Instant BEFORE_REBOOT = Instant.parse("2026-11-22T03:00:00Z");
    private static final Instant AFTER_REBOOT = Instant.parse("2026-11-22T07:00:00Z");

    private static SessionAssembler read(SubscriberKey key) {
        return new SessionAssembler().addAll(new FreeRadiusDetailReader(open("detail-ipv6-20261122"), "detail", key));
    }

    private static String who(Attribution a) {
        return a instanceof Attribution.Attributed hit ? hit.assignment().subscriberId() : a.toString();
    }

    @Test
    void aDualStackSessionAssignsItsAddressItsFramedPrefixAndItsDelegatedPrefix() {
        SessionAssembler assembler = read(SubscriberKey.USER_NAME);
        assertThat(assembler.rejections()).singleElement()
                .satisfies(r -> assertThat(r.reason()).isEqualTo("Delegated-IPv6-Prefix '2001:db8:zz::/56' is not an IPv6 prefix"));
        List<Assignment> assignments = assembler.assignments("radius");
        assertThat(assignments).extracting(a -> a.subscriberId() + " " + a.prefix() + " " + a.line()).containsExactly(
                "S0001@isp.example 203.0.113.7/32 xe-0/0/0.1001:1001-200",
                "S0001@isp.example 2001:db8:200:100::/56 xe-0/0/0.1001:1001-200",
                "S0001@isp.example 2001:db8:100:1::/64 xe-0/0/0.1001:1001-200",
                "S0002@isp.example 2001:db8:200:200::/56 ");
        AttributionIndex index = AttributionIndex.builder(AttributionPolicy.STRICT).addAll(assignments).build();
        assertThat(who(index.attribute("2001:db8:200:1ab:211:22ff:fe33:4455", BEFORE_REBOOT))).isEqualTo("S0001@isp.example");
        assertThat(who(index.attribute("2001:db8:200:2ff::1", BEFORE_REBOOT))).isEqualTo("S0002@isp.example");
        assertThat(who(index.attribute("2001:db8:100:1::99", BEFORE_REBOOT))).isEqualTo("S0001@isp.example");
        assertThat(index.attribute("2001:db8:200:300::1", BEFORE_REBOOT).code()).as("outside both /56").isEmpty();
    }

    @Test
    void theNasRebootWithoutStopsClosesTheIpv6SessionsToo() {
        AttributionIndex index = AttributionIndex.builder(AttributionPolicy.STRICT)
                .addAll(read(SubscriberKey.USER_NAME).assignments("radius")).build();
        assertThat(index.attribute("2001:db8:200:200::1", BEFORE_REBOOT).code()).isEqualTo("exact");
        assertThat(index.attribute("2001:db8:200:200::1", AFTER_REBOOT))
                .isEqualTo(new Attribution.Unattributed(UnattributedReason.NO_ASSIGNMENT));
    }

    @Test
    void theSubscriberKeyPicksWhichAttributeNamesTheSubscriber() {
        assertThat(read(SubscriberKey.CALLING_STATION_ID).assignments("radius"))
                .extracting(Assignment::subscriberId).containsOnly("02-00-00-00-00-01", "02-00-00-00-00-02");
        SessionAssembler byLine = read(SubscriberKey.CIRCUIT_ID);
        assertThat(byLine.assignments("radius")).extracting(Assignment::subscriberId).containsOnly("xe-0/0/0.1001:1001-200");
        assertThat(byLine.rejections()).extracting(r -> r.line() + ": " + r.reason())
                .containsExactly("14: missing NAS-Port-Id", "24: missing NAS-Port-Id");
    }
}
