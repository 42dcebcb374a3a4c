package jp.renkei.server.attribution;

import java.util.Objects;
import java.util.Optional;

import jp.renkei.core.attribution.Assignment;
import jp.renkei.core.attribution.Attribution;

/** An attribution and, when a subscriber was named, the id of the stored assignment that named them. */
public record AttributionAnswer(Attribution attribution, Optional<Long> assignmentId) {

    /** Rejects nulls, and an assignment id without an attributed answer (or the reverse). */
    public AttributionAnswer {
        Objects.requireNonNull(attribution, "attribution");
        Objects.requireNonNull(assignmentId, "assignmentId");
        if ((attribution instanceof Attribution.Attributed) != assignmentId.isPresent()) {
            throw new IllegalArgumentException("an assignment id goes with an attributed answer only");
        }
    }

    /** The covering assignment, empty when nobody could be named. */
    public Optional<Assignment> assignment() {
        return attribution instanceof Attribution.Attributed a ? Optional.of(a.assignment()) : Optional.empty();
    }
}
