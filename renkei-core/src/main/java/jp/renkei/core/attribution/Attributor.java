package jp.renkei.core.attribution;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The reference answer to "who held this IP (and port) at that instant", written for clarity:
 * {@link AttributionIndex} must give exactly the same answers, only faster.
 */
public final class Attributor {

    /**
     * A closed period is evidence from both ends; an open one may only be open because its Stop
     * was lost, so it must not beat a real later session. Then the most specific prefix, then the
     * latest start; the rest only makes the choice total, so it never depends on input order.
     */
    static final Comparator<Assignment> MOST_CREDIBLE = Comparator
            .comparing(Assignment::isClosed)
            .thenComparingInt(Assignment::prefixLength)
            .thenComparing(Assignment::from)
            .thenComparing(a -> a.to().orElse(Instant.MAX))
            .thenComparing(Assignment::subscriberId)
            .thenComparing(Assignment::source)
            .thenComparing(Assignment::line)
            .thenComparingInt(a -> a.ports().first())
            .thenComparing(Assignment::ip);

    /** Order of candidate lists after the chosen one: by time, then as above. */
    static final Comparator<Assignment> BY_TIME = Comparator
            .comparing(Assignment::from)
            .thenComparing(a -> a.to().orElse(Instant.MAX))
            .thenComparingInt(a -> a.ports().first())
            .thenComparing(Assignment::subscriberId)
            .thenComparing(Assignment::source)
            .thenComparing(Assignment::line)
            .thenComparingInt(Assignment::prefixLength)
            .thenComparing(Assignment::ip);

    private Attributor() {
    }

    /**
     * Attributes the instant among assignments all known to be of the observed IP, strictly (no
     * clock-skew tolerance, no port): the most credible covering one, or {@code no-assignment}.
     */
    public static Attribution attribute(Instant at, Collection<Assignment> candidatesForThatIp) {
        return decide(at, false, List.copyOf(candidatesForThatIp), Duration.ZERO);
    }

    /**
     * The full answer for an observed IP, optional port and instant, over any assignments: the
     * address must be ours ({@code not-our-address}), the instant within the logs
     * ({@code log-expired}); a deterministic NAT address is translated to its inside address,
     * whose own assignment answers; otherwise the assignments containing the address (and port,
     * when known) decide.
     */
    public static Attribution attribute(String ip, OptionalInt port, Instant at, Collection<Assignment> assignments,
                                        AttributionPolicy policy) {
        long[] bits = IpBits.parse(ip);
        if (bits == null) {
            throw new IllegalArgumentException("not an IP address: '" + ip + "'");
        }
        if (!policy.isOurs(ip)) {
            return new Attribution.Unattributed(UnattributedReason.NOT_OUR_ADDRESS);
        }
        if (policy.retainedSince().isPresent() && at.isBefore(policy.retainedSince().get())) {
            return new Attribution.Unattributed(UnattributedReason.LOG_EXPIRED);
        }
        for (DeterministicNat nat : policy.deterministicNat()) {
            if (nat.isPublic(ip)) {
                return throughNat(nat, ip, port, at, assignments, policy);
            }
        }
        List<Assignment> relevant = new ArrayList<>();
        for (Assignment a : assignments) {
            if (contains(a, bits[0], bits[1]) && (port.isEmpty() || a.ports().contains(port.getAsInt()))) {
                relevant.add(a);
            }
        }
        return decide(at, port.isPresent(), relevant, policy.clockSkew());
    }

    private static boolean contains(Assignment a, long hi, long lo) {
        long[] network = IpBits.parse(a.ip());
        int length = a.ip().indexOf(':') >= 0 ? a.prefixLength() : a.prefixLength() + 96;
        return network != null && (hi & IpBits.maskHi(length)) == (network[0] & IpBits.maskHi(length))
                && (lo & IpBits.maskLo(length)) == (network[1] & IpBits.maskLo(length));
    }

    private static Attribution throughNat(DeterministicNat nat, String ip, OptionalInt port, Instant at,
                                          Collection<Assignment> assignments, AttributionPolicy policy) {
        AttributionPolicy inside = policy.withPools(List.of()).withDeterministicNat(List.of());
        if (port.isPresent()) {
            Optional<String> behind = nat.insideAddress(ip, port.getAsInt());
            return behind.isEmpty() ? new Attribution.Unattributed(UnattributedReason.NO_ASSIGNMENT)
                    : attribute(behind.get(), OptionalInt.empty(), at, assignments, inside);
        }
        return sharedAmong(nat.insideAddresses(ip).stream()
                .map(behind -> attribute(behind, OptionalInt.empty(), at, assignments, inside)).toList());
    }

    /** Combines the answers for each inside address behind one public address seen without a port. */
    static Attribution sharedAmong(List<Attribution> answers) {
        List<Attribution.Attributed> held = new ArrayList<>();
        Set<String> subscribers = new LinkedHashSet<>();
        for (Attribution a : answers) {
            if (a instanceof Attribution.Attributed hit) {
                held.add(hit);
                subscribers.add(hit.assignment().subscriberId());
            }
        }
        if (held.isEmpty()) {
            return new Attribution.Unattributed(UnattributedReason.NO_ASSIGNMENT);
        }
        if (subscribers.size() == 1) {
            return held.get(0);
        }
        return new Attribution.Shared(held.stream().map(Attribution.Attributed::assignment).toList());
    }

    /**
     * Decides among the assignments of the observed address (and port): a shared address without
     * a port names all covering holders; otherwise the most credible covering assignment wins,
     * and holders within the clock-skew tolerance make it a boundary case. With nothing covering,
     * a holder within the tolerance is still named, as a boundary case.
     */
    static Attribution decide(Instant at, boolean portKnown, List<Assignment> relevant, Duration tolerance) {
        List<Assignment> covering = new ArrayList<>();
        List<Assignment> near = new ArrayList<>();
        for (Assignment a : relevant) {
            if (a.covers(at)) {
                covering.add(a);
                near.add(a);
            } else if (!a.from().minus(tolerance).isAfter(at)
                    && (a.to().isEmpty() || at.isBefore(a.to().get().plus(tolerance)))) {
                near.add(a);
            }
        }
        if (!portKnown && covering.stream().anyMatch(Assignment::isPortRestricted)
                && covering.stream().map(Assignment::subscriberId).distinct().count() > 1) {
            return new Attribution.Shared(covering.stream().sorted(BY_TIME).toList());
        }
        if (near.isEmpty()) {
            return new Attribution.Unattributed(UnattributedReason.NO_ASSIGNMENT);
        }
        Assignment winner = (covering.isEmpty() ? near : covering).stream().max(MOST_CREDIBLE).orElseThrow();
        List<Assignment> others = near.stream()
                .filter(a -> !a.subscriberId().equals(winner.subscriberId())).sorted(BY_TIME).toList();
        if (covering.isEmpty() || !others.isEmpty()) {
            List<Assignment> candidates = new ArrayList<>(others.size() + 1);
            candidates.add(winner);
            candidates.addAll(others);
            return new Attribution.Attributed(winner, Confidence.BOUNDARY, candidates);
        }
        return new Attribution.Attributed(winner);
    }
}
