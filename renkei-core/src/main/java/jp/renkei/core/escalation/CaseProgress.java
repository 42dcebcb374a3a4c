package jp.renkei.core.escalation;

import java.util.Optional;

/** How far a case got, as far as escalation cares: only an open case climbs the ladder. */
public enum CaseProgress {
    /** New, notified or reinfected: nobody has answered yet. */
    OPEN(Optional.empty()),
    /** The subscriber confirmed they read a notice. */
    ACKNOWLEDGED(Optional.of(StopReason.ACKNOWLEDGED)),
    /** The subscriber says the device is fixed. */
    FIX_REPORTED(Optional.of(StopReason.FIX_REPORTED)),
    /** Later reports no longer show the problem. */
    VERIFIED(Optional.of(StopReason.VERIFIED)),
    /** Closed for any other reason (quiet, unverified, by staff). */
    CLOSED(Optional.of(StopReason.CLOSED));

    private final Optional<StopReason> stop;

    CaseProgress(Optional<StopReason> stop) {
        this.stop = stop;
    }

    /** Why escalation stops at this point, empty while it goes on. */
    public Optional<StopReason> stopReason() {
        return stop;
    }
}
