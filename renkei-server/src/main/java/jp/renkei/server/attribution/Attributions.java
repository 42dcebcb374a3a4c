package jp.renkei.server.attribution;

import java.time.Instant;
import java.util.List;

import jp.renkei.core.attribution.Attribution;
import jp.renkei.core.attribution.Attributor;
import jp.renkei.core.net.IpAddresses;
import jp.renkei.server.attribution.internal.AssignmentStore;
import jp.renkei.server.attribution.internal.AssignmentStore.StoredAssignment;
import jp.renkei.server.platform.AuditLog;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Who held an IP at an instant, within one organisation's assignments. Every call is audited. */
@Service
public class Attributions {

    /** Audit action written for every attribution. */
    public static final String AUDIT_ACTION = "attribution";

    private final AssignmentStore store;
    private final AuditLog audit;

    Attributions(AssignmentStore store, AuditLog audit) {
        this.store = store;
        this.audit = audit;
    }

    /**
     * Attributes {@code ip} at {@code at} to the subscriber of the most credible covering
     * assignment (periods are half-open, so at a hand-over instant the later session wins).
     * Writes an audit event ({@code attribution}, subject {@code ip@instant}, detail
     * {@code purpose}) in the caller's transaction, whatever the outcome.
     *
     * @throws IllegalArgumentException when {@code ip} is not a single IP address
     */
    @Transactional
    public AttributionAnswer attribute(long organisationId, String ip, Instant at, String actor, String purpose) {
        String canonical = IpAddresses.canonical(ip);
        audit.record(organisationId, actor, AUDIT_ACTION, canonical + "@" + at, purpose);
        List<StoredAssignment> candidates = store.covering(organisationId, canonical, at);
        Attribution attribution = Attributor.attribute(at,
                candidates.stream().map(StoredAssignment::assignment).toList());
        if (attribution instanceof Attribution.Attributed chosen) {
            long id = candidates.stream().filter(c -> c.assignment().equals(chosen.assignment()))
                    .findFirst().orElseThrow().id();
            return new AttributionAnswer(attribution, java.util.Optional.of(id));
        }
        return new AttributionAnswer(attribution, java.util.Optional.empty());
    }
}
