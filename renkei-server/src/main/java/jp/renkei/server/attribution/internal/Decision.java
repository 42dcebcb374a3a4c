package jp.renkei.server.attribution.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import jp.renkei.core.attribution.Assignment;
import jp.renkei.core.attribution.Attribution;
import jp.renkei.server.attribution.AttributionAnswer;
import jp.renkei.server.attribution.AttributionAnswer.Candidate;

/** Joins a core answer with the ids of the stored assignments it names. */
public final class Decision {

    private Decision() {
    }

    /**
     * The answer with ids: {@code idOf} finds the stored row of an assignment the answer names
     * (the chosen one and every candidate).
     */
    public static AttributionAnswer withIds(Attribution attribution, Function<Assignment, Long> idOf) {
        if (attribution instanceof Attribution.Attributed a) {
            return new AttributionAnswer(a, Optional.of(idOf.apply(a.assignment())),
                    a.candidates().size() > 1 ? candidates(a.candidates(), idOf) : List.of());
        }
        if (attribution instanceof Attribution.Shared s) {
            return new AttributionAnswer(s, Optional.empty(), candidates(s.candidates(), idOf));
        }
        return new AttributionAnswer(attribution, Optional.empty(), List.of());
    }

    private static List<Candidate> candidates(List<Assignment> assignments, Function<Assignment, Long> idOf) {
        List<Candidate> result = new ArrayList<>(assignments.size());
        assignments.forEach(a -> result.add(new Candidate(idOf.apply(a), a)));
        return result;
    }

    /** Looks ids up among rows already read. */
    public static Function<Assignment, Long> among(List<AssignmentStore.StoredAssignment> rows) {
        Map<Assignment, Long> ids = new HashMap<>();
        rows.forEach(r -> ids.put(r.assignment(), r.id()));
        return a -> {
            Long id = ids.get(a);
            if (id == null) {
                throw new IllegalStateException("answer names an assignment that was not read: " + a);
            }
            return id;
        };
    }

    /**
     * An index's answer re-expressed with the stored rows (their ids and full sources): the index
     * keeps only source kinds. Empty when a named row is gone (purged meanwhile).
     */
    public static Optional<AttributionAnswer> resolve(Attribution attribution,
            Function<Assignment, Optional<AssignmentStore.StoredAssignment>> rowOf) {
        Map<Assignment, AssignmentStore.StoredAssignment> rows = new HashMap<>();
        List<Assignment> named = new ArrayList<>();
        if (attribution instanceof Attribution.Attributed a) {
            named.add(a.assignment());
            named.addAll(a.candidates());
        } else if (attribution instanceof Attribution.Shared s) {
            named.addAll(s.candidates());
        }
        for (Assignment a : named) {
            if (!rows.containsKey(a)) {
                Optional<AssignmentStore.StoredAssignment> row = rowOf.apply(a);
                if (row.isEmpty()) {
                    return Optional.empty();
                }
                rows.put(a, row.get());
            }
        }
        Function<Assignment, Assignment> real = a -> rows.get(a).assignment();
        Attribution restated = attribution;
        if (attribution instanceof Attribution.Attributed a) {
            restated = new Attribution.Attributed(real.apply(a.assignment()), a.confidence(),
                    a.candidates().stream().map(real).toList());
        } else if (attribution instanceof Attribution.Shared s) {
            restated = new Attribution.Shared(s.candidates().stream().map(real).toList());
        }
        Map<Assignment, Long> ids = new HashMap<>();
        rows.values().forEach(r -> ids.put(r.assignment(), r.id()));
        return Optional.of(withIds(restated, ids::get));
    }
}
