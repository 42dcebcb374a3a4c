package jp.renkei.server.quarantine.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.PreDestroy;
import jp.renkei.server.quarantine.EnforcementSettings;
import jp.renkei.server.quarantine.Quarantine;
import jp.renkei.server.quarantine.QuarantineEnforcement;
import jp.renkei.server.quarantine.Quarantines;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Carries out the ledger after commit: each due action is claimed ({@code for update skip locked}),
 * performed and marked in one transaction; a failure is retried with doubling delays up to
 * {@code renkei.quarantine.enforcement-attempts}, then marked failed with the error for staff to see.
 * A crash mid-action leaves it pending, so it is performed again: both adapters are idempotent
 * (the zones are rewritten whole; a CoA sets the same state again).
 */
@Component
class EnforcementDispatcher {

    private static final Logger log = LoggerFactory.getLogger(EnforcementDispatcher.class);

    private final EnforcementLedger ledger;
    private final QuarantineEnforcement enforcement;
    private final Quarantines quarantines;
    private final RadiusEnforcer radius;
    private final ZoneEnforcer zones;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Duration retryBase;
    private final int maxAttempts;
    private final AtomicBoolean waiting = new AtomicBoolean();
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "renkei-enforcement");
        t.setDaemon(true);
        return t;
    });

    EnforcementDispatcher(EnforcementLedger ledger, QuarantineEnforcement enforcement, Quarantines quarantines,
            RadiusEnforcer radius, ZoneEnforcer zones, PlatformTransactionManager transactions, Clock clock,
            @Value("${renkei.quarantine.enforcement-retry:PT10S}") Duration retryBase,
            @Value("${renkei.quarantine.enforcement-attempts:6}") int maxAttempts) {
        this.ledger = ledger;
        this.enforcement = enforcement;
        this.quarantines = quarantines;
        this.radius = radius;
        this.zones = zones;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
        this.retryBase = retryBase;
        this.maxAttempts = maxAttempts;
    }

    @Scheduled(initialDelayString = "PT2S", fixedDelayString = "${renkei.quarantine.enforcement-poll:PT5S}")
    void poll() {
        dispatchDue();
    }

    /** Something was queued and committed: run now, off the committing thread. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void nudge(EnforcementQueued queued) {
        if (waiting.compareAndSet(false, true)) {
            thread.execute(() -> {
                waiting.set(false);
                try {
                    dispatchDue();
                } catch (RuntimeException e) {
                    log.warn("Enforcement run failed; the timer will retry", e);
                }
            });
        }
    }

    /** Performs every due action; returns how many were claimed. Synchronised: one run at a time per process. */
    synchronized int dispatchDue() {
        int n = 0;
        while (Boolean.TRUE.equals(tx.execute(status -> ledger.claimNext(clock.instant()).map(this::perform).isPresent()))) {
            n++;
        }
        return n;
    }

    private EnforcementAction perform(EnforcementAction a) {
        Instant now = clock.instant();
        EnforcementSettings settings = enforcement.settings(a.organisationId());
        try {
            String outcome;
            if (a.adapter().equals("dns")) {
                if (!settings.rpzEnabled()) {
                    throw new EnforcementFailure(EnforcementLedger.DNS_OFF + " any more", true);
                }
                outcome = zones.apply(a.organisationId(), settings, now);
            } else {
                if (!settings.radiusEnabled()) {
                    throw new EnforcementFailure(EnforcementLedger.RADIUS_OFF + " any more", true);
                }
                Optional<Quarantine> q = a.quarantineId().flatMap(id -> quarantines.find(a.organisationId(), id));
                if (q.isEmpty()) {
                    throw new EnforcementFailure("quarantine " + a.quarantineId().orElse(0L) + " not found", true);
                }
                outcome = radius.apply(a.organisationId(), q.get().subscriberId(), a.action(), settings, now);
            }
            ledger.done(a, outcome, clock.instant());
        } catch (EnforcementFailure e) {
            if (e.permanent() || a.attempts() + 1 >= maxAttempts) {
                ledger.fail(a, e.getMessage(), clock.instant());
                log.warn("Enforcement {} {} of quarantine {} failed: {}", a.adapter(), a.action(),
                        a.quarantineId().orElse(0L), e.getMessage());
            } else {
                ledger.retryLater(a, e.getMessage(), clock.instant().plus(retryBase.multipliedBy(1L << Math.min(a.attempts(), 10))));
            }
        } catch (RuntimeException e) {
            ledger.retryLater(a, e.toString(), clock.instant().plus(retryBase.multipliedBy(1L << Math.min(a.attempts(), 10))));
        }
        return a;
    }

    @PreDestroy
    void stop() {
        thread.shutdownNow();
    }
}
