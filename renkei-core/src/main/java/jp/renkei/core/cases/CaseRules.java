package jp.renkei.core.cases;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Pure rules for how a case moves; the server applies them and persists the result. */
public final class CaseRules {

    private CaseRules() {
    }

    /**
     * A new observation of the case's device. Only a sighting whose source time is after the
     * subscriber's fix report contradicts it; reports often arrive days late, so an older
     * sighting says nothing about the fix. A verified case seen after the fix report is reinfected
     * too: either the device was infected again or the clean reports missed it.
     */
    public static CaseState onObservation(CaseState current, Optional<Instant> fixReportedAt, Instant observedAt) {
        boolean fixed = current == CaseState.FIXED_REPORTED || current == CaseState.VERIFIED;
        if (fixed && fixReportedAt.isPresent()
                && observedAt.isAfter(fixReportedAt.get())) {
            return CaseState.REINFECTED;
        }
        return current;
    }

    /**
     * Whether a completed report of one of the case's feeds counts as a clean cycle: it completed
     * after the fix report, it holds something observed after the fix report (a late report of
     * older scans says nothing about the fix), and the case's device is not in it.
     */
    public static boolean isCleanCycle(Instant fixReportedAt, Instant reportCompletedAt, Instant reportLatestSeen,
            boolean deviceInReport) {
        return !deviceInReport && reportCompletedAt.isAfter(fixReportedAt) && reportLatestSeen.isAfter(fixReportedAt);
    }

    /** Whether this many clean cycles of one feed verify a reported fix. */
    public static boolean isVerified(int cleanCycles, int requiredCycles) {
        return cleanCycles >= Math.max(1, requiredCycles);
    }

    /** Whether the device has not been seen for at least the quiet period. */
    public static boolean isQuiet(Instant lastSeen, Instant now, Duration quietPeriod) {
        return Duration.between(lastSeen, now).compareTo(quietPeriod) >= 0;
    }
}
