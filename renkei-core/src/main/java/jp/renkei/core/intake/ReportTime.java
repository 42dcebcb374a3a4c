package jp.renkei.core.intake;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Report timestamps: {@code 2024-09-24 12:00:00} (UTC, Shadowserver) or ISO-8601 with an offset. */
final class ReportTime {

    private ReportTime() {
    }

    static Optional<Instant> parse(String text) {
        String t = text.strip().replace(' ', 'T');
        if (t.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(t).toInstant());
        } catch (DateTimeParseException ignored) {
            // no offset: Shadowserver's documented zone is UTC
        }
        try {
            return Optional.of(LocalDateTime.parse(t).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
