package jp.renkei.server.vendor.psirt;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Working-day arithmetic for the PSIRT's clocks: Monday to Friday in the display zone. Public
 * holidays are not known to Renkei and count as working days.
 */
public final class BusinessDays {

    private BusinessDays() {}

    /** The instant {@code days} working days after {@code from}, at the same local time of day. */
    public static Instant add(Instant from, int days, ZoneId zone) {
        ZonedDateTime t = from.atZone(zone);
        int left = days;
        while (left > 0) {
            t = t.plusDays(1);
            if (t.getDayOfWeek() != DayOfWeek.SATURDAY && t.getDayOfWeek() != DayOfWeek.SUNDAY) {
                left--;
            }
        }
        return t.toInstant();
    }
}
