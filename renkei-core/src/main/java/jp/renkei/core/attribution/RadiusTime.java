package jp.renkei.core.attribution;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Month;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Optional;

/** Event-Timestamp as FreeRADIUS writes it: epoch seconds or {@code "Jun  9 2015 00:03:48 UTC"}. */
final class RadiusTime {

    private RadiusTime() {
    }

    static Optional<Instant> parse(String value) {
        String v = value.strip();
        if (v.isEmpty()) {
            return Optional.empty();
        }
        if (v.chars().allMatch(Character::isDigit)) {
            return epoch(v);
        }
        String[] p = v.split("\\s+");
        if (p.length < 4 || p.length > 5) {
            return Optional.empty();
        }
        try {
            Month month = month(p[0]);
            LocalDate date = LocalDate.of(Integer.parseInt(p[2]), month, Integer.parseInt(p[1]));
            // Newer FreeRADIUS versions append microseconds; the second is precise enough.
            LocalTime time = LocalTime.parse(p[3]).withNano(0);
            ZoneId zone = p.length == 5 ? zone(p[4]) : ZoneOffset.UTC;
            return Optional.of(date.atTime(time).atZone(zone).toInstant());
        } catch (DateTimeException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    static Optional<Instant> epoch(String v) {
        try {
            return Optional.of(Instant.ofEpochSecond(Long.parseLong(v.strip())));
        } catch (NumberFormatException | DateTimeException e) {
            return Optional.empty();
        }
    }

    private static Month month(String name) {
        for (Month m : Month.values()) {
            if (m.getDisplayName(TextStyle.SHORT, Locale.ENGLISH).equalsIgnoreCase(name)) {
                return m;
            }
        }
        throw new DateTimeException("unknown month " + name);
    }

    private static ZoneId zone(String name) {
        return switch (name.toUpperCase(Locale.ROOT)) {
            case "UTC", "GMT", "Z" -> ZoneOffset.UTC;
            case "JST" -> ZoneId.of("Asia/Tokyo");
            default -> ZoneId.of(name);
        };
    }
}
