package jp.renkei.server.intake;

import java.util.List;

/**
 * Observations newly taken in (never a duplicate), after attribution. Published synchronously
 * inside the import's transaction, so cases and notices commit together with the observations
 * or not at all.
 */
public record ObservationsRecorded(long organisationId, List<RecordedObservation> observations) {

    public ObservationsRecorded {
        observations = List.copyOf(observations);
    }
}
