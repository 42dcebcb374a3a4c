package jp.renkei.core.intake;

import static jp.renkei.core.Samples.open;
import static jp.renkei.core.Samples.readAll;
import static jp.renkei.core.Samples.rejections;
import static jp.renkei.core.Samples.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;
import jp.renkei.core.imports.Parsed;
import jp.renkei.core.imports.ReaderAlarm;
import org.junit.jupiter.api.Test;

/** Every IoT-relevant Shadowserver report type, from sample files with the real headers. */
class ShadowserverReportTypesTest {

    record Read(List<Parsed<ObservationDraft>> parsed, List<ReaderAlarm> alarms) {
        List<ObservationDraft> drafts() {
            return rows(parsed);
        }
    }

    static Read read(String file) {
        String type = ShadowserverReportType.fromFileName(file).orElseThrow();
        try (ShadowserverReader reader = new ShadowserverReader(open(file), file, type)) {
            List<Parsed<ObservationDraft>> parsed = readAll(reader);
            return new Read(parsed, reader.alarms());
        }
    }

    @Test
    void olderScanTelnetWithoutSeverityAndWithSicIsReadWithoutAlarms() {
        Read r = read("2019-03-01-scan_telnet-old-asn-jp.csv");
        assertThat(r.alarms()).isEmpty();
        assertThat(r.drafts()).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(ProblemKind.EXPOSED_TELNET);
            assertThat(d.severity()).isEmpty();
            assertThat(d.evidence()).containsEntry("sic", "481299");
            assertThat(d.deviceVendor()).contains("ZTE");
            assertThat(d.deviceModel()).contains("ZXHN H108N");
            assertThat(d.deviceFirmware()).contains("2.5.5");
        });
    }

    @Test
    void compromisedIotCarriesDeviceColumnsFamilyAndQuotedDetail() {
        Read r = read("2024-09-24-compromised_iot-asn-jp.csv");
        assertThat(r.alarms()).isEmpty();
        assertThat(r.drafts()).extracting(ObservationDraft::kind, ObservationDraft::ip, ObservationDraft::port)
                .containsExactly(tuple(ProblemKind.COMPROMISED, "203.0.113.20", OptionalInt.of(22)),
                        tuple(ProblemKind.COMPROMISED, "2001:db8::20", OptionalInt.of(8291)));
        ObservationDraft d = r.drafts().get(0);
        assertThat(d.deviceVendor()).contains("MikroTik");
        assertThat(d.deviceModel()).contains("hAP ac2");
        assertThat(d.deviceFirmware()).contains("6.40.1");
        assertThat(d.malwareFamily()).contains("glupteba");
        assertThat(d.severity()).contains(Severity.CRITICAL);
        assertThat(d.evidence()).containsEntry("detail", "SOCKS proxy, \"unauthorised\" scheduler");
    }

    @Test
    void sinkholeHttpKeepsMultiLineFieldsAndIpv6Sources() {
        Read r = read("2024-09-24-event4_sinkhole_http-asn-jp.csv");
        assertThat(r.alarms()).isEmpty();
        assertThat(r.drafts()).extracting(ObservationDraft::line, ObservationDraft::ip, ObservationDraft::port,
                        ObservationDraft::malwareFamily)
                .containsExactly(tuple(2L, "2001:db8:1::5", OptionalInt.of(40123), java.util.Optional.of("mozi")),
                        tuple(4L, "203.0.113.21", OptionalInt.empty(), java.util.Optional.of("gafgyt")));
        assertThat(r.drafts().get(0).kind()).isEqualTo(ProblemKind.INFECTED);
        assertThat(r.drafts().get(0).evidence()).containsEntry("http_agent", "Mozilla/5.0 (compatible,\nbot)");
    }

    @Test
    void honeypotBruteForceSourcesAreBruteForceAndBadAddressesRejectedWithTheirLine() {
        Read r = read("2024-09-24-event4_honeypot_brute_force-asn-jp.csv");
        assertThat(r.alarms()).isEmpty();
        assertThat(r.drafts()).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(ProblemKind.BRUTE_FORCE_SOURCE);
            assertThat(d.port()).hasValue(51000);
            assertThat(d.malwareFamily()).isEmpty();
            assertThat(d.deviceVendor()).contains("Hikvision");
            assertThat(d.evidence()).containsEntry("password", "xc3511");
        });
        assertThat(rejections(r.parsed())).extracting(Parsed.Rejected::line, Parsed.Rejected::reason)
                .containsExactly(tuple(3L, "column 'src_ip': '203.0.113.' is not an IP address"));
    }

    @Test
    void darknetMiraiWithBomIsAnInfection() {
        Read r = read("2024-09-24-event4_honeypot_darknet-asn-jp.csv");
        assertThat(r.alarms()).isEmpty();
        assertThat(r.drafts()).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(ProblemKind.INFECTED);
            assertThat(d.malwareFamily()).contains("mirai");
            assertThat(d.sourceTime()).isEqualTo(Instant.parse("2024-09-24T05:00:00Z"));
            assertThat(d.evidence()).containsEntry("count", "12").containsKey("timestamp");
        });
    }

    @Test
    void deviceIdentificationIsAnExposedServiceWithTheDevice() {
        Read r = read("2024-09-24-device_id-asn-jp.csv");
        assertThat(r.alarms()).isEmpty();
        assertThat(r.drafts()).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(ProblemKind.EXPOSED_SERVICE);
            assertThat(d.deviceVendor()).contains("Yamaha");
            assertThat(d.deviceModel()).contains("RTX1210");
            assertThat(d.deviceFirmware()).contains("Rev.14.01.38");
            assertThat(d.severity()).contains(Severity.INFO);
        });
    }
}
