package jp.renkei.server.attribution.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import jp.renkei.core.attribution.Assignment;
import jp.renkei.core.attribution.Attribution;
import jp.renkei.core.attribution.UnattributedReason;
import jp.renkei.server.attribution.AttributionAnswer;
import jp.renkei.server.attribution.AttributionAnswer.Candidate;
import jp.renkei.server.attribution.internal.AssignmentStore.StoredAssignment;

/**
 * Decides among the stored assignments near an instant. This mirrors the rules of the core
 * {@code Attributor} being written on branch i4-core (shared address without a port, the most
 * credible covering assignment, boundary within the clock-skew tolerance); once that core is
 * merged this class becomes a thin adapter over {@code Attributor.decide}/{@code AttributionIndex}.
 */
public final class Decision {

    private static final Comparator<Assignment> MOST_CREDIBLE = Comparator
            .comparing(Assignment::isClosed)
            .thenComparing(Assignment::from)
            .thenComparing(a -> a.to().orElse(Instant.MAX))
            .thenComparing(Assignment::subscriberId);

    private Decision() {
    }

    /** Nobody can be named, for this reason code. */
    public static AttributionAnswer none(String reason) {
        return new AttributionAnswer(new Attribution.Unattributed(UnattributedReason.NO_ASSIGNMENT), Optional.empty(),
                "", List.of(), reason);
    }

    /** The answer at {@code at} among {@code near} (assignments of the address and port within the tolerance). */
    public static AttributionAnswer decide(Instant at, boolean portKnown, List<StoredAssignment> near,
            Duration tolerance) {
        List<StoredAssignment> covering = near.stream().filter(s -> s.assignment().covers(at)).toList();
        if (!portKnown && covering.stream().anyMatch(StoredAssignment::isPortBlock)
                && covering.stream().map(s -> s.assignment().subscriberId()).distinct().count() > 1) {
            return new AttributionAnswer(new Attribution.Unattributed(UnattributedReason.NO_ASSIGNMENT),
                    Optional.empty(), AttributionAnswer.SHARED_ADDRESS,
                    covering.stream().sorted(Comparator.comparing((StoredAssignment s) -> s.assignment().from())
                            .thenComparingInt(StoredAssignment::portFirst)).map(Decision::candidate).toList(), "");
        }
        if (near.isEmpty()) {
            return none(AttributionAnswer.NO_ASSIGNMENT);
        }
        StoredAssignment winner = (covering.isEmpty() ? near : covering).stream()
                .max(Comparator.comparing(StoredAssignment::assignment, MOST_CREDIBLE)).orElseThrow();
        List<StoredAssignment> others = near.stream()
                .filter(s -> !s.assignment().subscriberId().equals(winner.assignment().subscriberId()))
                .sorted(Comparator.comparing(s -> s.assignment().from())).toList();
        String confidence;
        List<Candidate> candidates = new ArrayList<>();
        candidates.add(candidate(winner));
        if (covering.isEmpty() || !others.isEmpty()) {
            confidence = AttributionAnswer.BOUNDARY;
            others.forEach(o -> candidates.add(candidate(o)));
        } else {
            confidence = winner.assignment().isClosed() ? AttributionAnswer.EXACT : AttributionAnswer.OPEN_SESSION;
        }
        return new AttributionAnswer(new Attribution.Attributed(winner.assignment()), Optional.of(winner.id()),
                confidence, candidates.size() > 1 ? candidates : List.of(), "");
    }

    private static Candidate candidate(StoredAssignment s) {
        return new Candidate(s.id(), s.assignment(), s.portFirst(), s.portLast());
    }
}
