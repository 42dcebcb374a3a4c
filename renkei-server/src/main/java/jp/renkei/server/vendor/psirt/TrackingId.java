package jp.renkei.server.vendor.psirt;

import java.util.Locale;
import java.util.regex.Pattern;

/** A report's tracking id as the reporter sees it, e.g. {@code RK-2026-000123}: per vendor, per year, counting up. */
public record TrackingId(String value) {

    private static final Pattern FORM = Pattern.compile("RK-\\d{4}-\\d{6,}");

    public TrackingId {
        if (!FORM.matcher(value).matches()) {
            throw new IllegalArgumentException("'" + value + "' is not a tracking id (expected RK-YYYY-NNNNNN)");
        }
    }

    /** The {@code number}th report of {@code year}. */
    public static TrackingId of(int year, long number) {
        return new TrackingId(String.format(Locale.ROOT, "RK-%04d-%06d", year, number));
    }

    /** True when the text has the form of a tracking id (case-insensitive). */
    public static boolean looksLike(String text) {
        return text != null && FORM.matcher(text.strip().toUpperCase(Locale.ROOT)).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
