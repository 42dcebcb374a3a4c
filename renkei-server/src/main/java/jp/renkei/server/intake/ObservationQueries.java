package jp.renkei.server.intake;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import jp.renkei.core.attribution.Assignment;

/** Reads observations of one organisation; other modules never query the observation table themselves. */
public interface ObservationQueries {

    /** The given observations of the organisation, oldest first; ids of other organisations are ignored. */
    List<ObservationView> byIds(long organisationId, Collection<Long> observationIds);

    /**
     * The organisation's observations of the address (or prefix) the assignment covers, within its
     * port block, seen since {@code since} and while the assignment held: what was reported about
     * this holder's line and nobody else's. Newest first, at most {@code limit}.
     */
    List<ObservationView> seenWhileHeld(long organisationId, Assignment held, Instant since, Instant until, int limit);

    /** Observations that could not be attributed to a subscriber, newest first. */
    List<ObservationView> unattributed(long organisationId, int limit);
}
