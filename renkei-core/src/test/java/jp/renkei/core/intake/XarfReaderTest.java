package jp.renkei.core.intake;

import static jp.renkei.core.Samples.open;
import static jp.renkei.core.Samples.readAll;
import static jp.renkei.core.Samples.rejections;
import static jp.renkei.core.Samples.rows;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import jp.renkei.core.imports.ReaderAlarm;
import org.junit.jupiter.api.Test;

class XarfReaderTest {

    @Test
    void readsAnXarf02ReportTextAsABruteForceSource() throws IOException {
        String yaml;
        try (InputStream in = open("xarf-0.2-report.txt")) {
            yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try (XarfReader reader = XarfReader.v02(yaml, "abuse.eml", Map.of("mail.subject", "abuse report"))) {
            assertThat(rows(readAll(reader))).singleElement().satisfies(d -> {
                assertThat(d.kind()).isEqualTo(ProblemKind.BRUTE_FORCE_SOURCE);
                assertThat(d.ip()).isEqualTo("203.0.113.50");
                assertThat(d.port()).hasValue(22);
                assertThat(d.sourceTime()).isEqualTo(Instant.parse("2024-09-24T08:44:12Z"));
                assertThat(d.evidence()).containsEntry("Report-ID", "3141592@example.net")
                        .containsEntry("Attempts", "42").containsEntry("mail.subject", "abuse report");
            });
            assertThat(reader.alarms()).isEmpty();
        }
    }

    @Test
    void readsAnXarf4JsonInfectedHost() {
        try (XarfReader reader = XarfReader.v4(open("xarf-4-infected.json"), "r.json")) {
            assertThat(rows(readAll(reader))).singleElement().satisfies(d -> {
                assertThat(d.kind()).isEqualTo(ProblemKind.INFECTED);
                assertThat(d.ip()).isEqualTo("2001:db8::50");
                assertThat(d.port()).hasValue(37215);
                assertThat(d.malwareFamily()).contains("mozi");
                assertThat(d.evidence()).containsEntry("reporter.org", "Example CERT")
                        .hasEntrySatisfying("evidence", v -> assertThat(v).startsWith("[{").contains("sinkhole log"));
            });
        }
    }

    @Test
    void anUnmappedTypeIsKeptWithAnAlarmAndABadAddressIsRejected() {
        String json = "{\"xarf_version\":\"4.0.0\",\"timestamp\":\"2024-09-24T11:00:00Z\",\"source_identifier\":"
                + "\"203.0.113.51\",\"category\":\"connection\",\"type\":\"port_scan\"}";
        try (XarfReader reader = XarfReader.v4(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "p.json")) {
            assertThat(rows(readAll(reader))).singleElement()
                    .satisfies(d -> assertThat(d.kind()).isEqualTo(ProblemKind.UNMAPPED));
            assertThat(reader.alarms()).extracting(ReaderAlarm::kind).containsExactly("unknown-report-type");
        }
        try (XarfReader reader = XarfReader.v02("Date: 2024-09-24T00:00:00Z\nSource: nowhere\nReport-Type: login-attack\n",
                "m.eml", Map.of())) {
            assertThat(rejections(readAll(reader))).singleElement()
                    .satisfies(r -> assertThat(r.reason()).contains("'Source'").contains("nowhere"));
        }
    }
}
