package jp.renkei.core.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CaseRulesTest {

    private static final Instant FIX_REPORTED = Instant.parse("2026-11-20T09:00:00Z");

    @Test
    void aSightingAfterTheReportedFixReopensTheCase() {
        assertThat(CaseRules.onObservation(CaseState.FIXED_REPORTED, Optional.of(FIX_REPORTED),
                FIX_REPORTED.plusSeconds(1))).isEqualTo(CaseState.REINFECTED);
    }

    @Test
    void aLateReportOfAnOlderSightingDoesNotContradictTheFix() {
        assertThat(CaseRules.onObservation(CaseState.FIXED_REPORTED, Optional.of(FIX_REPORTED),
                FIX_REPORTED.minusSeconds(3_600))).isEqualTo(CaseState.FIXED_REPORTED);
        assertThat(CaseRules.onObservation(CaseState.FIXED_REPORTED, Optional.of(FIX_REPORTED), FIX_REPORTED))
                .isEqualTo(CaseState.FIXED_REPORTED);
    }

    @Test
    void observationsLeaveOtherStatesAsTheyAre() {
        for (CaseState state : new CaseState[] {CaseState.OPEN, CaseState.NOTIFIED, CaseState.REINFECTED}) {
            assertThat(CaseRules.onObservation(state, Optional.of(FIX_REPORTED), FIX_REPORTED.plusSeconds(60)))
                    .isEqualTo(state);
        }
        assertThat(CaseRules.onObservation(CaseState.FIXED_REPORTED, Optional.empty(), FIX_REPORTED))
                .isEqualTo(CaseState.FIXED_REPORTED);
    }

    @Test
    void aVerifiedCaseSeenAfterTheFixReportIsReinfected() {
        assertThat(CaseRules.onObservation(CaseState.VERIFIED, Optional.of(FIX_REPORTED), FIX_REPORTED.plusSeconds(60)))
                .isEqualTo(CaseState.REINFECTED);
        assertThat(CaseRules.onObservation(CaseState.VERIFIED, Optional.of(FIX_REPORTED), FIX_REPORTED.minusSeconds(60)))
                .isEqualTo(CaseState.VERIFIED);
    }

    @Test
    void aCleanCycleIsALaterReportWithNewerScansThatDoesNotShowTheDevice() {
        Instant later = FIX_REPORTED.plus(Duration.ofDays(1));
        assertThat(CaseRules.isCleanCycle(FIX_REPORTED, later, later.minusSeconds(60), false)).isTrue();
        assertThat(CaseRules.isCleanCycle(FIX_REPORTED, later, later.minusSeconds(60), true)).isFalse();
        // A late report of scans from before the fix says nothing about it.
        assertThat(CaseRules.isCleanCycle(FIX_REPORTED, later, FIX_REPORTED.minusSeconds(60), false)).isFalse();
        assertThat(CaseRules.isCleanCycle(FIX_REPORTED, FIX_REPORTED.minusSeconds(1), later, false)).isFalse();
        assertThat(CaseRules.isVerified(1, 2)).isFalse();
        assertThat(CaseRules.isVerified(2, 2)).isTrue();
    }

    @Test
    void aDeviceIsQuietOnceTheWholeQuietPeriodHasPassed() {
        Instant lastSeen = Instant.parse("2026-11-01T00:00:00Z");
        Duration fortnight = Duration.ofDays(14);
        assertThat(CaseRules.isQuiet(lastSeen, lastSeen.plus(fortnight), fortnight)).isTrue();
        assertThat(CaseRules.isQuiet(lastSeen, lastSeen.plus(fortnight).minusSeconds(1), fortnight)).isFalse();
    }

    @Test
    void onlyAnUnverifiedResolutionCountsAsClosedAndCodesAreStable() {
        assertThat(CaseState.values()).filteredOn(s -> !s.isOpen())
                .containsExactly(CaseState.VERIFIED, CaseState.CLOSED_UNVERIFIED);
        assertThat(CaseState.FIXED_REPORTED.code()).isEqualTo("fixed-reported");
        assertThat(CaseState.CLOSED_UNVERIFIED.code()).isEqualTo("closed-unverified");
        assertThat(CaseState.fromCode("reinfected")).isEqualTo(CaseState.REINFECTED);
    }
}
