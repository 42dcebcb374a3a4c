package jp.renkei.core.quarantine;

import java.util.Optional;

/**
 * Decides whether a measure may be applied to a subscriber: only within their consent or an ISP
 * policy recorded with its legal basis. Consent is preferred as the grounds when both exist,
 * since it is the subscriber's own choice.
 */
public final class QuarantineGate {

    private QuarantineGate() {
    }

    /** Whether the measure is allowed, and on which grounds or why not. */
    public static Verdict check(Measure measure, Optional<Consent> consent, Optional<IspPolicy> policy) {
        if (consent.isPresent() && consent.get().level().allows(measure)) {
            return new Permitted(new ByConsent(consent.get()));
        }
        if (policy.isPresent() && policy.get().measures().contains(measure)) {
            return new Permitted(new ByPolicy(policy.get()));
        }
        String given = consent.map(c -> "the subscriber consented to " + c.level().code() + " (terms "
                + c.termsVersion() + ")").orElse("the subscriber has not consented");
        String recorded = policy.map(p -> "ISP policy '" + p.name() + "' does not cover " + measure.code())
                .orElse("no ISP policy is recorded");
        return new Refused(given + " and " + recorded);
    }

    /** The answer of the gate. */
    public sealed interface Verdict permits Permitted, Refused {
    }

    /** The measure may be applied on these grounds, to be written to the audit log with it. */
    public record Permitted(Grounds grounds) implements Verdict {
    }

    /** The measure must not be applied; the reason says what is missing. */
    public record Refused(String reason) implements Verdict {
    }

    /** What makes a measure lawful. */
    public sealed interface Grounds permits ByConsent, ByPolicy {
    }

    /** The subscriber's own consent. */
    public record ByConsent(Consent consent) implements Grounds {
    }

    /** An ISP policy with its legal basis. */
    public record ByPolicy(IspPolicy policy) implements Grounds {
    }
}
