package jp.renkei.core.escalation;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * Local hours in which no message goes out, e.g. 21:00–08:00 in Asia/Tokyo. The start is inside
 * the quiet hours and the end is not; a start after the end spans midnight; equal start and end
 * mean no quiet hours.
 */
public record QuietHours(LocalTime start, LocalTime end, ZoneId zone) {

    /** Requires all three parts. */
    public QuietHours {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(zone, "zone");
    }

    /** No quiet hours at all. */
    public static QuietHours none() {
        return new QuietHours(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT, ZoneId.of("UTC"));
    }

    /** Whether there are any quiet hours. */
    public boolean isEmpty() {
        return start.equals(end);
    }

    /** Whether the instant falls inside the quiet hours. */
    public boolean contains(Instant t) {
        if (isEmpty()) {
            return false;
        }
        LocalTime local = t.atZone(zone).toLocalTime();
        return spansMidnight()
                ? !local.isBefore(start) || local.isBefore(end)
                : !local.isBefore(start) && local.isBefore(end);
    }

    /** The instant itself when outside the quiet hours, otherwise the end of the quiet hours it falls in. */
    public Instant release(Instant t) {
        if (!contains(t)) {
            return t;
        }
        ZonedDateTime local = t.atZone(zone);
        LocalDate endDay = spansMidnight() && !local.toLocalTime().isBefore(start)
                ? local.toLocalDate().plusDays(1)
                : local.toLocalDate();
        return ZonedDateTime.of(endDay, end, zone).toInstant();
    }

    private boolean spansMidnight() {
        return start.isAfter(end);
    }
}
