package jp.renkei.server.vendor.psirt;

/** How soon a report should be acknowledged and triaged (working days) and fixed (calendar days). */
public record ClockTargets(int acknowledgeBusinessDays, int triageBusinessDays, int fixDays) {

    /** 5 working days to acknowledge, 10 to triage, 90 days to fix. */
    public static final ClockTargets DEFAULT = new ClockTargets(5, 10, 90);
}
