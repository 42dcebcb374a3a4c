package jp.renkei.core.attribution;

import java.util.List;
import java.util.Objects;

/**
 * The answer to "who held this IP (and port) at that instant": a subscriber's assignment with a
 * confidence, the candidates of a shared address, or why nobody can be named.
 */
public sealed interface Attribution permits Attribution.Attributed, Attribution.Shared, Attribution.Unattributed {

    /** The confidence code of this answer, or empty text for {@link Unattributed}. */
    String code();

    /**
     * The IP was held by the subscriber of {@code assignment}. {@code candidates} starts with that
     * assignment; for {@link Confidence#BOUNDARY} it also holds the other possible holders.
     */
    record Attributed(Assignment assignment, Confidence confidence, List<Assignment> candidates) implements Attribution {

        /** Rejects nulls, {@link Confidence#SHARED_ADDRESS}, and candidates not led by the assignment. */
        public Attributed {
            Objects.requireNonNull(assignment, "assignment");
            Objects.requireNonNull(confidence, "confidence");
            candidates = List.copyOf(candidates);
            if (confidence == Confidence.SHARED_ADDRESS) {
                throw new IllegalArgumentException("a shared address is answered by Attribution.Shared");
            }
            if (candidates.isEmpty() || !candidates.get(0).equals(assignment)) {
                throw new IllegalArgumentException("candidates must start with the chosen assignment");
            }
        }

        /** A sole holder: exact when the session is closed, open-session otherwise. */
        public Attributed(Assignment assignment) {
            this(assignment, assignment.isClosed() ? Confidence.EXACT : Confidence.OPEN_SESSION, List.of(assignment));
        }

        @Override
        public String code() {
            return confidence.code();
        }
    }

    /** A CGNAT address seen without a port: each candidate held a port block of it at that instant. */
    record Shared(List<Assignment> candidates) implements Attribution {

        /** Rejects fewer than two candidates. */
        public Shared {
            candidates = List.copyOf(candidates);
            if (candidates.size() < 2) {
                throw new IllegalArgumentException("a shared address has at least two candidates");
            }
        }

        @Override
        public String code() {
            return Confidence.SHARED_ADDRESS.code();
        }
    }

    /** Nobody can be named; the observation stays on the desk's unattributed list. */
    record Unattributed(UnattributedReason reason) implements Attribution {

        /** Rejects null. */
        public Unattributed {
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public String code() {
            return "";
        }
    }
}
