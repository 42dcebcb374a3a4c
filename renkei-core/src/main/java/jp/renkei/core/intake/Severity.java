package jp.renkei.core.intake;

import java.util.Optional;

/** Severity as Shadowserver (and most feeds) grade a report. */
public enum Severity {
    CRITICAL, HIGH, MEDIUM, LOW, INFO;

    /** Parses a severity case-insensitively; empty for blank or unknown text. */
    public static Optional<Severity> parse(String text) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        // Called for every report row: compare against the few names instead of upper-casing.
        String t = text.strip();
        for (int i = 0; i < ALL.length; i++) {
            if (ALL[i].name().equalsIgnoreCase(t)) {
                return PRESENT[i];
            }
        }
        return Optional.empty();
    }

    private static final Severity[] ALL = values();
    @SuppressWarnings("unchecked")
    private static final Optional<Severity>[] PRESENT = java.util.Arrays.stream(ALL).map(Optional::of)
            .toArray(Optional[]::new);
}
