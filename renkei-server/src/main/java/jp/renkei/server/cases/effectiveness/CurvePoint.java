package jp.renkei.server.cases.effectiveness;

/**
 * One point of a remediation curve: the share of the group's cases still affected (not verified
 * fixed) {@code day} days after their first notice, estimated with Kaplan-Meier so that cases
 * notified recently (followed for fewer days) leave the estimate instead of bending it.
 *
 * @param followed how many cases were notified at least {@code day} days ago (0: nothing known yet)
 * @param atRisk   how many of those were still not verified at the start of the day
 */
public record CurvePoint(String group, int day, long followed, long atRisk, double shareAffected) {}
