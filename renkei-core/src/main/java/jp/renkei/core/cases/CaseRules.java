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
     * sighting says nothing about the fix.
     */
    public static CaseState onObservation(CaseState current, Optional<Instant> fixReportedAt, Instant observedAt) {
        if (current == CaseState.FIXED_REPORTED && fixReportedAt.isPresent()
                && observedAt.isAfter(fixReportedAt.get())) {
            return CaseState.REINFECTED;
        }
        return current;
    }

    /** Whether the device has not been seen for at least the quiet period. */
    public static boolean isQuiet(Instant lastSeen, Instant now, Duration quietPeriod) {
        return Duration.between(lastSeen, now).compareTo(quietPeriod) >= 0;
    }
}
