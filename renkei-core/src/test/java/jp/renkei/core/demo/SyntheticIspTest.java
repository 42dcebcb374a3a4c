package jp.renkei.core.demo;

import static jp.renkei.core.Samples.readAll;
import static jp.renkei.core.Samples.rejections;
import static jp.renkei.core.Samples.rows;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import jp.renkei.core.Language;
import jp.renkei.core.attribution.Assignment;
import jp.renkei.core.attribution.Attribution;
import jp.renkei.core.attribution.Attributor;
import jp.renkei.core.attribution.FreeRadiusDetailReader;
import jp.renkei.core.attribution.SessionAssembler;
import jp.renkei.core.imports.Parsed;
import jp.renkei.core.intake.ObservationDraft;
import jp.renkei.core.intake.ShadowserverReader;
import jp.renkei.core.intake.ShadowserverReportType;
import jp.renkei.core.subscribers.SubscriberCsvReader;
import jp.renkei.core.subscribers.SubscriberRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SyntheticIspTest {

    private static final Instant END = Instant.parse("2026-11-23T00:00:00Z");
    private static final List<String> TYPES = List.of(ShadowserverReportType.SCAN_TELNET, ShadowserverReportType.EVENT4_SINKHOLE);

    private static SyntheticIsp isp;
    private static List<Assignment> assignments;
    private static Map<String, List<Assignment>> byIp;

    @BeforeAll
    static void generateAndReplayTheAccountingFile() {
        isp = SyntheticIsp.generate(42, 1_000, 30, END);
        SessionAssembler assembler = new SessionAssembler();
        try (FreeRadiusDetailReader reader = new FreeRadiusDetailReader(bytes(isp::writeRadiusDetail), "detail")) {
            assembler.addAll(reader);
        }
        assertThat(assembler.rejections()).isEmpty();
        assignments = assembler.assignments("radius:detail");
        byIp = assignments.stream().collect(Collectors.groupingBy(Assignment::ip));
    }

    private static ByteArrayInputStream bytes(Consumer<StringWriter> write) {
        StringWriter out = new StringWriter();
        write.accept(out);
        return new ByteArrayInputStream(out.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static String attributed(String ip, Instant at) {
        Attribution a = Attributor.attribute(at, byIp.getOrDefault(ip, List.of()));
        return a instanceof Attribution.Attributed hit ? hit.assignment().subscriberId() : "";
    }

    @Test
    void replayingTheWrittenFilesReproducesEveryGroundTruthRowExactly() {
        int rows = 0;
        for (String type : TYPES) {
            List<Parsed<ObservationDraft>> parsed;
            String file = isp.fileName(type);
            try (ShadowserverReader reader = new ShadowserverReader(bytes(w -> isp.writeShadowserver(type, w)), file,
                    ShadowserverReportType.fromFileName(file).orElseThrow())) {
                parsed = readAll(reader);
            }
            assertThat(rejections(parsed)).isEmpty();
            List<ObservationDraft> drafts = rows(parsed);
            List<GroundTruth> truth = isp.groundTruth(type);
            assertThat(drafts).hasSameSizeAs(truth);
            for (int i = 0; i < truth.size(); i++) {
                GroundTruth t = truth.get(i);
                ObservationDraft d = drafts.get(i);
                assertThat(d.ip()).isEqualTo(t.ip());
                assertThat(d.sourceTime()).isEqualTo(t.at());
                assertThat(attributed(d.ip(), d.sourceTime())).as("row %d of %s: %s", i, type, t).isEqualTo(t.subscriberId());
            }
            rows += truth.size();
        }
        assertThat(rows).isEqualTo(isp.groundTruth().size());
    }

    @Test
    void reportsAboutThreePercentVulnerableAndOnePercentInfectedSubscribersPlusUnattributableRows() {
        Map<String, Set<String>> reported = isp.groundTruth().stream().filter(t -> !t.isUnattributable())
                .collect(Collectors.groupingBy(GroundTruth::reportType,
                        Collectors.mapping(GroundTruth::subscriberId, Collectors.toSet())));
        assertThat(reported.get("scan_telnet")).hasSize(30);
        assertThat(reported.get("event4_sinkhole")).hasSize(10);
        assertThat(isp.groundTruth()).filteredOn(GroundTruth::isUnattributable).hasSizeGreaterThanOrEqualTo(4)
                .anyMatch(t -> t.ip().contains(":"));
        assertThat(isp.groundTruth()).allMatch(t -> !t.at().isBefore(END.minus(Duration.ofDays(1))) && t.at().isBefore(END));
    }

    @Test
    void theIpPoolIsSmallerThanTheSubscriberBaseSoIpsPassBetweenSubscribers() {
        assertThat(byIp.keySet()).hasSizeLessThan(1_000);
        assertThat(isp.sessionCount()).isBetween(15_000, 25_000);
        assertThat(assignments).filteredOn(a -> a.to().isEmpty()).hasSizeGreaterThan(50);
        boolean threeOnOneDay = byIp.values().stream().anyMatch(list -> list.stream()
                .collect(Collectors.groupingBy(a -> a.from().atZone(ZoneOffset.UTC).toLocalDate(),
                        Collectors.mapping(Assignment::subscriberId, Collectors.toSet())))
                .values().stream().anyMatch(s -> s.size() >= 3));
        assertThat(threeOnOneDay).isTrue();
        boolean handOverAtTheSameSecond = byIp.values().stream().anyMatch(list -> {
            Set<Instant> stops = new HashSet<>();
            list.forEach(a -> a.to().ifPresent(stops::add));
            return list.stream().anyMatch(a -> stops.contains(a.from()));
        });
        assertThat(handOverAtTheSameSecond).isTrue();
    }

    @Test
    void writesASubscriberFileTheImportAcceptsWhole() {
        List<Parsed<SubscriberRecord>> parsed;
        try (SubscriberCsvReader reader = new SubscriberCsvReader(bytes(isp::writeSubscribersCsv), "subscribers.csv")) {
            parsed = readAll(reader);
        }
        List<SubscriberRecord> subscribers = rows(parsed);
        assertThat(subscribers).hasSize(1_000);
        assertThat(subscribers).allMatch(s -> s.email().endsWith("@example.jp"));
        long english = subscribers.stream().filter(s -> s.language() == Language.EN).count();
        assertThat(english).isBetween(150L, 250L);
        assertThat(subscribers).filteredOn(s -> s.language() == Language.JA).first()
                .satisfies(s -> assertThat(s.name()).matches("\\p{IsHan}+ [\\p{IsHan}\\p{IsHiragana}]+"));
    }

    @Test
    void theSameSeedWritesTheSameFiles() {
        SyntheticIsp again = SyntheticIsp.generate(42, 1_000, 30, END);
        assertThat(bytes(again::writeRadiusDetail).readAllBytes()).isEqualTo(bytes(isp::writeRadiusDetail).readAllBytes());
        assertThat(again.groundTruth()).isEqualTo(isp.groundTruth());
        assertThat(isp.fileName("scan_telnet")).isEqualTo("2026-11-22-scan_telnet-asn-jp.csv");
    }
}
