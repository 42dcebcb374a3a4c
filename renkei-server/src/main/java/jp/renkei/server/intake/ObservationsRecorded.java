package jp.renkei.server.intake;

import java.util.List;

/**
 * Observations newly taken in (never a duplicate), after attribution. Published synchronously
 * inside the import's transaction, so cases and notices commit together with the observations
 * or not at all. {@code linked} are new sightings of a device another feed reported within the
 * hour: they are not counted again, but the severity their report gave still grades the case.
 */
public record ObservationsRecorded(long organisationId, List<RecordedObservation> observations,
        List<RecordedObservation> linked) {

    public ObservationsRecorded {
        observations = List.copyOf(observations);
        linked = List.copyOf(linked);
    }

    /** New observations, none linked to another feed's. */
    public ObservationsRecorded(long organisationId, List<RecordedObservation> observations) {
        this(organisationId, observations, List.of());
    }
}
