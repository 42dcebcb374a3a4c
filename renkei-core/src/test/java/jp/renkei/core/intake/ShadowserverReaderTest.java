package jp.renkei.core.intake;

import static jp.renkei.core.Samples.open;
import static jp.renkei.core.Samples.readAll;
import static jp.renkei.core.Samples.rejections;
import static jp.renkei.core.Samples.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import jp.renkei.core.imports.ImportFormatException;
import jp.renkei.core.imports.Parsed;
import jp.renkei.core.imports.ReaderAlarm;
import org.junit.jupiter.api.Test;

class ShadowserverReaderTest {

    private static final String TELNET = "2024-09-24-scan_telnet-asn-jp.csv";
    private static final String SINKHOLE = "2024-09-24-event4_sinkhole-asn-jp.csv";

    private static List<Parsed<ObservationDraft>> read(String file) {
        String type = ShadowserverReportType.fromFileName(file).orElseThrow();
        try (ShadowserverReader reader = new ShadowserverReader(open(file), file, type)) {
            return readAll(reader);
        }
    }

    @Test
    void readsExposedTelnetRowsKeepingTheBannerAndUnknownColumnsAsEvidence() {
        List<ObservationDraft> drafts = rows(read(TELNET));
        assertThat(drafts).extracting(ObservationDraft::line, ObservationDraft::ip, ObservationDraft::port)
                .containsExactly(tuple(2L, "203.0.113.7", OptionalInt.of(23)), tuple(3L, "2001:db8::1", OptionalInt.of(2323)),
                        tuple(8L, "203.0.113.10", OptionalInt.of(23)));
        ObservationDraft first = drafts.get(0);
        assertThat(first.sourceTime()).isEqualTo(Instant.parse("2024-09-24T00:01:02Z"));
        assertThat(first.kind()).isEqualTo(ProblemKind.EXPOSED_TELNET);
        assertThat(first.transport()).isEqualTo("tcp");
        assertThat(first.severity()).contains(Severity.MEDIUM);
        assertThat(first.malwareFamily()).isEmpty();
        assertThat(first.evidence()).containsEntry("banner", "|MikroTik v6.45.3 (stable)|Login:")
                .containsEntry("sector", "Communications, Service Provider, and Hosting Service")
                .containsEntry("new_column", "x");
        assertThat(first.evidence().keySet()).startsWith("timestamp", "severity", "ip");
        assertThat(first.deviceVendor()).contains("MikroTik");
        assertThat(first.deviceFirmware()).contains("RouterOS 6.45.3");
        assertThat(drafts.get(1).ip()).as("IPv6 in canonical form").isEqualTo("2001:db8::1");
        assertThat(drafts.get(1).evidence()).containsEntry("banner", "Welcome, \"guest\"\r\nlogin:");
        assertThat(drafts.get(2).sourceTime()).isEqualTo(Instant.parse("2024-09-24T00:09:00Z"));
    }

    @Test
    void rejectsBadRowsNamingTheColumnAndKeepsTheGoodOnes() {
        assertThat(rejections(read(TELNET))).extracting(Parsed.Rejected::line, Parsed.Rejected::reason).containsExactly(
                tuple(5L, "column 'ip': '203.0.113.300' is not an IP address"),
                tuple(6L, "column 'timestamp': '24/09/2024 00:07' is not a UTC timestamp"),
                tuple(7L, "column 'port': 'telnet' is not a port number"),
                tuple(9L, "expected 16 fields as in the header but found 4"));
    }

    @Test
    void readsSinkholeEventsAsInfectionsWithTheFamilyAndSourcePort() {
        List<Parsed<ObservationDraft>> parsed = read(SINKHOLE);
        List<ObservationDraft> drafts = rows(parsed);
        assertThat(drafts).hasSize(2);
        ObservationDraft mirai = drafts.get(0);
        assertThat(mirai.kind()).isEqualTo(ProblemKind.INFECTED);
        assertThat(mirai.ip()).isEqualTo("198.51.100.20");
        assertThat(mirai.port()).hasValue(51234);
        assertThat(mirai.malwareFamily()).contains("mirai");
        assertThat(mirai.deviceVendor()).contains("Hikvision");
        assertThat(mirai.deviceModel()).contains("DVR");
        assertThat(mirai.severity()).contains(Severity.HIGH);
        assertThat(drafts.get(1).malwareFamily()).as("falls back to family").contains("mozi");
        assertThat(rejections(parsed)).extracting(Parsed.Rejected::reason)
                .containsExactly("column 'src_port': '70000' is not a port number");
    }

