package jp.renkei.core.intake.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;

class ObservationWritersTest {

    private static final ExportedObservation TELNET = new ExportedObservation(Instant.parse("2024-09-24T12:00:00Z"),
            "2001:db8::1", OptionalInt.of(23), "tcp", "exposed-telnet", Optional.of("medium"), Optional.empty(),
            Optional.of("MikroTik"), Optional.of("=HYPERLINK(\"x\"), RB750"), "scan_telnet", Optional.of("shadowserver"),
            "2024-09-24-scan_telnet-asn-jp.csv", 7);

    @Test
    void writesCsvWithAHeaderQuotingCommasAndDefusingFormulas() throws IOException {
        StringWriter out = new StringWriter();
        CsvObservationWriter csv = new CsvObservationWriter(out);
        csv.begin();
        csv.write(TELNET);
        assertThat(out.toString()).isEqualTo(CsvObservationWriter.HEADER + "\r\n"
                + "2024-09-24T12:00:00Z,2001:db8::1,23,tcp,exposed-telnet,medium,,MikroTik,"
                + "\"'=HYPERLINK(\"\"x\"\"), RB750\",scan_telnet,shadowserver,2024-09-24-scan_telnet-asn-jp.csv,7\r\n");
    }

    @Test
    void writesIntelMqEventsAsJsonLinesWithHarmonisedClassification() throws IOException {
        StringWriter out = new StringWriter();
        IntelMqObservationWriter intelmq = new IntelMqObservationWriter(out, "Example ISP");
        intelmq.write(TELNET);
        intelmq.write(new ExportedObservation(Instant.parse("2024-09-24T01:02:03Z"), "192.0.2.10", OptionalInt.empty(),
                "", "infected", Optional.empty(), Optional.of("Mirai"), Optional.empty(), Optional.empty(),
                "event4_sinkhole", Optional.empty(), "f.csv", 2));
        String[] lines = out.toString().split("\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).startsWith("{\"time.source\":\"2024-09-24T12:00:00Z\",\"source.ip\":\"2001:db8::1\","
                + "\"source.port\":23,\"protocol.transport\":\"tcp\",\"protocol.application\":\"telnet\","
                + "\"classification.taxonomy\":\"vulnerable\",\"classification.type\":\"potentially-unwanted-accessible\"")
                .contains("\"extra.device_model\":\"=HYPERLINK(\\\"x\\\"), RB750\"")
                .contains("\"feed.name\":\"shadowserver\"", "\"feed.provider\":\"Example ISP\"");
        assertThat(lines[1]).contains("\"classification.taxonomy\":\"malicious-code\"",
                "\"classification.type\":\"infected-system\"", "\"malware.name\":\"mirai\"",
                "\"feed.name\":\"event4_sinkhole\"").doesNotContain("source.port");
    }
}
