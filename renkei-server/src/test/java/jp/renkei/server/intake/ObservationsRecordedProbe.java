package jp.renkei.server.intake;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Test listener picked up by component scanning, so every test context has it without a context
 * of its own. Events are published on the server's request threads, which
 * {@code @RecordApplicationEvents} (bound to the test thread) would not see.
 */
@Component
public class ObservationsRecordedProbe {

    private final List<ObservationsRecorded> events = new CopyOnWriteArrayList<>();

    @EventListener
    void on(ObservationsRecorded event) {
        events.add(event);
    }

    /** Every observation announced for the organisation so far. */
    public List<RecordedObservation> observations(long organisationId) {
        return events.stream().filter(e -> e.organisationId() == organisationId)
                .flatMap(e -> e.observations().stream()).toList();
    }
}
