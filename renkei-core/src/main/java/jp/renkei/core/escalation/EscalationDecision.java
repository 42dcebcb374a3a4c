package jp.renkei.core.escalation;

import java.time.Instant;
import java.util.Objects;

/** What to do next for a case: send a step, record it as skipped, wait, or stop. */
public sealed interface EscalationDecision
        permits EscalationDecision.Send, EscalationDecision.Skip, EscalationDecision.Wait, EscalationDecision.Stop {

    /**
     * Send this step on this channel now; it was due at {@code dueAt} (earlier when the caller was
     * down). The caller records the step as handled in the same transaction as the outbox entry.
     */
    record Send(StepRef step, Channel channel, Instant dueAt) implements EscalationDecision {
        /** Requires every part. */
        public Send {
            Objects.requireNonNull(step, "step");
            Objects.requireNonNull(channel, "channel");
            Objects.requireNonNull(dueAt, "dueAt");
        }
    }

    /**
     * Do not send this due step, and record it as handled with the reason, so the ladder moves on
     * and the case timeline says why nothing went out.
     */
    record Skip(StepRef step, Channel channel, Instant dueAt, SkipReason reason, String explanation)
            implements EscalationDecision {
        /** Requires every part. */
        public Skip {
            Objects.requireNonNull(step, "step");
            Objects.requireNonNull(channel, "channel");
            Objects.requireNonNull(dueAt, "dueAt");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(explanation, "explanation");
        }
    }

    /** Nothing is due; ask again at {@code until}. */
    record Wait(Instant until) implements EscalationDecision {
        /** Requires the instant. */
        public Wait {
            Objects.requireNonNull(until, "until");
        }
    }

    /** The case climbs no further. */
    record Stop(StopReason reason) implements EscalationDecision {
        /** Requires the reason. */
        public Stop {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
