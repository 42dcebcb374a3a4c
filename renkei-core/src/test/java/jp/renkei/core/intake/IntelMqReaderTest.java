package jp.renkei.core.intake;

import static jp.renkei.core.Samples.open;
import static jp.renkei.core.Samples.readAll;
import static jp.renkei.core.Samples.rejections;
import static jp.renkei.core.Samples.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import jp.renkei.core.imports.Parsed;
import jp.renkei.core.imports.ReaderAlarm;
import org.junit.jupiter.api.Test;

class IntelMqReaderTest {

    static final String FILE = "events-2024-09-24.jsonl";

    @Test
    void readsEventsMappingTheClassificationAndKeepingRaw() {
        try (IntelMqReader reader = new IntelMqReader(open(FILE), FILE)) {
            List<Parsed<ObservationDraft>> parsed = readAll(reader);
            List<ObservationDraft> drafts = rows(parsed);
            assertThat(drafts).extracting(ObservationDraft::line, ObservationDraft::ip, ObservationDraft::kind)
                    .containsExactly(tuple(1L, "203.0.113.40", ProblemKind.INFECTED),
                            tuple(3L, "2001:db8::40", ProblemKind.EXPOSED_TELNET),
                            tuple(4L, "203.0.113.41", ProblemKind.UNMAPPED),
                            tuple(7L, "203.0.113.43", ProblemKind.BRUTE_FORCE_SOURCE));
            ObservationDraft mirai = drafts.get(0);
            assertThat(mirai.sourceTime()).as("time.source, not time.observation")
                    .isEqualTo(Instant.parse("2024-09-24T08:00:00Z"));
            assertThat(mirai.port()).isEqualTo(OptionalInt.of(41000));
            assertThat(mirai.transport()).isEqualTo("tcp");
            assertThat(mirai.malwareFamily()).contains("mirai");
            assertThat(mirai.deviceVendor()).contains("Hikvision");
            assertThat(mirai.reportType()).isEqualTo("Sinkhole HTTP");
            assertThat(mirai.evidence()).containsEntry("raw",
                    "dGltZXN0YW1wLHNyY19pcAoyMDI0LTA5LTI0IDA4OjAwOjAwLDIwMy4wLjExMy40MA==")
                    .containsEntry("feed.provider", "ExampleCERT");
            assertThat(drafts.get(1).deviceFirmware()).as("nested extra flattened, banner fingerprinted")
                    .contains("RouterOS 6.45.3");
            assertThat(drafts.get(3).evidence()).containsEntry("comment", "line \"quoted\", with comma\nand newline");
            assertThat(rejections(parsed)).extracting(Parsed.Rejected::line).containsExactly(5L, 6L);
            assertThat(rejections(parsed).get(0).reason()).contains("source.ip").contains("not-an-ip");
            assertThat(rejections(parsed).get(1).reason()).startsWith("not an IntelMQ event");
            assertThat(reader.alarms()).extracting(ReaderAlarm::kind).containsExactly("unknown-report-type");
            assertThat(reader.alarms().get(0).detail()).contains("other/undetermined");
        }
    }

    @Test
    void anOverLongLineIsRejectedWithoutReadingItIntoMemoryAndCrlfIsALineEnd() {
        String event = "{\"time.source\": \"2024-09-24T08:00:00Z\", \"source.ip\": \"203.0.113.44\", "
                + "\"classification.type\": \"infected-system\"}";
        String huge = "{\"raw\": \"" + "A".repeat(IntelMqReader.MAX_LINE_CHARS + 10) + "\"}";
        byte[] file = (event + "\r\n" + huge + "\r\n" + event.replace(".44", ".45") + "\r\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        try (IntelMqReader reader = new IntelMqReader(new java.io.ByteArrayInputStream(file), "big.jsonl")) {
            List<Parsed<ObservationDraft>> parsed = readAll(reader);
            assertThat(rows(parsed)).extracting(ObservationDraft::line, ObservationDraft::ip)
                    .containsExactly(tuple(1L, "203.0.113.44"), tuple(3L, "203.0.113.45"));
            assertThat(rejections(parsed)).extracting(Parsed.Rejected::line).containsExactly(2L);
            assertThat(rejections(parsed).get(0).reason()).contains("longer than");
        }
    }

    @Test
    void aFileWhoseFirstLineIsNoJsonIsTheWrongFormatNotOneBadRecord() {
        byte[] csv = "timestamp,ip\n2024-09-24 00:00:00,203.0.113.1\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        try (IntelMqReader reader = new IntelMqReader(new java.io.ByteArrayInputStream(csv), "r.csv")) {
            org.assertj.core.api.Assertions.assertThatThrownBy(reader::hasNext)
                    .isInstanceOf(jp.renkei.core.imports.ImportFormatException.class)
                    .hasMessageContaining("format=intelmq").hasMessageContaining("r.csv");
        }
    }

    @Test
    void everyKindNamesAnIntelMqClassificationThatMapsBackToIt() {
        for (ProblemKind kind : ProblemKind.values()) {
            Optional<ProblemKind> back = ProblemKind.fromIntelMq(kind.intelMqTaxonomy(), kind.intelMqType(),
                    kind == ProblemKind.EXPOSED_TELNET ? "telnet" : "", "", "");
            if (kind == ProblemKind.UNMAPPED) {
                assertThat(back).isEmpty();
            } else {
                assertThat(back).as(kind.code()).contains(kind);
            }
        }
        assertThat(ProblemKind.fromIntelMq("other", "scanner", "", "", "")).isEmpty();
        assertThat(ProblemKind.fromIntelMq("other", "scanner", "", "", "mirai")).contains(ProblemKind.INFECTED);
    }

    @Test
    void storedCodesStillParseAndOnlyUnmappedOpensNoCase() {
        for (ProblemKind kind : ProblemKind.values()) {
            assertThat(ProblemKind.fromCode(kind.code())).isEqualTo(kind);
            assertThat(kind.opensCase()).isEqualTo(kind != ProblemKind.UNMAPPED);
        }
        assertThat(ProblemKind.fromCode("exposed-telnet")).isEqualTo(ProblemKind.EXPOSED_TELNET);
        assertThat(ProblemKind.fromCode("infected")).isEqualTo(ProblemKind.INFECTED);
    }
}
