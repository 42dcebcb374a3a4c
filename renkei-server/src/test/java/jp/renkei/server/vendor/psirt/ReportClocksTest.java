package jp.renkei.server.vendor.psirt;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The clocks a PSIRT is measured by: acknowledge and triage in working days, fix in calendar days. */
class ReportClocksTest {

    private static final ZoneId JST = ZoneId.of("Asia/Tokyo");
    // Friday 6 November 2026, 10:00 JST.
    private static final Instant FRIDAY = Instant.parse("2026-11-06T01:00:00Z");
    private static final ClockTargets TARGETS = new ClockTargets(5, 10, 90);

    @Test
    void fiveWorkingDaysFromAFridayEndOnTheNextFridaySkippingTheWeekend() {
        assertThat(BusinessDays.add(FRIDAY, 5, JST)).isEqualTo(Instant.parse("2026-11-13T01:00:00Z"));
        assertThat(BusinessDays.add(FRIDAY, 1, JST)).isEqualTo(Instant.parse("2026-11-09T01:00:00Z"));
    }

    @Test
    void aReportReceivedOnSaturdayCountsFromMonday() {
        Instant saturday = Instant.parse("2026-11-07T01:00:00Z");
        assertThat(BusinessDays.add(saturday, 1, JST)).isEqualTo(Instant.parse("2026-11-09T01:00:00Z"));
    }

    @Test
    void anUnacknowledgedReportIsOverdueOnceTheTargetHasPassed() {
        ReportClocks clocks = ReportClocks.of(report(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()),
                TARGETS, JST);

        assertThat(clocks.acknowledge().state(Instant.parse("2026-11-13T00:59:00Z"))).isEqualTo(Clock.State.RUNNING);
        assertThat(clocks.acknowledge().state(Instant.parse("2026-11-13T01:01:00Z"))).isEqualTo(Clock.State.OVERDUE);
        assertThat(clocks.anyOverdue(Instant.parse("2026-11-13T01:01:00Z"))).isTrue();
        assertThat(clocks.fix()).hasValueSatisfying(f -> assertThat(f.due()).isEqualTo(FRIDAY.plus(Duration.ofDays(90))));
    }

    @Test
    void aClockStoppedInTimeIsMetAndOneStoppedAfterTheTargetIsLate() {
        Instant later = Instant.parse("2027-06-01T00:00:00Z");
        ReportClocks clocks = ReportClocks.of(report(Optional.of(FRIDAY.plus(Duration.ofHours(2))),
                Optional.of(Instant.parse("2026-11-30T00:00:00Z")), Optional.empty(), Optional.empty()), TARGETS, JST);

        assertThat(clocks.acknowledge().state(later)).isEqualTo(Clock.State.MET);
        assertThat(clocks.acknowledge().elapsed(later)).isEqualTo(Duration.ofHours(2));
        assertThat(clocks.triage().state(later)).isEqualTo(Clock.State.LATE);
        assertThat(clocks.fix().orElseThrow().state(later)).isEqualTo(Clock.State.OVERDUE);
    }

    @Test
    void aReportClosedWithoutAVulnerabilityHasNoFixClock() {
        ReportClocks clocks = ReportClocks.of(report(Optional.of(FRIDAY), Optional.of(FRIDAY), Optional.empty(),
                Optional.of("duplicate")), TARGETS, JST);

        assertThat(clocks.fix()).isEmpty();
        assertThat(clocks.anyOverdue(FRIDAY.plus(Duration.ofDays(400)))).isFalse();
    }

    private static VulnerabilityReport report(Optional<Instant> acknowledged, Optional<Instant> triaged,
            Optional<Instant> fixed, Optional<String> closed) {
        return new VulnerabilityReport(1, TrackingId.of(2026, 1), "form", "", Optional.empty(), "", "", "ja",
                Optional.empty(), "", "", "text", false, "", FRIDAY, acknowledged, triaged, fixed, closed,
                Optional.empty(), List.of());
    }
}
