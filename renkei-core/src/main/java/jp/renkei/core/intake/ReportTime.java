package jp.renkei.core.intake;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.Optional;

/** Report timestamps: {@code 2024-09-24 12:00:00} (UTC, Shadowserver) or ISO-8601 with an offset. */
final class ReportTime {

    private ReportTime() {
    }

    static Optional<Instant> parse(String text) {
        return Optional.ofNullable(parseUtc(text));
    }

    /** As {@link #parse}, {@code null} when unreadable; the Shadowserver form is parsed without exceptions. */
    static Instant parseUtc(String text) {
        Instant fast = fast(text);
        return fast != null ? fast : parse(text, ZoneOffset.UTC, null);
    }

    /**
     * A timestamp in {@code zone} unless it carries its own offset. With a {@code pattern}, that
     * pattern; otherwise ISO-8601 with {@code T} or a space, or {@code yyyy/MM/dd HH:mm[:ss]}.
     */
    static Instant parse(String text, ZoneId zone, DateTimeFormatter pattern) {
        String t = text.strip();
        if (t.isEmpty()) {
            return null;
        }
        if (pattern != null) {
            try {
                TemporalAccessor parsed = pattern.parseBest(t, OffsetDateTime::from, LocalDateTime::from);
                return parsed instanceof OffsetDateTime o ? o.toInstant()
                        : ((LocalDateTime) parsed).atZone(zone).toInstant();
            } catch (DateTimeException e) {
                return null;
            }
        }
        t = t.replace('/', '-').replace(' ', 'T');
        if (t.endsWith("TUTC")) {
            t = t.substring(0, t.length() - 4) + "Z";
        }
        try {
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException ignored) {
            // no offset: the zone the source documents
        }
        try {
            return LocalDateTime.parse(t).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** {@code yyyy-MM-dd HH:mm:ss} (optionally with {@code T} or a trailing {@code Z}) as UTC. */
    private static Instant fast(String s) {
        int n = s.length();
        if (n != 19 && !(n == 20 && s.charAt(19) == 'Z')) {
            return null;
        }
        if (s.charAt(4) != '-' || s.charAt(7) != '-' || (s.charAt(10) != ' ' && s.charAt(10) != 'T')
                || s.charAt(13) != ':' || s.charAt(16) != ':') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        if ((year | month | day | hour | minute | second) < 0) {
            return null;
        }
        try {
            return LocalDateTime.of(year, month, day, hour, minute, second).toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static int digits(String s, int from, int count) {
        int v = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }
}
