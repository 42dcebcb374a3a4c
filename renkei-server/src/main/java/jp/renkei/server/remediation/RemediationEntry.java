package jp.renkei.server.remediation;

import java.time.Instant;

import jp.renkei.core.intake.ProblemKind;
import jp.renkei.core.remediation.Guidance;

/**
 * The ISP's own steps for a problem kind, for any device or for one vendor, model and firmware
 * (an empty string means "any"), in Japanese and English.
 */
public record RemediationEntry(long id, ProblemKind kind, String vendor, String model, String firmware,
        Guidance japanese, Guidance english, String updatedBy, Instant updatedAt) {

    /** How specific the entry is: 0 for the problem kind only, up to 3 for vendor, model and firmware. */
    public int specificity() {
        return vendor.isEmpty() ? 0 : model.isEmpty() ? 1 : firmware.isEmpty() ? 2 : 3;
    }

    /** The text in the language. */
    public Guidance in(jp.renkei.core.Language language) {
        return language == jp.renkei.core.Language.EN ? english : japanese;
    }
}
