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
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import jp.renkei.core.imports.ImportFormatException;
import jp.renkei.core.imports.Parsed;
import jp.renkei.core.imports.ReaderAlarm;
import org.junit.jupiter.api.Test;

class MappedCsvReaderTest {

    static final ColumnMapping NOTICE = new ColumnMapping("notice-sjis", ColumnMapping.Encoding.SHIFT_JIS, "調査日時",
            ZoneId.of("Asia/Tokyo"), Optional.empty(), "IPアドレス", Optional.of("ポート"), Optional.empty(),
            Optional.of("種別"), Optional.empty(), Map.of("脆弱なID・パスワード", ProblemKind.VULNERABLE_SERVICE),
            Optional.of("マルウェア"), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty());

    @Test
    void readsAShiftJisNoticeListWithJstTimesAndPortSlashProtocol() {
        String file = "notice-2024-09-24-sjis.csv";
        try (MappedCsvReader reader = new MappedCsvReader(open(file), file, "notice", NOTICE)) {
            List<Parsed<ObservationDraft>> parsed = readAll(reader);
            List<ObservationDraft> drafts = rows(parsed);
            assertThat(drafts).extracting(ObservationDraft::sourceTime, ObservationDraft::ip, ObservationDraft::port,
                            ObservationDraft::transport, ObservationDraft::kind)
                    .containsExactly(
                            tuple(Instant.parse("2024-09-24T00:00:00Z"), "203.0.113.30", OptionalInt.of(23), "tcp",
                                    ProblemKind.VULNERABLE_SERVICE),
                            tuple(Instant.parse("2024-09-24T01:30:00Z"), "2001:db8::30", OptionalInt.of(2323), "tcp",
                                    ProblemKind.INFECTED),
                            tuple(Instant.parse("2024-09-24T02:00:00Z"), "203.0.113.31", OptionalInt.of(80), "tcp",
                                    ProblemKind.UNMAPPED));
            assertThat(drafts.get(0).evidence()).containsEntry("備考", "ログイン可能(弱いパスワード)、要対応");
            assertThat(drafts.get(0).reportType()).isEqualTo("notice:notice-sjis");
            assertThat(drafts.get(1).malwareFamily()).contains("Mirai");
            assertThat(rejections(parsed)).extracting(Parsed.Rejected::line, Parsed.Rejected::reason)
                    .containsExactly(tuple(5L, "column '調査日時': '昨日' is not a timestamp"));
            assertThat(reader.alarms()).extracting(ReaderAlarm::kind).containsExactly("unknown-kind");
            assertThat(reader.alarms().get(0).detail()).contains("謎の種別");
        }
    }

    @Test
    void aFixedKindAndPatternReadUtcListsWithBomAndCrlf() {
        ColumnMapping mapping = new ColumnMapping("sensor", ColumnMapping.Encoding.UTF_8_BOM, "Seen", ZoneId.of("UTC"),
                Optional.of("dd.MM.yyyy HH:mm"), "Addr", Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(ProblemKind.INFECTED), Map.of(), Optional.empty(), Optional.of("mozi"), Optional.empty(),
                Optional.of("Vendor"), Optional.empty(), Optional.empty());
        byte[] csv = ("\uFEFFSeen,Addr,Vendor,Note\r\n24.09.2024 12:00,203.0.113.60,\"Acme, Inc.\",\"two\r\nlines\"\r\n"
                + "2024-09-24,203.0.113.61,,\r\n").getBytes(StandardCharsets.UTF_8);
        try (MappedCsvReader reader = new MappedCsvReader(new ByteArrayInputStream(csv), "s.csv", "csv", mapping)) {
            List<Parsed<ObservationDraft>> parsed = readAll(reader);
            assertThat(rows(parsed)).singleElement().satisfies(d -> {
                assertThat(d.sourceTime()).isEqualTo(Instant.parse("2024-09-24T12:00:00Z"));
                assertThat(d.kind()).isEqualTo(ProblemKind.INFECTED);
                assertThat(d.malwareFamily()).contains("mozi");
                assertThat(d.deviceVendor()).contains("Acme, Inc.");
                assertThat(d.evidence()).containsEntry("note", "two\r\nlines");
            });
            assertThat(rejections(parsed)).extracting(Parsed.Rejected::line).containsExactly(4L);
            assertThat(rejections(parsed).get(0).reason()).contains("dd.MM.yyyy HH:mm");
        }
    }

    @Test
    void aMappedColumnMissingFromTheHeaderRejectsTheFileNamingIt() {
        byte[] csv = "when,ip\n2024-09-24 00:00:00,203.0.113.1\n".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> new MappedCsvReader(new ByteArrayInputStream(csv), "x.csv", "notice", NOTICE))
                .isInstanceOf(ImportFormatException.class).hasMessageContaining("'調査日時'").hasMessageContaining("x.csv");
    }

    @Test
    void mappingsAreValidatedNamingTheField() {
        assertThatThrownBy(() -> ColumnMapping.fixed("bad name", "t", "ip", ProblemKind.INFECTED))
                .hasMessageStartingWith("name:");
        assertThatThrownBy(() -> new ColumnMapping("m", ColumnMapping.Encoding.UTF_8, "t", ZoneId.of("UTC"),
                Optional.empty(), "ip", Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Map.of(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty())).hasMessageStartingWith("kindColumn or fixedKind");
        assertThat(ColumnMapping.Encoding.fromCode("CP932")).isEqualTo(ColumnMapping.Encoding.SHIFT_JIS);
        assertThat(ColumnMapping.Encoding.fromCode("utf-8-bom")).isEqualTo(ColumnMapping.Encoding.UTF_8_BOM);
    }

    @Test
    void labelsFromJapaneseListsMapToKinds() {
        assertThat(ProblemKind.fromLabel("マルウェア感染")).contains(ProblemKind.INFECTED);
        assertThat(ProblemKind.fromLabel("weak credential")).contains(ProblemKind.VULNERABLE_SERVICE);
        assertThat(ProblemKind.fromLabel("brute-force-source")).contains(ProblemKind.BRUTE_FORCE_SOURCE);
        assertThat(ProblemKind.fromLabel("unmapped")).isEmpty();
        assertThat(ProblemKind.fromLabel("")).isEmpty();
    }
}
