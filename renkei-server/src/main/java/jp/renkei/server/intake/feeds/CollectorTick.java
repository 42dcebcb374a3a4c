package jp.renkei.server.intake.feeds;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The collectors' clock: on every tick, each due feed's collector spools what is new, then every
 * received file is imported. At startup, files a killed process left half-imported are received
 * again first, so they are imported to the end (the observation fingerprint makes the rows
 * already stored duplicates, never twice).
 */
@Component
public class CollectorTick implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(CollectorTick.class);

    private final FeedCatalogue feeds;
    private final Deliveries deliveries;
    private final DeliveryIntake intake;
    private final Map<FeedSource, Collector> collectors;
    private final boolean enabled;
    /** Feeds whose collector runs right now (the tick and "collect now" may meet). */
    private final Set<String> running = ConcurrentHashMap.newKeySet();

    CollectorTick(FeedCatalogue feeds, Deliveries deliveries, DeliveryIntake intake, List<Collector> collectors,
            @Value("${renkei.intake.collectors-enabled:true}") boolean enabled) {
        this.feeds = feeds;
        this.deliveries = deliveries;
        this.intake = intake;
        this.collectors = collectors.stream().collect(Collectors.toMap(Collector::source, Function.identity()));
        this.enabled = enabled;
    }

    @Override
    public void afterSingletonsInstantiated() {
        int reopened = deliveries.reopenInterrupted();
        if (reopened > 0) {
            log.info("{} interrupted import(s) will be run again", reopened);
        }
    }

    @Scheduled(initialDelayString = "PT1S", fixedDelayString = "${renkei.intake.collect-interval}")
    void tick() {
        if (!enabled) {
            return;
        }
        for (Feed feed : feeds.due(Instant.now())) {
            collect(feed);
        }
        intake.processReceived();
    }

    /** Runs one feed's collector now, then imports what it brought; for "collect now" in the UI and API. */
    public void collectNow(Feed feed) {
        if (feed.source().collected()) {
            collect(feed);
        }
        intake.processReceived(feed.organisationId(), feed.name());
    }

    /** Runs one feed's collector and records the outcome on the feed; skipped while it already runs. */
    void collect(Feed feed) {
        String key = feed.organisationId() + "/" + feed.name();
        if (!running.add(key)) {
            return;
        }
        Instant at = Instant.now();
        try {
            String summary = collectors.get(feed.source()).collect(feed);
            if (feed.source() != FeedSource.DIRECTORY || !summary.isEmpty()
                    || feed.lastStatus().filter("error"::equals).isPresent()) {
                feeds.recordRun(feed, at, true, summary);
            }
        } catch (Exception e) {
            log.warn("feed {} of organisation {}: {}", feed.name(), feed.organisationId(), e.toString());
            feeds.recordRun(feed, at, false, String.valueOf(e.getMessage()));
        } finally {
            running.remove(key);
        }
    }
}
