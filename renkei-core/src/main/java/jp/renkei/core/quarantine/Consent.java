package jp.renkei.core.quarantine;

import java.time.Instant;
import java.util.Objects;

/**
 * What a subscriber agreed to, under which version of the terms, and when: the record that makes
 * a quarantine lawful, so all three are kept together.
 */
public record Consent(ConsentLevel level, String termsVersion, Instant givenAt) {

    /** Rejects a consent without the version of the terms it was given under. */
    public Consent {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(givenAt, "givenAt");
        if (termsVersion == null || termsVersion.isBlank()) {
            throw new IllegalArgumentException("consent without the version of the terms it was given under");
        }
        termsVersion = termsVersion.strip();
    }
}
