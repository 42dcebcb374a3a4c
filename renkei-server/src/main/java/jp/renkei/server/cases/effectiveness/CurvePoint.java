package jp.renkei.server.cases.effectiveness;

/**
 * One point of a remediation curve: of the group's cases followed for at least {@code day} days
 * since their first notice, how many were still not verified fixed on that day.
 */
public record CurvePoint(String group, int day, long followed, long affected) {

    /** Share still affected, 0..1; only meaningful when {@code followed > 0}. */
    public double shareAffected() {
        return followed == 0 ? 0 : (double) affected / followed;
    }
}
