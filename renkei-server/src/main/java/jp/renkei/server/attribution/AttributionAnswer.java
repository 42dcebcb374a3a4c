package jp.renkei.server.attribution;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import jp.renkei.core.attribution.Assignment;
import jp.renkei.core.attribution.Attribution;

/**
 * An attribution (the core answer: a subscriber with a confidence, the candidates of a shared
 * address, or a reason) with the ids of the stored assignments behind it: {@code assignmentId} of
 * the named subscriber's assignment, and {@code candidates} when more than one subscriber is
 * possible (the chosen one first).
 */
public record AttributionAnswer(Attribution attribution, Optional<Long> assignmentId, List<Candidate> candidates) {

    /** Confidence: a closed session covers the instant, nobody else near it. */
    public static final String EXACT = "exact";
    /** Confidence: within the clock-skew tolerance of a start or stop; candidates listed. */
    public static final String BOUNDARY = "boundary";
    /** Confidence: the covering session has no Stop (yet). */
    public static final String OPEN_SESSION = "open-session";
    /** Confidence: a CGNAT address seen without a port; candidates listed, nobody named. */
    public static final String SHARED_ADDRESS = "shared-address";

    /** A possible holder and the id of its stored assignment. */
    public record Candidate(long assignmentId, Assignment assignment) {}

    /** Rejects nulls, and an assignment id without an attributed answer (or the reverse). */
    public AttributionAnswer {
        Objects.requireNonNull(attribution, "attribution");
        Objects.requireNonNull(assignmentId, "assignmentId");
        candidates = List.copyOf(candidates);
        if ((attribution instanceof Attribution.Attributed) != assignmentId.isPresent()) {
            throw new IllegalArgumentException("an assignment id goes with an attributed answer only");
        }
    }

    /** The covering assignment, empty when nobody could be named. */
    public Optional<Assignment> assignment() {
        return attribution instanceof Attribution.Attributed a ? Optional.of(a.assignment()) : Optional.empty();
    }

    /** {@code exact}, {@code boundary}, {@code open-session}, {@code shared-address}; empty when nobody was found. */
    public String confidence() {
        return attribution.code();
    }

    /** {@code no-assignment}, {@code log-expired}, {@code not-our-address}; empty when someone was found. */
    public String reason() {
        return attribution instanceof Attribution.Unattributed u ? u.reason().code() : "";
    }

    /** What the dashboard counts: the confidence when someone (or a shared set) was found, else the reason. */
    public String outcome() {
        return confidence().isEmpty() ? reason() : confidence();
    }
}
