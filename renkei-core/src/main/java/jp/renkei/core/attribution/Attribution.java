package jp.renkei.core.attribution;

import java.util.Objects;

/** The answer to "who held this IP at that instant": a subscriber's assignment, or why not. */
public sealed interface Attribution permits Attribution.Attributed, Attribution.Unattributed {

    /** The IP was held by the subscriber of this assignment. */
    record Attributed(Assignment assignment) implements Attribution {
        /** Rejects null. */
        public Attributed {
            Objects.requireNonNull(assignment, "assignment");
        }
    }

    /** Nobody can be named; the observation stays on the desk's unattributed list. */
    record Unattributed(UnattributedReason reason) implements Attribution {
        /** Rejects null. */
        public Unattributed {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
