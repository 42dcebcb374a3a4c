package jp.renkei.core.intake;

import java.util.Optional;

/** Severity as Shadowserver (and most feeds) grade a report. */
public enum Severity {
    CRITICAL, HIGH, MEDIUM, LOW, INFO;

    /** Lower-case code as stored and shown in APIs ({@code high}). */
    public String code() {
        return CODES[ordinal()];
    }

    /** Whether this grade is worse than the other (declared worst first). */
    public boolean isWorseThan(Severity other) {
        return ordinal() < other.ordinal();
    }

    /** The worse of two grades. */
    public static Severity worst(Severity a, Severity b) {
        return b.isWorseThan(a) ? b : a;
    }

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
    private static final String[] CODES = java.util.Arrays.stream(ALL)
            .map(v -> v.name().toLowerCase(java.util.Locale.ROOT)).toArray(String[]::new);
    @SuppressWarnings("unchecked")
    private static final Optional<Severity>[] PRESENT = java.util.Arrays.stream(ALL).map(Optional::of)
            .toArray(Optional[]::new);
}
