package jp.renkei.server.attribution;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import jp.renkei.core.attribution.Assignment;
import jp.renkei.core.attribution.Attribution;

/**
 * An attribution with its honesty: when a subscriber was named, the id of the stored assignment
 * that named them and a {@code confidence} ({@code exact}, {@code boundary}, {@code open-session});
 * for a CGNAT address without a port, confidence {@code shared-address} and nobody named; the
 * {@code candidates} when more than one subscriber is possible (the chosen one first); when nobody
 * can be named, a {@code reason} ({@code no-assignment}, {@code log-expired}, {@code not-our-address}).
 */
public record AttributionAnswer(Attribution attribution, Optional<Long> assignmentId, String confidence,
                                List<Candidate> candidates, String reason) {

    /** Confidence: a closed session covers the instant, nobody else near it. */
    public static final String EXACT = "exact";
    /** Confidence: within the clock-skew tolerance of a start or stop; candidates listed. */
    public static final String BOUNDARY = "boundary";
    /** Confidence: the covering session has no Stop (yet). */
    public static final String OPEN_SESSION = "open-session";
    /** Confidence: a CGNAT address seen without a port; candidates listed, nobody named. */
    public static final String SHARED_ADDRESS = "shared-address";
    /** Reason: no assignment covers the instant. */
    public static final String NO_ASSIGNMENT = "no-assignment";
    /** Reason: the instant is older than the logs still kept. */
    public static final String LOG_EXPIRED = "log-expired";
    /** Reason: the address is outside the organisation's address pools. */
    public static final String NOT_OUR_ADDRESS = "not-our-address";

    /** A possible holder: the stored assignment and its port block. */
    public record Candidate(long assignmentId, Assignment assignment, int portFirst, int portLast) {}

    /** Rejects nulls, and an assignment id without an attributed answer (or the reverse). */
    public AttributionAnswer {
        Objects.requireNonNull(attribution, "attribution");
        Objects.requireNonNull(assignmentId, "assignmentId");
        Objects.requireNonNull(confidence, "confidence");
        candidates = List.copyOf(candidates);
        Objects.requireNonNull(reason, "reason");
        if ((attribution instanceof Attribution.Attributed) != assignmentId.isPresent()) {
            throw new IllegalArgumentException("an assignment id goes with an attributed answer only");
        }
    }

    /** The covering assignment, empty when nobody could be named. */
    public Optional<Assignment> assignment() {
        return attribution instanceof Attribution.Attributed a ? Optional.of(a.assignment()) : Optional.empty();
    }

    /** What the dashboard counts: the confidence when someone (or a shared set) was found, else the reason. */
    public String outcome() {
        return confidence.isEmpty() ? reason : confidence;
    }
}
