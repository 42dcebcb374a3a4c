package jp.renkei.server.vendor.psirt;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/**
 * A report's three clocks, computed from its timeline: time to acknowledge and to triage (in
 * working days) and time to fix (calendar days). A report closed without a vulnerability has no
 * fix clock.
 */
public record ReportClocks(Clock acknowledge, Clock triage, Optional<Clock> fix) {

    /** The clocks of a report with this timeline under these targets. */
    public static ReportClocks of(VulnerabilityReport r, ClockTargets targets, ZoneId zone) {
        Instant received = r.receivedAt();
        Clock acknowledge = new Clock(received, r.acknowledgedAt(),
                BusinessDays.add(received, targets.acknowledgeBusinessDays(), zone));
        Clock triage = new Clock(received, r.triagedAt(), BusinessDays.add(received, targets.triageBusinessDays(), zone));
        Optional<Clock> fix = r.closedReason().isPresent() ? Optional.empty()
                : Optional.of(new Clock(received, r.fixedAt(), received.plus(Duration.ofDays(targets.fixDays()))));
        return new ReportClocks(acknowledge, triage, fix);
    }

    /** True when any clock has passed its due time with its step not done. */
    public boolean anyOverdue(Instant now) {
        return acknowledge.overdue(now) || triage.overdue(now) || fix.map(c -> c.overdue(now)).orElse(false);
    }
}
