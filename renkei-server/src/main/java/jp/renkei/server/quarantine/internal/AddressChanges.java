package jp.renkei.server.quarantine.internal;

import java.time.Clock;
import java.time.Duration;

import jp.renkei.server.attribution.AssignmentsChanged;
import jp.renkei.server.quarantine.Quarantines;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A quarantined subscriber who reconnects gets a new address, which the policy zone must list:
 * after assignments change in an organisation with active quarantines, a zone regeneration is
 * queued, due after {@code renkei.garden.rpz.coalesce} so a steady stream of accounting makes at
 * most one reload per interval. Runs after the accounting commit, in its own transaction, so it
 * can never hold up or roll back the accounting itself.
 */
@Component
class AddressChanges {

    private final Quarantines quarantines;
    private final EnforcementLedger ledger;
    private final Clock clock;
    private final Duration coalesce;
    private final TransactionTemplate tx;

    AddressChanges(Quarantines quarantines, EnforcementLedger ledger, Clock clock, PlatformTransactionManager transactions,
            @Value("${renkei.garden.rpz.coalesce:PT30S}") Duration coalesce) {
        this.quarantines = quarantines;
        this.ledger = ledger;
        this.clock = clock;
        this.coalesce = coalesce;
        this.tx = new TransactionTemplate(transactions);
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void assignmentsChanged(AssignmentsChanged changed) {
        long org = changed.organisationId();
        if (quarantines.allActive(org).isEmpty()) {
            return;
        }
        tx.executeWithoutResult(s -> ledger.enqueueSync(org, clock.instant(), clock.instant().plus(coalesce)));
    }
}
