package jp.renkei.core.attribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * The honest answers, as the index gives them (and, by the equivalence test, the reference
 * attributor): exact, boundary within the clock-skew tolerance, open session, and the reasons
 * for no answer.
 */
class AttributionAnswersTest {

    private static final String IP = "203.0.113.7";
    private static final Duration SKEW = Duration.ofSeconds(120);

    private static Instant at(String hhmmss) {
        return Instant.parse("2026-11-22T" + hhmmss + "Z");
    }

    private static Assignment held(String subscriber, String from, String to) {
        return new Assignment(subscriber, IP, at(from), to == null ? Optional.empty() : Optional.of(at(to)), "radius");
    }

    // One IP reused three times in a day: A until 08:00, B from 08:00 to 15:30, C from 16:00 on (no Stop yet).
    private static final List<Assignment> DAY = List.of(
            held("A", "00:00:00", "08:00:00"), held("B", "08:00:00", "15:30:00"), held("C", "16:00:00", null));

    private static AttributionIndex index(AttributionPolicy policy) {
        return AttributionIndex.builder(policy).addAll(DAY).build();
    }

    @Test
    void aClosedSessionCoveringTheInstantFarFromItsEndsIsExact() {
        Attribution a = index(AttributionPolicy.STRICT.withClockSkew(SKEW)).attribute(IP, at("12:00:00"));
        assertThat(a).isEqualTo(new Attribution.Attributed(DAY.get(1), Confidence.EXACT, List.of(DAY.get(1))));
        assertThat(a.code()).isEqualTo("exact");
    }

    @Test
    void withinTheClockSkewToleranceOfAHandOverBothHoldersAreCandidates() {
        AttributionIndex index = index(AttributionPolicy.STRICT.withClockSkew(SKEW));
        Attribution a = index.attribute(IP, at("08:01:00"));
        assertThat(a).isEqualTo(new Attribution.Attributed(DAY.get(1), Confidence.BOUNDARY, List.of(DAY.get(1), DAY.get(0))));
        assertThat(a.code()).isEqualTo("boundary");
        assertThat(index.attribute(IP, at("07:59:00"))).isEqualTo(
                new Attribution.Attributed(DAY.get(0), Confidence.BOUNDARY, List.of(DAY.get(0), DAY.get(1))));
        // Exactly at the hand-over the new holder is named; the tolerance only adds the other candidate.
        assertThat(((Attribution.Attributed) index.attribute(IP, at("08:00:00"))).assignment()).isEqualTo(DAY.get(1));
        // Just outside the tolerance the answer is exact again.
        assertThat(index.attribute(IP, at("08:02:00")).code()).isEqualTo("exact");
    }

    @Test
    void withoutToleranceTheBoundaryInstantIsStrictlyHalfOpen() {
        AttributionIndex strict = index(AttributionPolicy.STRICT);
        assertThat(strict.attribute(IP, at("07:59:59")).code()).isEqualTo("exact");
        assertThat(((Attribution.Attributed) strict.attribute(IP, at("08:00:00"))).assignment().subscriberId()).isEqualTo("B");
        assertThat(strict.attribute(IP, at("15:30:00"))).isEqualTo(new Attribution.Unattributed(UnattributedReason.NO_ASSIGNMENT));
    }

    @Test
    void justAfterAStopWithNobodyElseTheLastHolderIsAStillBoundaryCandidate() {
        Attribution a = index(AttributionPolicy.STRICT.withClockSkew(SKEW)).attribute(IP, at("15:31:00"));
        assertThat(a).isEqualTo(new Attribution.Attributed(DAY.get(1), Confidence.BOUNDARY, List.of(DAY.get(1))));
        assertThat(index(AttributionPolicy.STRICT.withClockSkew(SKEW)).attribute(IP, at("15:33:00")).code()).isEmpty();
    }

    @Test
    void aSessionWithoutAStopIsAnOpenSession() {
        Attribution a = index(AttributionPolicy.STRICT.withClockSkew(SKEW)).attribute(IP, at("23:00:00"));
        assertThat(a).isEqualTo(new Attribution.Attributed(DAY.get(2), Confidence.OPEN_SESSION, List.of(DAY.get(2))));
        assertThat(a.code()).isEqualTo("open-session");
    }

    @Test
    void anInstantOlderThanTheRetainedLogsIsLogExpiredEvenIfSomethingWasKept() {
        AttributionIndex index = index(AttributionPolicy.STRICT.withRetainedSince(at("06:00:00")));
        assertThat(index.attribute(IP, at("05:59:59"))).isEqualTo(new Attribution.Unattributed(UnattributedReason.LOG_EXPIRED));
        assertThat(index.attribute(IP, at("06:00:00")).code()).isEqualTo("exact");
        assertThat(UnattributedReason.LOG_EXPIRED.code()).isEqualTo("log-expired");
    }

    @Test
    void anAddressOutsideEveryPoolIsNotOurs() {
        AttributionIndex withPools = index(AttributionPolicy.STRICT.withPools(List.of(IpPrefix.parse("203.0.113.0/24"))));
        assertThat(withPools.attribute("198.51.100.1", at("12:00:00")))
                .isEqualTo(new Attribution.Unattributed(UnattributedReason.NOT_OUR_ADDRESS));
        assertThat(withPools.attribute("203.0.113.8", at("12:00:00")))
                .isEqualTo(new Attribution.Unattributed(UnattributedReason.NO_ASSIGNMENT));
        assertThat(index(AttributionPolicy.STRICT).attribute("198.51.100.1", at("12:00:00")))
                .as("no pools configured").isEqualTo(new Attribution.Unattributed(UnattributedReason.NO_ASSIGNMENT));
        assertThat(UnattributedReason.NOT_OUR_ADDRESS.code()).isEqualTo("not-our-address");
    }

    @Test
    void anAddressInsideADelegatedPrefixBelongsToThePrefixHolderAndTheMostSpecificPrefixWins() {
        Assignment site = Assignment.ofPrefix("D", IpPrefix.parse("2001:db8:aa00::/40"), at("00:00:00"),
                Optional.of(at("23:00:00")), "static", "");
        Assignment delegated = Assignment.ofPrefix("E", IpPrefix.parse("2001:db8:aa12:3400::/56"), at("00:00:00"),
                Optional.of(at("23:00:00")), "dhcpv6-pd", "");
        AttributionIndex index = AttributionIndex.builder(AttributionPolicy.STRICT).add(site).add(delegated).build();
        assertThat(((Attribution.Attributed) index.attribute("2001:db8:aa12:34ff::1", at("12:00:00"))).assignment())
                .isEqualTo(delegated);
        assertThat(((Attribution.Attributed) index.attribute("2001:db8:aa12:3500::1", at("12:00:00"))).assignment())
                .isEqualTo(site);
        assertThat(Attributor.attribute("2001:db8:aa12:34ff::1", OptionalInt.empty(), at("12:00:00"),
                List.of(site, delegated), AttributionPolicy.STRICT)).isEqualTo(index.attribute("2001:db8:aa12:34ff::1",
                at("12:00:00")));
    }

    @Test
    void theIndexReportsItsSizeAndMemory() {
        AttributionIndex index = index(AttributionPolicy.STRICT);
        assertThat(index.size()).isEqualTo(3);
        assertThat(index.estimatedBytes()).isPositive();
    }
}
