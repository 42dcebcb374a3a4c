package jp.renkei.server.attribution;

import java.time.Instant;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import java.util.List;
import java.util.Optional;

import jp.renkei.core.attribution.Attribution;
import jp.renkei.core.attribution.AttributionPolicy;
import jp.renkei.core.attribution.Attributor;
import jp.renkei.core.attribution.DeterministicNat;
import jp.renkei.core.attribution.UnattributedReason;
import jp.renkei.core.net.IpAddresses;
import jp.renkei.server.attribution.internal.AssignmentStore;
import jp.renkei.server.attribution.internal.AssignmentStore.StoredAssignment;
import jp.renkei.server.attribution.internal.AttributionIndexes;
import jp.renkei.server.attribution.internal.Decision;
import jp.renkei.server.attribution.internal.OutcomeStore;
import jp.renkei.server.platform.AuditLog;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Who held an IP (and port) at an instant, within one organisation's assignments. Every call is audited. */
@Service
public class Attributions {

    /** Audit action written for every attribution. */
    public static final String AUDIT_ACTION = "attribution";

    private static final Pattern OBSERVATION_PURPOSE = Pattern.compile("observation (\\d+)");

    private final AssignmentStore store;
    private final AttributionIndexes indexes;
    private final AttributionSettings settings;
    private final OutcomeStore outcomes;
    private final AuditLog audit;

    Attributions(AssignmentStore store, AttributionIndexes indexes, AttributionSettings settings, OutcomeStore outcomes,
            AuditLog audit) {
        this.store = store;
        this.indexes = indexes;
        this.settings = settings;
        this.outcomes = outcomes;
        this.audit = audit;
    }

    /**
     * {@link #attribute(long, String, OptionalInt, Instant, String, String)} without a port. A
     * {@code purpose} of the form {@code observation <id>} (what intake passes today) also records
     * the outcome for {@link AttributionStatistics}.
     */
    @Transactional
    public AttributionAnswer attribute(long organisationId, String ip, Instant at, String actor, String purpose) {
        AttributionAnswer answer = attribute(organisationId, ip, OptionalInt.empty(), at, actor, purpose);
        Matcher m = OBSERVATION_PURPOSE.matcher(purpose);
        if (m.matches()) {
            outcomes.record(organisationId, Long.parseLong(m.group(1)), at, answer.outcome());
        }
        return answer;
    }

    /**
     * Attributes an observation (by the system) and records its outcome for the dashboard's
     * share of observations attributed, by confidence and reason.
     */
    @Transactional
    public AttributionAnswer attributeObservation(long organisationId, long observationId, String ip,
            OptionalInt port, Instant at, String actor) {
        AttributionAnswer answer = attribute(organisationId, ip, port, at, actor, "observation " + observationId);
        outcomes.record(organisationId, observationId, at, answer.outcome());
        return answer;
    }

    /**
     * Who held {@code ip} (and {@code port}, for a CGNAT address) at {@code at}: outside the
     * organisation's address pools {@code not-our-address}; older than its retained logs
     * {@code log-expired}; otherwise the most credible covering assignment (periods are half-open,
     * so at a hand-over instant the later session wins), with holders within the clock-skew
     * tolerance as boundary candidates, or the candidates of a shared address seen without a port.
     * Answered from the organisation's in-memory index when it is current, else from SQL; both
     * give the core {@code Attributor}'s answer.
     * Writes an audit event ({@code attribution}, subject {@code ip[:port]@instant}, detail
     * {@code purpose}) in the caller's transaction, whatever the outcome.
     *
     * @throws IllegalArgumentException when {@code ip} is not a single IP address or the port is out of range
     */
    @Transactional
    public AttributionAnswer attribute(long organisationId, String ip, OptionalInt port, Instant at, String actor,
            String purpose) {
        String canonical = IpAddresses.canonical(ip);
        if (port.isPresent() && (port.getAsInt() < 0 || port.getAsInt() > 65_535)) {
            throw new IllegalArgumentException("port " + port.getAsInt() + " outside 0..65535");
        }
        String subject = port.isEmpty() ? canonical
                : (canonical.indexOf(':') >= 0 ? "[" + canonical + "]" : canonical) + ":" + port.getAsInt();
        audit.record(organisationId, actor, AUDIT_ACTION, subject + "@" + at, purpose);
        AttributionPolicy policy = settings.policy(organisationId);
        if (!policy.isOurs(canonical)) {
            return Decision.withIds(new Attribution.Unattributed(UnattributedReason.NOT_OUR_ADDRESS), a -> 0L);
        }
        if (policy.retainedSince().filter(at::isBefore).isPresent()) {
            return Decision.withIds(new Attribution.Unattributed(UnattributedReason.LOG_EXPIRED), a -> 0L);
        }
        Optional<AttributionAnswer> indexed = indexes.attribute(organisationId, canonical, port, at, policy)
                .flatMap(answer -> Decision.resolve(answer, a -> store.find(organisationId, a)));
        if (indexed.isPresent()) {
            return indexed.get();
        }
        List<StoredAssignment> rows = new java.util.ArrayList<>(
                store.near(organisationId, canonical, port, at, policy.clockSkew()));
        // Behind a deterministic NAT address the inside addresses' own assignments answer.
        for (DeterministicNat nat : policy.deterministicNat()) {
            if (nat.isPublic(canonical)) {
                List<String> inside = port.isPresent() ? nat.insideAddress(canonical, port.getAsInt()).stream().toList()
                        : nat.insideAddresses(canonical);
                for (String behind : inside) {
                    rows.addAll(store.near(organisationId, behind, OptionalInt.empty(), at, policy.clockSkew()));
                }
            }
        }
        Attribution answer = Attributor.attribute(canonical, port, at,
                rows.stream().map(StoredAssignment::assignment).toList(), policy);
        return Decision.withIds(answer, Decision.among(rows));
    }
}
