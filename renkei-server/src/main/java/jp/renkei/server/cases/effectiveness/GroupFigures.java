package jp.renkei.server.cases.effectiveness;

import java.util.Locale;
import java.util.Optional;

/**
 * Effectiveness of one group of cases (one channel of the first notice, one ladder, or one arm of
 * a ladder experiment). Times are from the first notice, in hours; medians and 90th percentiles
 * are over the cases that got there (acknowledged, verified).
 */
public record GroupFigures(String group, long cases, long acknowledged, Optional<Double> ackMedianHours,
        Optional<Double> ackP90Hours, long verified, Optional<Double> verifiedMedianHours,
        Optional<Double> verifiedP90Hours, long closedUnverified) {

    /** Share of the group's cases now verified fixed, 0..1. */
    public double shareVerified() {
        return cases == 0 ? 0 : (double) verified / cases;
    }

    /** Share of the group's cases closed unverified (quiet), 0..1. */
    public double shareClosedUnverified() {
        return cases == 0 ? 0 : (double) closedUnverified / cases;
    }

    /** Share of the group's cases acknowledged by the subscriber, 0..1. */
    public double shareAcknowledged() {
        return cases == 0 ? 0 : (double) acknowledged / cases;
    }

    /** Median days to acknowledge, one decimal, or a dash when nobody acknowledged. */
    public String ackMedianDays() {
        return days(ackMedianHours);
    }

    /** 90th percentile of days to acknowledge. */
    public String ackP90Days() {
        return days(ackP90Hours);
    }

    /** Median days to a verified fix. */
    public String verifiedMedianDays() {
        return days(verifiedMedianHours);
    }

    /** 90th percentile of days to a verified fix. */
    public String verifiedP90Days() {
        return days(verifiedP90Hours);
    }

    private static String days(Optional<Double> hours) {
        return hours.map(h -> String.format(Locale.ROOT, "%.1f", h / 24)).orElse("–");
    }

    /** Share verified as a whole percentage. */
    public String verifiedPercent() {
        return percent(shareVerified());
    }

    /** Share closed unverified as a whole percentage. */
    public String closedPercent() {
        return percent(shareClosedUnverified());
    }

    /** Share acknowledged as a whole percentage. */
    public String acknowledgedPercent() {
        return percent(shareAcknowledged());
    }

    /** A share as a whole percentage. */
    public static String percent(double share) {
        return Math.round(share * 100) + "%";
    }
}