    @Test
    void identicalRowsGetTheSameFingerprintSoReimportsAreIdempotent() {
        List<String> once = rows(read(TELNET)).stream().map(ObservationDraft::fingerprint).toList();
        List<String> again = rows(read(TELNET)).stream().map(ObservationDraft::fingerprint).toList();
        assertThat(again).isEqualTo(once);
        assertThat(once).doesNotHaveDuplicates().allMatch(f -> f.matches("[0-9a-f]{64}"));
    }

    @Test
    void anUnknownReportTypeIsReadThroughItsHeaderAsUnmappedWithAnAlarm() {
        String file = "2024-09-24-scan_http-asn-jp.csv";
        try (ShadowserverReader reader = new ShadowserverReader(open(file), file, "scan_http")) {
            List<ObservationDraft> drafts = rows(readAll(reader));
            assertThat(drafts).singleElement().satisfies(d -> {
                assertThat(d.kind()).isEqualTo(ProblemKind.UNMAPPED);
                assertThat(d.ip()).isEqualTo("203.0.113.25");
                assertThat(d.port()).hasValue(80);
                assertThat(d.evidence()).containsEntry("http_code", "200");
            });
            assertThat(reader.alarms()).extracting(ReaderAlarm::kind).containsExactly("unknown-report-type");
            assertThat(reader.alarms().get(0).detail()).contains("scan_http").contains(file);
        }
    }

    @Test
    void aColumnOutsideTheKnownHeaderRaisesAnAlarmAndIsKept() {
        try (ShadowserverReader reader = new ShadowserverReader(open(TELNET), TELNET, "scan_telnet")) {
            assertThat(reader.alarms()).extracting(ReaderAlarm::kind, a -> a.detail().contains("'new_column'"))
                    .containsExactly(tuple("unknown-column", true));
            assertThat(rows(readAll(reader)).get(0).evidence()).containsEntry("new_column", "x");
        }
    }

    @Test
    void aMissingIpColumnRejectsTheWholeFileNamingTheColumn() {
        assertThatThrownBy(() -> new ShadowserverReader(open("2024-09-24-scan_telnet-missing-ip.csv"), "f.csv", "scan_telnet"))
                .isInstanceOf(ImportFormatException.class).hasMessageContaining("'ip'").hasMessageContaining("f.csv");
        byte[] noTimestamp = "src_ip\n198.51.100.1\n".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> new ShadowserverReader(new ByteArrayInputStream(noTimestamp), "g.csv", "event4_sinkhole"))
                .isInstanceOf(ImportFormatException.class).hasMessageContaining("'timestamp'");
    }

    @Test
    void findsTheReportTypeInShadowserverFileNames() {
        assertThat(ShadowserverReportType.fromFileName("2024-09-24-scan_telnet-asn-jp.csv")).contains("scan_telnet");
        assertThat(ShadowserverReportType.fromFileName("in/2024-09-24-event4_sinkhole-asn-jp.csv")).contains("event4_sinkhole");
        assertThat(ShadowserverReportType.fromFileName("2024-09-24-event4_sinkhole_http-geo-jp.csv"))
                .contains("event4_sinkhole_http");
        assertThat(ShadowserverReportType.fromFileName("report.csv")).isEmpty();
        assertThat(ShadowserverReportType.SUPPORTED).containsExactlyInAnyOrder("scan_telnet", "compromised_iot",
                "event4_sinkhole", "event4_sinkhole_http", "event4_honeypot_brute_force", "event4_honeypot_darknet",
                "device_id");
    }

    @Test
    void parsesCodesAndSeverities() {
        assertThat(ProblemKind.fromCode("exposed-telnet")).isEqualTo(ProblemKind.EXPOSED_TELNET);
        assertThat(ProblemKind.INFECTED.code()).isEqualTo("infected");
        assertThat(Severity.parse("Critical")).contains(Severity.CRITICAL);
        assertThat(Severity.parse("")).isEqualTo(Optional.empty());
        assertThat(Severity.parse("urgent")).isEmpty();
    }
}
