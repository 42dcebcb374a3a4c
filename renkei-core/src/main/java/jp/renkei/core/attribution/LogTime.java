package jp.renkei.core.attribution;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/** Instants as lease and NAT logs write them. */
final class LogTime {

    private static final DateTimeFormatter OFFSET =
            DateTimeFormatter.ofPattern("yyyy-MM-dd[ ]['T']HH:mm:ss[.SSSSSS][.SSS][XXX][XX][X]");

    private LogTime() {
    }

    /**
     * ISO-8601 with {@code T} or a space, with an offset or {@code Z}; epoch seconds; or a
     * date-time without a zone, which these logs write in UTC.
     */
    static Optional<Instant> parse(String text) {
        String v = text.strip();
        if (v.isEmpty()) {
            return Optional.empty();
        }
        if (v.chars().allMatch(Character::isDigit)) {
            return RadiusTime.epoch(v);
        }
        try {
            return Optional.of(OffsetDateTime.parse(v, OFFSET).toInstant());
        } catch (DateTimeException e) {
            try {
                return Optional.of(LocalDateTime.parse(v.replace(' ', 'T')).toInstant(ZoneOffset.UTC));
            } catch (DateTimeException e2) {
                return Optional.empty();
            }
        }
    }

    /** A zone as logs abbreviate it: {@code UTC}, {@code JST}, {@code CET}, {@code +0900}. */
    static Optional<ZoneId> zone(String name) {
        String n = name.strip();
        try {
            String upper = n.toUpperCase(Locale.ROOT);
            if (upper.equals("UTC") || upper.equals("GMT") || upper.equals("Z")) {
                return Optional.of(ZoneOffset.UTC);
            }
            if (ZoneId.SHORT_IDS.containsKey(upper)) {
                return Optional.of(ZoneId.of(ZoneId.SHORT_IDS.get(upper)));
            }
            if (n.startsWith("+") || n.startsWith("-")) {
                return Optional.of(ZoneOffset.of(n.length() == 5 ? n.substring(0, 3) + ":" + n.substring(3) : n));
            }
            return Optional.of(ZoneId.of(n));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
