package jp.renkei.server.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import jp.renkei.core.cases.CaseState;
import jp.renkei.core.intake.ProblemKind;
import jp.renkei.server.attribution.AssignmentImport;
import jp.renkei.server.attribution.DetailFile;
import jp.renkei.server.intake.ObservationImport;
import jp.renkei.server.intake.ObservationImportRequest;
import jp.renkei.server.intake.ShadowserverFile;
import jp.renkei.server.testing.MovableClock;
import jp.renkei.server.testing.RenkeiTest;
import jp.renkei.server.testing.Sightings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;

/**
 * A reported fix is verified by later reports of the same feed, a new sighting reinfects, and a
 * case that goes quiet without a fix report is natural remediation. Real Shadowserver imports with
 * feed names, real attribution, and a clock the test moves by days.
 */
@RenkeiTest
@Import(MovableClock.Config.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VerificationFlowTest {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
    /** Day 0 of every scenario: well inside the subscribers' sessions and in the past. */
    private static final Instant DAY0 = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(60));

    @Autowired
    ApplicationContext context;
    @Autowired
    CaseManagement cases;
    @Autowired
    ObservationImport observations;
    @Autowired
    AssignmentImport assignments;
    @Autowired
    MovableClock clock;

    long org;
    int fillers;

    @BeforeAll
    void subscribersAndTheirSessions() {
        Sightings sightings = Sightings.in(context);
        org = sightings.organisation("Demo ISP");
        DetailFile detail = DetailFile.fromNas("192.0.2.30");
        for (int i = 1; i <= 9; i++) {
            sightings.subscriber(org, "VF-" + i, "検証 " + i, "vf" + i + "@example.jp", "ja");
            detail.start("VF-" + i, "vf-" + i, ip(i), DAY0.minus(Duration.ofDays(1)))
                    .stop("VF-" + i, "vf-" + i, ip(i), DAY0.minus(Duration.ofDays(1)), DAY0.plus(Duration.ofDays(50)));
        }
        assignments.importFile(org, "test", "freeradius-detail", "detail-vf",
                new ByteArrayInputStream(detail.toString().getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aFixIsVerifiedAfterTwoCleanReportsOfTheSameFeed() {
        long id = openCase("vf-same", 1);
        clock.set(day(1).plus(Duration.ofHours(12)));
        cases.reportFixed(org, id, clock.instant());

        report("vf-same", 2);
        assertThat(state(id)).isEqualTo(CaseState.FIXED_REPORTED);
        assertThat(kinds(id)).containsOnlyOnce("clean-report");

        report("vf-same", 3);
        SubscriberCase verified = cases.find(org, id).orElseThrow();
        assertThat(verified.state()).isEqualTo(CaseState.VERIFIED);
        assertThat(cases.milestones(org, id).orElseThrow().verifiedAt()).contains(day(3).plus(Duration.ofHours(20)));
        CaseEvent last = cases.timeline(org, id).get(cases.timeline(org, id).size() - 1);
        assertThat(last.kind()).isEqualTo("verified");
        assertThat(last.detail()).contains("not seen in 2 reports of feed vf-same (scan_telnet) since the fix report");
    }

    @Test
    void reportsOfAnotherFeedOrTheSameFileAgainDoNotCount() {
        long id = openCase("vf-mine", 2);
        clock.set(day(1).plus(Duration.ofHours(12)));
        cases.reportFixed(org, id, clock.instant());

        report("vf-elsewhere", 2);
        report("vf-elsewhere", 3);
        report("vf-elsewhere", 4);
        assertThat(state(id)).isEqualTo(CaseState.FIXED_REPORTED);
        assertThat(kinds(id)).doesNotContain("clean-report");

        // The same file delivered twice is one report: the second import stores nothing new.
        String again = ShadowserverFile.of(ShadowserverFile.SCAN_TELNET)
                .row("timestamp", TIME.format(day(5)), "ip", "198.51.100.250", "protocol", "tcp", "port", "23")
                .toString();
        importAt("vf-mine", again, day(5).plus(Duration.ofHours(20)));
        importAt("vf-mine", again, day(6).plus(Duration.ofHours(20)));
        assertThat(state(id)).isEqualTo(CaseState.FIXED_REPORTED);
        assertThat(kinds(id)).containsOnlyOnce("clean-report");
    }

    @Test
    void aSightingAfterTheFixReportReinfectsTheSameCase() {
        long id = openCase("vf-reinfect", 3);
        clock.set(day(1).plus(Duration.ofHours(12)));
        cases.reportFixed(org, id, clock.instant());

        report("vf-reinfect", 2, 3);
        SubscriberCase c = cases.find(org, id).orElseThrow();
        assertThat(c.state()).isEqualTo(CaseState.REINFECTED);
        assertThat(kinds(id)).contains("reinfected").doesNotContain("clean-report");

        // Clean reports after a reinfection verify nothing until the subscriber reports a fix again.
        report("vf-reinfect", 3);
        report("vf-reinfect", 4);
        assertThat(state(id)).isEqualTo(CaseState.REINFECTED);
        assertThat(casesOf("VF-3")).hasSize(1);
    }

    @Test
    void aVerifiedCaseSeenAgainIsReinfected() {
        long id = openCase("vf-again", 4);
        clock.set(day(1).plus(Duration.ofHours(12)));
        cases.reportFixed(org, id, clock.instant());
        report("vf-again", 2);
        report("vf-again", 3);
        assertThat(state(id)).isEqualTo(CaseState.VERIFIED);

        report("vf-again", 9, 4);
        assertThat(state(id)).isEqualTo(CaseState.REINFECTED);
        assertThat(cases.milestones(org, id).orElseThrow().verifiedAt()).isEmpty();
        assertThat(kinds(id)).containsSubsequence("verified", "reinfected");
        assertThat(casesOf("VF-4")).hasSize(1);
    }

    @Test
    void aQuietCaseWithoutAFixReportIsNaturalRemediationAndAVerifiedOneStaysVerified() {
        long quiet = openCase("vf-quiet", 5);
        long fixed = openCase("vf-quiet", 6);
        clock.set(day(1).plus(Duration.ofHours(12)));
        cases.reportFixed(org, fixed, clock.instant());
        report("vf-quiet", 2);
        report("vf-quiet", 3);
        assertThat(state(fixed)).isEqualTo(CaseState.VERIFIED);
        // A case never reported fixed collects no clean cycles: silence alone is not a verified fix.
        assertThat(state(quiet)).isEqualTo(CaseState.OPEN);
        assertThat(kinds(quiet)).doesNotContain("clean-report", "verified");

        CaseOutcomes before = cases.outcomes(org);
        cases.closeQuietCases(day(1).plus(Duration.ofDays(31)));
        assertThat(state(quiet)).isEqualTo(CaseState.CLOSED_UNVERIFIED);
        assertThat(state(fixed)).isEqualTo(CaseState.VERIFIED);
        CaseOutcomes after = cases.outcomes(org);
        assertThat(after.naturalRemediation()).isEqualTo(before.naturalRemediation() + 1);
        assertThat(after.verified()).isEqualTo(before.verified());
        assertThat(cases.list(org, CaseFilter.naturalRemediation(), 1000)).extracting(SubscriberCase::id)
                .contains(quiet).doesNotContain(fixed);
    }

    @Test
    void aReportShowingTheSubscribersOtherDeviceIsACleanCycleForThisOne() {
        // One subscriber, two devices the reports name, both infected: two cases.
        sinkholeReport("vf-devices", 1, "MikroTik", "RB750", "Hikvision", "DS-2CD2032");
        List<SubscriberCase> two = cases.list(org, new CaseFilter(Optional.empty(), Optional.of(ProblemKind.INFECTED),
                Optional.of("VF-7")), 10);
        assertThat(two).extracting(SubscriberCase::deviceKey)
                .containsExactlyInAnyOrder("mikrotik/rb750", "hikvision/ds-2cd2032");
        long router = two.stream().filter(c -> c.deviceKey().equals("mikrotik/rb750"))
                .findFirst().orElseThrow().id();
        long camera = two.stream().filter(c -> c.deviceKey().equals("hikvision/ds-2cd2032"))
                .findFirst().orElseThrow().id();
        clock.set(day(1).plus(Duration.ofHours(12)));
        cases.reportFixed(org, router, clock.instant());

        // The camera is still in the reports, the router is not: clean cycles for the router's case.
        sinkholeReport("vf-devices", 2, "Hikvision", "DS-2CD2032");
        sinkholeReport("vf-devices", 3, "Hikvision", "DS-2CD2032");
        assertThat(state(router)).isEqualTo(CaseState.VERIFIED);
        assertThat(kinds(router)).doesNotContain("reinfected");
        assertThat(state(camera)).isEqualTo(CaseState.OPEN);
        assertThat(cases.find(org, camera).orElseThrow().observationCount()).isEqualTo(3);
    }

    // --- helpers

    private static String ip(int subscriber) {
        return "203.0.113." + (100 + subscriber);
    }

    private static Instant day(int n) {
        return DAY0.plus(Duration.ofDays(n));
    }

    /** The feed's report of day 1 shows the subscriber's device; returns the case it opened. */
    private long openCase(String feed, int subscriber) {
        report(feed, 1, subscriber);
        return casesOf("VF-" + subscriber).get(0).id();
    }

    /**
     * The feed's daily report of day {@code n}, scanned that day and taken in at 20:00: the given
     * subscribers' devices plus an address of nobody (a report is never empty).
     */
    private void report(String feed, int n, int... subscribers) {
        ShadowserverFile file = ShadowserverFile.of(ShadowserverFile.SCAN_TELNET);
        for (int s : subscribers) {
            file.row("timestamp", TIME.format(day(n).plus(Duration.ofHours(6))), "severity", "medium", "ip", ip(s),
                    "protocol", "tcp", "port", "23");
        }
        file.row("timestamp", TIME.format(day(n).plus(Duration.ofHours(7)).plusSeconds(++fillers)), "ip",
                "198.51.100.200", "protocol", "tcp", "port", "23");
        importAt(feed, file.toString(), day(n).plus(Duration.ofHours(20)));
    }

    private void importAt(String feed, String content, Instant at) {
        clock.set(at);
        observations.importReport(new ObservationImportRequest(org, "test", ObservationImport.SHADOWSERVER,
                        DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC).format(at) + "-scan_telnet-asn-jp.csv",
                        Optional.of("scan_telnet"), Optional.empty(), feed),
                new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)));
    }

    /** The feed's sinkhole report of day {@code n}: VF-7's devices by vendor and model, plus nobody's. */
    private void sinkholeReport(String feed, int n, String... vendorsAndModels) {
        ShadowserverFile file = ShadowserverFile.of(ShadowserverFile.EVENT4_SINKHOLE);
        for (int i = 0; i < vendorsAndModels.length; i += 2) {
            file.row("timestamp", TIME.format(day(n).plus(Duration.ofHours(6)).plusSeconds(i)), "protocol", "tcp",
                    "src_ip", ip(7), "src_port", "40000", "infection", "mirai", "family", "mirai",
                    "device_vendor", vendorsAndModels[i], "device_model", vendorsAndModels[i + 1]);
        }
        file.row("timestamp", TIME.format(day(n).plus(Duration.ofHours(7)).plusSeconds(++fillers)), "protocol", "tcp",
                "src_ip", "198.51.100.200", "src_port", "40000", "infection", "mirai", "family", "mirai");
        Instant at = day(n).plus(Duration.ofHours(20));
        clock.set(at);
        String name = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC).format(at) + "-event4_sinkhole-asn-jp.csv";
        observations.importReport(new ObservationImportRequest(org, "test", ObservationImport.SHADOWSERVER, name,
                        Optional.of("event4_sinkhole"), Optional.empty(), feed),
                new ByteArrayInputStream(file.toString().getBytes(StandardCharsets.UTF_8)));
    }

    private CaseState state(long id) {
        return cases.find(org, id).orElseThrow().state();
    }

    private List<String> kinds(long id) {
        return cases.timeline(org, id).stream().map(CaseEvent::kind).toList();
    }

    private List<SubscriberCase> casesOf(String subscriber) {
        return cases.list(org, new CaseFilter(Optional.empty(), Optional.of(ProblemKind.EXPOSED_TELNET),
                Optional.of(subscriber)), 10);
    }
}
