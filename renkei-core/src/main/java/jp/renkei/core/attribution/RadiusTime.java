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

    private static final java.util.regex.Pattern WHITESPACE = java.util.regex.Pattern.compile("\\s+");

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
        String[] p = WHITESPACE.split(v);
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

    private static final java.util.Map<String, Month> MONTHS = new java.util.HashMap<>();

    static {
        for (Month m : Month.values()) {
            MONTHS.put(m.getDisplayName(TextStyle.SHORT, Locale.ENGLISH).toLowerCase(Locale.ROOT), m);
        }
    }

    private static Month month(String name) {
        Month m = MONTHS.get(name.toLowerCase(Locale.ROOT));
        if (m == null) {
            throw new DateTimeException("unknown month " + name);
        }
        return m;
    }

    private static ZoneId zone(String name) {
        return switch (name.toUpperCase(Locale.ROOT)) {
            case "UTC", "GMT", "Z" -> ZoneOffset.UTC;
            case "JST" -> ZoneId.of("Asia/Tokyo");
            default -> ZoneId.of(name);
        };
    }
}
