package jp.renkei.server.attribution.radius;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jp.renkei.core.attribution.AccountingRecord;
import jp.renkei.core.attribution.SessionFragment;
import jp.renkei.server.attribution.AssignmentsChanged;
import jp.renkei.server.attribution.internal.AssignmentStore;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores a batch of accounting requests from any number of NASes in one transaction (group
 * commit): the records of each organisation are folded into one fragment per session and
 * upserted in one JDBC batch, NAS restarts are remembered and close that NAS's open sessions.
 * Upserts merge (earliest start, latest stop), so a packet stored twice changes nothing.
 */
@Component
class AccountingBatch {

    /** Source kind of live accounting, for retention settings. */
    static final String KIND = "radius";

    private final AssignmentStore store;
    private final TransactionTemplate transaction;
    private final ApplicationEventPublisher events;

    AccountingBatch(AssignmentStore store, TransactionTemplate transaction, ApplicationEventPublisher events) {
        this.store = store;
        this.transaction = transaction;
        this.events = events;
    }

    /** Stores the batch durably; returns only after the commit. Throws when it could not. */
    void store(List<Pending> batch) {
        Map<Long, List<Pending>> byOrganisation = new LinkedHashMap<>();
        for (Pending p : batch) {
            byOrganisation.computeIfAbsent(p.client().organisationId(), o -> new ArrayList<>()).add(p);
        }
        transaction.executeWithoutResult(status -> byOrganisation.forEach(this::storeOne));
        byOrganisation.keySet().forEach(org -> events.publishEvent(new AssignmentsChanged(org)));
    }

    private void storeOne(long organisationId, List<Pending> packets) {
        Map<String, SessionFragment> sessions = new LinkedHashMap<>();
        Set<String> restartedNases = new LinkedHashSet<>();
        for (Pending p : packets) {
            for (AccountingRecord r : p.records()) {
                if (r.status().isNasEvent()) {
                    store.recordRestart(organisationId, r);
                    restartedNases.add(r.nas());
                } else {
                    SessionFragment.of(r).ifPresent(f -> sessions.merge(f.sessionKey(), f, SessionFragment::merge));
                }
            }
        }
        List<AssignmentStore.Row> rows = new ArrayList<>(sessions.size());
        sessions.values().forEach(f -> rows.addAll(AssignmentStore.rowsOf(f, KIND + ":" + f.nas())));
        store.upsertRows(organisationId, rows);
        if (!restartedNases.isEmpty()) {
            store.closeSessionsEndedByRestarts(organisationId, restartedNases);
        }
    }
}
