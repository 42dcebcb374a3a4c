package jp.renkei.core.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import jp.renkei.core.Samples;
import jp.renkei.core.attribution.AccountingRecord;
import jp.renkei.core.attribution.Assignment;
import jp.renkei.core.attribution.Attribution;
import jp.renkei.core.attribution.AttributionIndex;
import jp.renkei.core.attribution.CgnatPbaReader;
import jp.renkei.core.attribution.FreeRadiusDetailReader;
import jp.renkei.core.attribution.SessionAssembler;
import jp.renkei.core.imports.Parsed;
import jp.renkei.core.intake.ObservationDraft;
import jp.renkei.core.intake.ShadowserverReader;
import jp.renkei.core.intake.ShadowserverReportType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 4, acceptance 4: on a generated ISP of 100,000 subscribers (one day, with NAS reboots,
 * CGNAT and IPv6 prefixes), attribution through the file readers and the index equals the ground
 * truth for every report row whose logs exist, and gives the right reason for the rest.
 */
class SyntheticIspAtScaleTest {

    private static final Instant END = Instant.parse("2026-11-23T00:00:00Z");

    @TempDir
    static Path dir;

    private static SyntheticIsp isp;
    private static SessionAssembler radius;
    private static List<Assignment> portBlocks;
    private static List<Assignment> assignments;
    private static AttributionIndex index;

    @BeforeAll
    static void generateWriteAndReadBackTheLogs() throws IOException {
        isp = SyntheticIsp.generate(4, SyntheticIsp.Options.everything(100_000, 1, END));
        Path detail = write("detail", isp::writeRadiusDetail);
        Path pba = write("pba.csv", isp::writeCgnatPba);
        radius = new SessionAssembler();
        try (FreeRadiusDetailReader reader = new FreeRadiusDetailReader(Files.newInputStream(detail), "detail")) {
            radius.addAll(reader);
        }
        try (CgnatPbaReader reader = new CgnatPbaReader(Files.newInputStream(pba), "pba.csv")) {
            List<Parsed<Assignment>> parsed = Samples.readAll(reader);
            assertThat(Samples.rejections(parsed)).isEmpty();
            portBlocks = Samples.rows(parsed);
        }
        assertThat(radius.rejections()).isEmpty();
        assignments = radius.assignments("radius");
        index = AttributionIndex.builder(isp.policy()).addAll(assignments).addAll(portBlocks).build();
    }

    private static Path write(String name, java.util.function.Consumer<Writer> content) throws IOException {
        Path file = dir.resolve(name);
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            content.accept(out);
        }
        return file;
    }

    private static List<ObservationDraft> reports(String type) {
        StringWriter out = new StringWriter();
        isp.writeShadowserver(type, out);
        InputStream in = new java.io.ByteArrayInputStream(out.toString().getBytes(StandardCharsets.UTF_8));
        String file = isp.fileName(type);
        try (ShadowserverReader reader = new ShadowserverReader(in, file, ShadowserverReportType.fromFileName(file).orElseThrow())) {
            List<Parsed<ObservationDraft>> parsed = Samples.readAll(reader);
            assertThat(Samples.rejections(parsed)).isEmpty();
            return Samples.rows(parsed);
        }
    }

    @Test
    void everyReportRowIsAttributedToTheTrueHolderOrGivesTheRightReason() {
        Map<String, Integer> outcomes = new TreeMap<>();
        for (String type : List.of(ShadowserverReportType.SCAN_TELNET, ShadowserverReportType.EVENT4_SINKHOLE)) {
            List<ObservationDraft> drafts = reports(type);
            List<GroundTruth> truth = isp.groundTruth(type);
            assertThat(drafts).hasSameSizeAs(truth);
            for (int i = 0; i < truth.size(); i++) {
                GroundTruth t = truth.get(i);
                ObservationDraft d = drafts.get(i);
                assertThat(d.ip()).isEqualTo(t.ip());
                assertThat(d.sourceTime()).isEqualTo(t.at());
                OptionalInt port = t.port() >= 0 ? d.port() : OptionalInt.empty();
                Attribution a = index.attribute(d.ip(), port, d.sourceTime());
                String got = a instanceof Attribution.Attributed hit ? hit.assignment().subscriberId()
                        : a instanceof Attribution.Unattributed u ? u.reason().code() : a.code();
                assertThat(got).as("row %d of %s: %s", i, type, t)
                        .isEqualTo(t.isUnattributable() ? t.reason() : t.subscriberId());
                String kind = t.isUnattributable() ? t.reason()
                        : portBlockRow(a) ? "cgnat-port" : d.ip().contains(":") ? "ipv6-prefix" : "ipv4";
                outcomes.merge(kind, 1, Integer::sum);
            }
        }
        assertThat(outcomes.keySet()).as("every case appears: %s", outcomes)
                .containsExactlyInAnyOrder("ipv4", "ipv6-prefix", "cgnat-port", "no-assignment", "not-our-address",
                        "log-expired");
        assertThat(outcomes.get("ipv4") + outcomes.get("ipv6-prefix") + outcomes.get("cgnat-port"))
                .as("about 4% of 100,000 subscribers seen 1-3 times").isBetween(6_000, 10_000);
    }

    private static boolean portBlockRow(Attribution a) {
        return a instanceof Attribution.Attributed hit && hit.assignment().isPortRestricted();
    }

    @Test
    void nasRebootsLeaveSessionsWithoutStopsThatTheRestartCloses() {
        List<AccountingRecord> restarts = radius.nasRestarts();
        assertThat(restarts).isNotEmpty();
        Set<Instant> restartTimes = restarts.stream().map(AccountingRecord::eventTime).collect(Collectors.toSet());
        long endedAtARestart = assignments.stream().filter(a -> a.to().isPresent() && restartTimes.contains(a.to().get()))
                .count();
        assertThat(endedAtARestart).isGreaterThan(100);
    }

    @Test
    void theReadersProduceAddressesPortBlocksAndDelegatedPrefixes() {
        assertThat(isp.sessionCount()).isGreaterThan(60_000);
        assertThat(index.size()).isGreaterThan(isp.sessionCount());
        assertThat(portBlocks).isNotEmpty().allMatch(Assignment::isPortRestricted);
        assertThat(assignments).anyMatch(a -> a.ip().contains(":") && a.prefixLength() == 56);
    }
}
