package jp.renkei.core.attribution;

import static jp.renkei.core.Samples.open;
import static jp.renkei.core.Samples.readAll;
import static jp.renkei.core.Samples.rows;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import jp.renkei.core.imports.Parsed;
import org.junit.jupiter.api.Test;

/** Carrier-grade NAT: port-block allocation logs, and deterministic port mapping (RFC 7422). */
class CgnatTest {

    private static final String PUBLIC = "198.51.100.7";

    private static Instant at(String hhmmss) {
        return Instant.parse("2026-11-22T" + hhmmss + "Z");
    }

    private static List<Parsed<Assignment>> readPba() {
        try (CgnatPbaReader reader = new CgnatPbaReader(open("cgnat-pba.csv"), "cgnat-pba.csv")) {
            return readAll(reader);
        }
    }

    private static AttributionIndex pbaIndex() {
        return AttributionIndex.builder(AttributionPolicy.STRICT).addAll(rows(readPba())).build();
    }

    private static String who(Attribution a) {
        return a instanceof Attribution.Attributed hit ? hit.assignment().subscriberId() : a.toString();
    }

    @Test
    void readsPortBlocksAndRejectsBadRowsWithTheirLineNumbers() {
        List<Parsed<Assignment>> parsed = readPba();
        assertThat(rows(parsed)).hasSize(4);
        assertThat(rows(parsed).get(0)).isEqualTo(Assignment.ofPortBlock("S000010", PUBLIC, new PortRange(1024, 2047),
                at("00:00:00"), Optional.of(at("06:00:00")), "cgnat-pba", "inside=100.64.0.10"));
        assertThat(rows(parsed).get(2).from()).as("+09:00 offset").isEqualTo(at("06:00:00"));
        assertThat(rows(parsed).get(3).from()).as("epoch seconds").isEqualTo(Instant.ofEpochSecond(1_763_769_600L));
        assertThat(parsed.stream().filter(p -> p instanceof Parsed.Rejected<?>)
                .map(p -> p.line() + ": " + ((Parsed.Rejected<?>) p).reason())).containsExactly(
                "5: port_start '3072' to port_end '2000' is not a port range",
                "6: missing subscriber_id",
                "7: public_ip '198.51.100.x' is not an IP address",
                "8: start 'yesterday' is not a time");
    }

    @Test
    void withThePortTheHolderOfThatPortBlockIsNamedExactly() {
        AttributionIndex index = pbaIndex();
        assertThat(who(index.attribute(PUBLIC, 1500, at("03:00:00")))).isEqualTo("S000010");
        assertThat(who(index.attribute(PUBLIC, 2500, at("03:00:00")))).isEqualTo("S000011");
        assertThat(index.attribute(PUBLIC, 9000, at("03:00:00")))
                .isEqualTo(new Attribution.Unattributed(UnattributedReason.NO_ASSIGNMENT));
    }

    @Test
    void aPortBlockHandedOverAtTheSameSecondBelongsToTheNewHolder() {
        AttributionIndex index = pbaIndex();
        assertThat(who(index.attribute(PUBLIC, 1500, at("05:59:59")))).isEqualTo("S000010");
        assertThat(who(index.attribute(PUBLIC, 1500, at("06:00:00")))).isEqualTo("S000012");
    }

    @Test
    void withoutAPortEverySubscriberSharingTheAddressThenIsACandidate() {
        Attribution a = pbaIndex().attribute(PUBLIC, at("03:00:00"));
        assertThat(a.code()).isEqualTo("shared-address");
        assertThat(((Attribution.Shared) a).candidates()).extracting(Assignment::subscriberId)
                .containsExactly("S000010", "S000011");
        // Before 01:00 only one subscriber held a block: that one is named, not a shared answer.
        assertThat(who(pbaIndex().attribute(PUBLIC, at("00:30:00")))).isEqualTo("S000010");
    }

    @Test
    void deterministicMappingComputesTheInsideAddressFromPublicIpAndPort() {
        DeterministicNat nat = new DeterministicNat(IpPrefix.parse("100.64.0.0/22"), IpPrefix.parse("192.0.2.0/28"),
                1_008, 1_024);
        assertThat(nat.perAddress()).isEqualTo(64);
        assertThat(nat.insideAddress("192.0.2.0", 1_024)).contains("100.64.0.0");
        assertThat(nat.insideAddress("192.0.2.0", 2_031)).contains("100.64.0.0");
        assertThat(nat.insideAddress("192.0.2.0", 2_032)).contains("100.64.0.1");
        assertThat(nat.insideAddress("192.0.2.1", 1_024)).contains("100.64.0.64");
        assertThat(nat.insideAddress("192.0.2.0", 80)).as("below the port offset").isEmpty();
        assertThat(nat.endpoint("100.64.0.65")).contains(
                new DeterministicNat.Endpoint("192.0.2.1", new PortRange(2_032, 3_039)));
        for (int i = 0; i < 1_024; i += 37) {
            String inside = "100.64." + (i / 256) + "." + (i % 256);
            DeterministicNat.Endpoint e = nat.endpoint(inside).orElseThrow();
            assertThat(nat.insideAddress(e.publicIp(), e.ports().last())).contains(inside);
        }
    }

    @Test
    void aDeterministicNatAddressIsAttributedThroughTheInsideAddressesOwnAssignment() {
        DeterministicNat nat = new DeterministicNat(IpPrefix.parse("100.64.0.0/22"), IpPrefix.parse("192.0.2.0/28"),
                1_008, 1_024);
        AttributionPolicy policy = AttributionPolicy.STRICT.withDeterministicNat(List.of(nat))
                .withPools(List.of(IpPrefix.parse("100.64.0.0/10")));
        AttributionIndex index = AttributionIndex.builder(policy)
                .add(new Assignment("A", "100.64.0.0", at("00:00:00"), Optional.of(at("12:00:00")), "radius"))
                .add(new Assignment("B", "100.64.0.1", at("00:00:00"), Optional.empty(), "radius"))
                .build();
        assertThat(who(index.attribute("192.0.2.0", 1_500, at("03:00:00")))).isEqualTo("A");
        assertThat(who(index.attribute("192.0.2.0", 2_500, at("03:00:00")))).isEqualTo("B");
        assertThat(index.attribute("192.0.2.0", 3_500, at("03:00:00")).code()).as("nobody holds 100.64.0.2").isEmpty();
        assertThat(index.attribute("192.0.2.0", at("03:00:00")).code()).isEqualTo("shared-address");
        assertThat(who(index.attribute("192.0.2.0", at("13:00:00")))).as("only B is left").isEqualTo("B");
        assertThat(index.attribute("192.0.2.99", 1_500, at("03:00:00")))
                .as("the public prefix is a /28; pools are configured")
                .isEqualTo(new Attribution.Unattributed(UnattributedReason.NOT_OUR_ADDRESS));
    }
}
