package jp.renkei.core.attribution;

import static jp.renkei.core.Samples.open;
import static jp.renkei.core.Samples.readAll;
import static jp.renkei.core.Samples.rejections;
import static jp.renkei.core.Samples.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import jp.renkei.core.imports.ImportFormatException;
import jp.renkei.core.imports.Parsed;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Kea forensic logs, Kea lease files and dhcpd.leases: samples in the real formats, good and bad records. */
class LeaseLogReadersTest {

    private static Instant at(String iso) {
        return Instant.parse(iso);
    }

    private static List<String> rejected(List<? extends Parsed<?>> parsed) {
        return parsed.stream().filter(p -> p instanceof Parsed.Rejected<?>)
                .map(p -> p.line() + ": " + ((Parsed.Rejected<?>) p).reason()).toList();
    }

    @Nested
    class KeaForensicLog {

        private List<Parsed<LeaseEvent>> read(String sample, SubscriberKey key) {
            try (KeaForensicLogReader reader = new KeaForensicLogReader(open(sample), sample, key)) {
                return readAll(reader);
            }
        }

        @Test
        void readsAssignedRenewedAndReleasedWithTheZoneOfEachLineAndTheCircuitIdAsLine() {
            List<LeaseEvent> events = rows(read("kea-forensic-dhcp4.log", SubscriberKey.CIRCUIT_ID));
            assertThat(events).extracting(LeaseEvent::kind).containsExactly(LeaseEvent.Kind.ASSIGNED,
                    LeaseEvent.Kind.RENEWED, LeaseEvent.Kind.RELEASED, LeaseEvent.Kind.ASSIGNED, LeaseEvent.Kind.ASSIGNED);
            LeaseEvent first = events.get(0);
            assertThat(first.at()).isEqualTo(at("2018-01-06T00:02:03Z")); // CET is UTC+1 in January
            assertThat(first.validFor()).hasSeconds(1 * 3600 + 52 * 60 + 15);
            assertThat(first.subscriberId()).isEqualTo("68:6f:77:64:79");
            assertThat(first.line()).isEqualTo("circuit-id=68:6f:77:64:79;remote-id=87:f6:79:77:ef");
            assertThat(events.get(3).at()).isEqualTo(at("2018-01-05T17:05:00Z")); // JST is UTC+9
        }

        @Test
        void rejectsMalformedLinesWithTheirLineNumbersAndKeepsTheRest() {
            assertThat(rejected(read("kea-forensic-dhcp4.log", SubscriberKey.CIRCUIT_ID))).containsExactly(
                    "5: not a Kea forensic log line: 'this is not a lease event'",
                    "6: unknown time zone 'XYZT'",
                    "7: '192.2.1.999' is not an address or prefix",
                    "8: no circuit-id to identify the subscriber");
        }

        @Test
        void aReleaseEndsTheLeaseAndAnotherHolderEndsAnExpiredOne() {
            LeaseHistory history = new LeaseHistory();
            try (KeaForensicLogReader reader = new KeaForensicLogReader(open("kea-forensic-dhcp4.log"), "legal.log",
                    SubscriberKey.CIRCUIT_ID)) {
                history.addAll(reader);
            }
            assertThat(history.rejections()).hasSize(4);
            List<Assignment> assignments = history.assignments("kea-forensic");
            assertThat(assignments).containsExactlyInAnyOrder(
                    new Assignment("68:6f:77:64:79", "192.2.1.100", 32, PortRange.ALL, at("2018-01-06T00:02:03Z"),
                            Optional.of(at("2018-01-06T01:00:00Z")), "kea-forensic",
                            "circuit-id=68:6f:77:64:79;remote-id=87:f6:79:77:ef"),
                    new Assignment("6c:69:6e:65:32", "192.2.1.101", 32, PortRange.ALL, at("2018-01-05T17:05:00Z"),
                            Optional.of(at("2018-01-05T17:35:00Z")), "kea-forensic", "circuit-id=6c:69:6e:65:32"),
                    new Assignment("6c:69:6e:65:35", "192.2.1.101", 32, PortRange.ALL, at("2018-01-06T03:00:00Z"),
                            Optional.of(at("2018-01-06T03:30:00Z")), "kea-forensic", "circuit-id=6c:69:6e:65:35"));
            AttributionIndex index = AttributionIndex.builder(AttributionPolicy.STRICT).addAll(assignments).build();
            assertThat(index.attribute("192.2.1.100", at("2018-01-06T00:30:00Z")).code()).isEqualTo("exact");
            // Released at 01:00 although the renewed lease ran until 02:24:18.
            assertThat(index.attribute("192.2.1.100", at("2018-01-06T01:30:00Z")))
                    .isEqualTo(new Attribution.Unattributed(UnattributedReason.NO_ASSIGNMENT));
        }

        @Test
        void readsDhcp6PrefixDelegationKeyedByRemoteId() {
            List<Parsed<LeaseEvent>> parsed = read("kea-forensic-dhcp6.log", SubscriberKey.REMOTE_ID);
            assertThat(rejections(parsed)).isEmpty();
            List<Assignment> assignments = new LeaseHistory().addAll(parsed.iterator()).assignments("kea-forensic6");
            AttributionIndex index = AttributionIndex.builder(AttributionPolicy.STRICT).addAll(assignments).build();
            Attribution a = index.attribute("2001:db8:1:ab::1", at("2018-01-06T03:05:00Z"));
            assertThat(a).isInstanceOfSatisfying(Attribution.Attributed.class, hit -> {
                assertThat(hit.assignment().subscriberId()).isEqualTo("01:02:03:04:0a:0b:0c:0d:0e:0f");
                assertThat(hit.assignment().prefix()).isEqualTo(IpPrefix.parse("2001:db8:1::/48"));
            });
            assertThat(index.attribute("2001:db8:1:ab::1", at("2018-01-06T03:11:53Z")).code()).isEmpty();
        }
    }

