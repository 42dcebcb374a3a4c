package jp.renkei.server.attribution.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import jp.renkei.server.attribution.AssignmentsChanged;
import jp.renkei.server.attribution.AttributionSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes assignments older than their source's retention, as the ISP's own log policy requires
 * (closed periods that stopped before the horizon; rows an observation points at are kept as its
 * evidence). Lookups older than the retained logs are answered {@code log-expired} anyway.
 */
@Component
public class RetentionSweep {

    private static final Logger log = LoggerFactory.getLogger(RetentionSweep.class);

    private final AssignmentStore store;
    private final AttributionSettings settings;
    private final ApplicationEventPublisher events;
    private final Clock clock = Clock.systemUTC();

    RetentionSweep(AssignmentStore store, AttributionSettings settings, ApplicationEventPublisher events) {
        this.store = store;
        this.settings = settings;
        this.events = events;
    }

    @Scheduled(initialDelayString = "PT5M", fixedDelayString = "${renkei.attribution.retention-sweep:PT6H}")
    void sweep() {
        for (long org : store.organisations()) {
            int deleted = purge(org);
            if (deleted > 0) {
                log.info("Deleted {} assignments of organisation {} past their retention", deleted, org);
                events.publishEvent(new AssignmentsChanged(org));
            }
        }
    }

    /** Purges one organisation now; returns how many assignments were deleted. */
    public int purge(long organisationId) {
        int deleted = 0;
        for (AttributionSettings.Source s : settings.settings(organisationId).sources()) {
            Optional<Duration> retention = s.retention();
            if (retention.isPresent()) {
                deleted += store.purge(organisationId, s.kind(), clock.instant().minus(retention.get()));
            }
        }
        return deleted;
    }
}
