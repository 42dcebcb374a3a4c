package jp.renkei.core.cases;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
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

    /**
     * The device key of a sighting: the vendor and model its report named, lower-case, trimmed and
     * with runs of blanks made one, as {@code vendor/model}; {@code ""} when the report named
     * neither (the device is unknown). Two devices of one subscriber with the same problem are two
     * cases only when their reports tell them apart.
     */
    public static String deviceKey(Optional<String> vendor, Optional<String> model) {
        String v = normalised(vendor);
        String m = normalised(model);
        return v.isEmpty() && m.isEmpty() ? "" : v + "/" + m;
    }

    private static String normalised(Optional<String> value) {
        return value.map(s -> s.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT)).orElse("");
    }

    /**
     * Which of the subscriber's open cases for a problem a sighting with this device key belongs
     * to. An unknown device extends the most recently seen case, whatever its device (the likeliest
     * one). A known device extends its own case; failing that, it adopts a case no report had named
     * a device for (it was probably this device); failing that, it opens a new case.
     */
    public static CaseChoice choose(String deviceKey, List<OpenCase> open) {
        Comparator<OpenCase> recent = Comparator.comparing(OpenCase::lastSeen).thenComparingLong(OpenCase::id);
        if (deviceKey.isEmpty()) {
            return open.stream().max(recent).<CaseChoice>map(c -> new CaseChoice.Extend(c.id()))
                    .orElse(new CaseChoice.Open(""));
        }
        Optional<OpenCase> own = open.stream().filter(c -> c.deviceKey().equals(deviceKey)).max(recent);
        if (own.isPresent()) {
            return new CaseChoice.Extend(own.get().id());
        }
        return open.stream().filter(c -> c.deviceKey().isEmpty()).max(recent)
                .<CaseChoice>map(c -> new CaseChoice.Adopt(c.id(), deviceKey))
                .orElse(new CaseChoice.Open(deviceKey));
    }
}