    @Nested
    class KeaLeaseFiles {

        @Test
        void aLease4RowRanFromExpireMinusValidLifetimeToExpire() {
            List<Parsed<Assignment>> parsed;
            try (KeaLeaseCsvReader reader = new KeaLeaseCsvReader(open("kea-leases4.csv"), "kea-leases4.csv", false,
                    SubscriberKey.HARDWARE_ADDRESS)) {
                parsed = readAll(reader);
            }
            assertThat(rows(parsed)).containsExactly(
                    new Assignment("08:00:2b:02:3f:4e", "192.0.2.10", 32, PortRange.ALL,
                            Instant.ofEpochSecond(1_764_000_000L - 3_600), Optional.of(Instant.ofEpochSecond(1_764_000_000L)),
                            "kea-lease4", "circuit-id=686F776479;remote-id=87F67977EF"),
                    new Assignment("08:00:2b:02:3f:4f", "192.0.2.11", 32, PortRange.ALL,
                            Instant.ofEpochSecond(1_764_003_600L - 7_200), Optional.of(Instant.ofEpochSecond(1_764_003_600L)),
                            "kea-lease4", ""));
            assertThat(rejected(parsed)).containsExactly(
                    "4: declined lease (state 1): nobody held 192.0.2.12",
                    "5: address '192.0.2.300' is not an IPv4 address",
                    "6: valid_lifetime 'soon' or expire '1764000000' is not a number",
                    "7: expected 12 fields as in the header but found 6",
                    "8: no hardware-address to identify the subscriber of 192.0.2.15/32");
        }

        @Test
        void aLease6FileHoldsAddressesAndDelegatedPrefixes() {
            List<Parsed<Assignment>> parsed;
            try (KeaLeaseCsvReader reader = new KeaLeaseCsvReader(open("kea-leases6.csv"), "kea-leases6.csv", true,
                    SubscriberKey.CLIENT_ID)) {
                parsed = readAll(reader);
            }
            assertThat(rows(parsed)).extracting(a -> a.prefix().toString(), Assignment::subscriberId).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("2001:db8:1::/56", "00:03:00:01:08:00:2b:02:3f:4e"),
                    org.assertj.core.groups.Tuple.tuple("2001:db8:2::5/128", "00:03:00:01:08:00:2b:02:3f:4f"));
            assertThat(rejected(parsed)).containsExactly(
                    "4: address '2001:db8:3::' is not an IPv6 address or prefix",
                    "5: address '192.0.2.1' is not an IPv6 address or prefix");
        }

        @Test
        void aFileWithoutTheKeyColumnIsRefusedWhole() {
            String csv = "address,valid_lifetime,expire\n192.0.2.1,3600,1764000000\n";
            assertThatThrownBy(() -> new KeaLeaseCsvReader(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)),
                    "leases.csv", false, SubscriberKey.HARDWARE_ADDRESS))
                    .isInstanceOf(ImportFormatException.class).hasMessageContaining("hwaddr");
        }
    }

    @Nested
    class DhcpdLeases {

        private List<Parsed<Assignment>> read() {
            try (DhcpdLeasesReader reader = new DhcpdLeasesReader(open("dhcpd.leases"), "dhcpd.leases",
                    SubscriberKey.HARDWARE_ADDRESS)) {
                return readAll(reader);
            }
        }

        @Test
        void readsEveryLeaseEntryInUtcAndSkipsPoolBookkeeping() {
            List<Parsed<Assignment>> parsed = read();
            assertThat(parsed.stream().filter(p -> p instanceof Parsed.Row<?>).map(Parsed::line)).containsExactly(9L, 20L, 28L, 46L);
            Assignment camera = rows(parsed).get(0);
            assertThat(camera.subscriberId()).isEqualTo("08:00:27:ab:cd:ef");
            assertThat(camera.from()).isEqualTo(at("2020-04-10T08:27:36Z"));
            assertThat(camera.to()).contains(at("2020-04-10T20:27:36Z"));
            assertThat(rows(parsed).get(1).line()).isEqualTo("circuit-id=ge-0/0/1.100;remote-id=olt-7");
            assertThat(rows(parsed).get(3).from()).isEqualTo(at("2020-04-10T09:00:00Z"));
            assertThat(rows(parsed).get(3).to()).isEmpty();
            assertThat(rejected(parsed)).containsExactly(
                    "41: lease 10.0.0.5: starts '5 2020/13/10 09:00:00' is not a time",
                    "56: lease 10.0.0.7 has no hardware-address to identify the subscriber");
        }

        @Test
        void theLastEntryForTheSameLeaseWinsSoAReleaseEndsIt() {
            List<Assignment> leases = DhcpdLeasesReader.lastEntryWins(rows(read()));
            assertThat(leases).filteredOn(a -> a.ip().equals("10.0.0.2")).singleElement()
                    .satisfies(a -> assertThat(a.to()).contains(at("2020-04-10T12:00:00Z")));
            AttributionIndex index = AttributionIndex.builder(AttributionPolicy.STRICT).addAll(leases).build();
            assertThat(index.attribute("10.0.0.2", at("2020-04-10T13:00:00Z")).code()).isEmpty();
            assertThat(index.attribute("10.0.0.6", at("2026-01-01T00:00:00Z")).code()).isEqualTo("open-session");
        }
    }
}
