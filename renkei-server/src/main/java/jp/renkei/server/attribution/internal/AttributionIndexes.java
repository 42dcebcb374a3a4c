package jp.renkei.server.attribution.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import jp.renkei.core.attribution.Attribution;
import jp.renkei.core.attribution.AttributionIndex;
import jp.renkei.core.attribution.AttributionPolicy;
import jp.renkei.core.attribution.IpPrefix;
import jp.renkei.server.attribution.AssignmentsChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One in-memory {@link AttributionIndex} per organisation, built from the database at startup
 * and rebuilt (every {@code renkei.attribution.index-refresh}) after imports, RADIUS writes or a
 * policy change. An index that is missing or older than the organisation's last change is not
 * used: the caller answers from SQL, so an answer is never stale. Upserts change rows in place
 * (a Stop closes an open session), so an index is rebuilt, not appended to.
 */
@Component
public class AttributionIndexes {

    private static final Logger log = LoggerFactory.getLogger(AttributionIndexes.class);

    private record Built(AttributionIndex index, long version, AttributionPolicy policy, long builtAtNanos) {}

    /** A stale index is rebuilt on demand at most this often; in between, stale answers come from SQL. */
    private static final long ON_DEMAND_REBUILD_NANOS = 10_000_000_000L;

    private final AssignmentStore store;
    private final TransactionTemplate transaction;
    private final SettingsStore settings;
    private final boolean enabled;
    private final Map<Long, AtomicLong> versions = new ConcurrentHashMap<>();
    private final Map<Long, Built> built = new ConcurrentHashMap<>();
    private final AtomicLong hits = new AtomicLong();

    AttributionIndexes(AssignmentStore store, TransactionTemplate transaction, SettingsStore settings,
            @Value("${renkei.attribution.index:true}") boolean enabled) {
        this.store = store;
        this.transaction = transaction;
        this.settings = settings;
        this.enabled = enabled;
    }

    /**
     * The index's answer under {@code policy} (whose retention the caller has already applied),
     * or empty when no current index fits.
     */
    public Optional<Attribution> attribute(long organisationId, String ip, OptionalInt port, Instant at,
            AttributionPolicy policy) {
        Built b = built.get(organisationId);
        if (b == null || b.version() != version(organisationId).get()
                || !b.policy().equals(withoutRetention(policy))) {
            version(organisationId);
            return Optional.empty();
        }
        hits.incrementAndGet();
        return Optional.of(b.index().attribute(ip, port, at));
    }

    /**
     * Before bulk work (attributing an imported report): rebuilds a missing or stale index now, so
     * thousands of answers come from memory rather than one SQL query each. Skipped when the last
     * build is recent: under a steady stream of RADIUS writes an index is always slightly stale,
     * and rebuilding it for every chunk would cost more than the queries it saves.
     */
    public void refreshIfStale(long organisationId) {
        if (!enabled) {
            return;
        }
        synchronized (version(organisationId)) {
            Built b = built.get(organisationId);
            boolean current = b != null && b.version() == version(organisationId).get()
                    && b.policy().equals(policyOf(organisationId));
            if (!current && (b == null || System.nanoTime() - b.builtAtNanos() > ON_DEMAND_REBUILD_NANOS)) {
                rebuild(organisationId);
            }
        }
    }

    /** How many answers came from an index (for tests and metrics). */
    public long hits() {
        return hits.get();
    }

    @EventListener
    void changed(AssignmentsChanged e) {
        version(e.organisationId()).incrementAndGet();
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStartup() {
        if (enabled) {
            store.organisations().forEach(this::version);
        }
    }

    @Scheduled(initialDelayString = "PT1S", fixedDelayString = "${renkei.attribution.index-refresh:PT30S}")
    void refresh() {
        if (!enabled) {
            return;
        }
        versions.forEach((org, version) -> {
            Built b = built.get(org);
            if (b == null || b.version() != version.get() || !b.policy().equals(policyOf(org))) {
                rebuild(org);
            }
        });
    }

    /** Builds the organisation's index from the database now; returns how many assignments it holds. */
    public int rebuild(long organisationId) {
        long version = version(organisationId).get();
        AttributionPolicy policy = policyOf(organisationId);
        AttributionIndex.Builder builder = AttributionIndex.builder(policy);
        long started = System.nanoTime();
        transaction.executeWithoutResult(status -> store.forEach(organisationId, builder::add));
        AttributionIndex index = builder.build();
        built.put(organisationId, new Built(index, version, policy, System.nanoTime()));
        log.debug("Attribution index of organisation {}: {} assignments in {} ms", organisationId, index.size(),
                (System.nanoTime() - started) / 1_000_000);
        return index.size();
    }

    /** The organisation's policy without retention (the caller applies it; it moves with the clock). */
    private AttributionPolicy policyOf(long organisationId) {
        SettingsStore.Policy p = settings.policy(organisationId);
        return AttributionPolicy.STRICT.withClockSkew(p.clockSkew())
                .withPools(p.addressPools().stream().map(IpPrefix::parse).toList())
                .withDeterministicNat(p.deterministicNat().stream().map(SettingsStore::nat).toList());
    }

    private static AttributionPolicy withoutRetention(AttributionPolicy p) {
        return new AttributionPolicy(p.clockSkew(), p.pools(), java.util.Optional.empty(), p.deterministicNat());
    }

    private AtomicLong version(long organisationId) {
        return versions.computeIfAbsent(organisationId, o -> new AtomicLong(1));
    }
}
