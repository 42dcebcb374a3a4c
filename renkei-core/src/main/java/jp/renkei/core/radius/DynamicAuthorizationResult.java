package jp.renkei.core.radius;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** How a CoA or Disconnect-Request ended: acknowledged, refused with a cause, or unanswered. */
public sealed interface DynamicAuthorizationResult {

    /** An answer that verified: ACK or NAK. */
    sealed interface Answer extends DynamicAuthorizationResult {
    }

    /** The NAS did it (CoA-ACK or Disconnect-ACK). */
    record Ack(List<RadiusAttribute> attributes) implements Answer {
        /** Copies the attributes. */
        public Ack {
            attributes = List.copyOf(attributes);
        }
    }

    /** The NAS refused (CoA-NAK or Disconnect-NAK), with its Error-Cause when it gave one. */
    record Nak(Optional<ErrorCause> cause, List<RadiusAttribute> attributes) implements Answer {
        /** Copies the attributes. */
        public Nak {
            Objects.requireNonNull(cause, "cause");
            attributes = List.copyOf(attributes);
        }
    }

    /**
     * No valid answer after every attempt: the NAS is down, unreachable, or does not share the
     * secret (it drops such requests silently). {@code discarded} says why datagrams that did
     * arrive were not taken as the answer.
     */
    record NoAnswer(int attempts, List<String> discarded) implements DynamicAuthorizationResult {
        /** Copies the reasons. */
        public NoAnswer {
            discarded = List.copyOf(discarded);
        }
    }
}
