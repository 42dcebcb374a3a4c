package jp.renkei.server.intake;

import java.util.Collection;
import java.util.List;

/** Reads observations of one organisation; other modules never query the observation table themselves. */
public interface ObservationQueries {

    /** The given observations of the organisation, oldest first; ids of other organisations are ignored. */
    List<ObservationView> byIds(long organisationId, Collection<Long> observationIds);

    /** Observations that could not be attributed to a subscriber, newest first. */
    List<ObservationView> unattributed(long organisationId, int limit);
}
