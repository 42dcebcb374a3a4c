package jp.renkei.core.intake;

import java.util.Locale;
import java.util.Optional;

/** Severity as Shadowserver (and most feeds) grade a report. */
public enum Severity {
    CRITICAL, HIGH, MEDIUM, LOW, INFO;

    /** Parses a severity case-insensitively; empty for blank or unknown text. */
    public static Optional<Severity> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(text.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
