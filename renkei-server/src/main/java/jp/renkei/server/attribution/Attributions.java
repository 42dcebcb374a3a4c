package jp.renkei.server.attribution;

import java.time.Instant;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import java.util.ArrayList;
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
        checkPort(port);
        audit.record(organisationId, actor, AUDIT_ACTION, subject(canonical, port) + "@" + at, purpose);
        return decide(organisationId, canonical, port, at, settings.policy(organisationId));
    }

    /**
     * The addresses (or prefixes, or CGNAT port blocks) the subscriber holds at {@code at}, newest
     * first: the reverse of attribution, e.g. for the portal's "check now". Audited like an
     * attribution ({@code addresses-held}, subject the subscriber, detail {@code purpose}) in the
     * caller's transaction.
     */
    @Transactional
    public List<jp.renkei.core.attribution.Assignment> heldBy(long organisationId, String subscriberId, Instant at,
            String actor, String purpose) {
        audit.record(organisationId, actor, "addresses-held", subscriberId + "@" + at, purpose);
        return store.heldBy(organisationId, subscriberId, at).stream().map(StoredAssignment::assignment).toList();
    }

    /** Where and when a reported device was seen: its address, its source port when known, the source time. */
    public record Probe(String ip, OptionalInt port, Instant at) {}

    /**
     * Attributes the devices of an imported chunk (by the system) at once, with exactly the answers
     * {@link #attributeObservation} gives one by one, and lets {@code keep} store the observations
     * with their answers in one write: {@code keep} receives the answers in probe order and
     * returns, for each, the id of the stored observation, or empty for one it did not store (a
     * duplicate). Every kept answer then gets its audit event ({@code observation <id>}) and its
     * outcome for {@link AttributionStatistics}, in bulk and in the caller's transaction; an answer
     * that was not kept was never seen by anyone and leaves no trace.
     *
     * @return what {@code keep} returned
     * @throws IllegalArgumentException when a probe's address or port is malformed
     */
    @Transactional
    public List<Optional<Long>> attributeAndKeep(long organisationId, List<Probe> probes, String actor,
            Function<List<AttributionAnswer>, List<Optional<Long>>> keep) {
        List<AttributionAnswer> answers = new ArrayList<>(probes.size());
        List<String> subjects = new ArrayList<>(probes.size());
        if (!probes.isEmpty()) {
            indexes.refreshIfStale(organisationId);
            AttributionPolicy policy = settings.policy(organisationId);
            for (Probe probe : probes) {
                String canonical = IpAddresses.canonical(probe.ip());
                checkPort(probe.port());
                answers.add(decide(organisationId, canonical, probe.port(), probe.at(), policy));
                subjects.add(subject(canonical, probe.port()) + "@" + probe.at());
            }
        }
        List<Optional<Long>> kept = keep.apply(List.copyOf(answers));
        List<AuditLog.Entry> entries = new ArrayList<>();
        List<OutcomeStore.Outcome> decided = new ArrayList<>();
        for (int i = 0; i < probes.size(); i++) {
            if (kept.get(i).isPresent()) {
                long observation = kept.get(i).get();
                entries.add(new AuditLog.Entry(actor, AUDIT_ACTION, subjects.get(i), "observation " + observation));
                decided.add(new OutcomeStore.Outcome(observation, probes.get(i).at(), answers.get(i).outcome()));
            }
        }
        audit.recordAll(organisationId, entries);
        outcomes.recordAll(organisationId, decided);
        return kept;
    }

    private static void checkPort(OptionalInt port) {
        if (port.isPresent() && (port.getAsInt() < 0 || port.getAsInt() > 65_535)) {
            throw new IllegalArgumentException("port " + port.getAsInt() + " outside 0..65535");
        }
    }

    private static String subject(String canonical, OptionalInt port) {
        return port.isEmpty() ? canonical
                : (canonical.indexOf(':') >= 0 ? "[" + canonical + "]" : canonical) + ":" + port.getAsInt();
    }

    /** The answer without side effects: pools, retention, then the index when current, else SQL. */
    private AttributionAnswer decide(long organisationId, String canonical, OptionalInt port, Instant at,
            AttributionPolicy policy) {
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
