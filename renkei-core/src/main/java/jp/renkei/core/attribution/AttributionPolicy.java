package jp.renkei.core.attribution;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How one organisation wants attribution answered. {@code clockSkew}: a holder whose period
 * starts or stops within this of the instant is a candidate too ({@link Confidence#BOUNDARY}).
 * {@code pools}: the organisation's address space (empty: every address may be ours).
 * {@code retainedSince}: the oldest instant its logs still cover. {@code deterministicNat}:
 * RFC 7422 pools, whose public addresses count as ours.
 */
public record AttributionPolicy(Duration clockSkew, List<IpPrefix> pools, Optional<Instant> retainedSince,
                                List<DeterministicNat> deterministicNat) {

    /** No tolerance, no pools, no retention limit, no deterministic NAT: the strict reading. */
    public static final AttributionPolicy STRICT =
            new AttributionPolicy(Duration.ZERO, List.of(), Optional.empty(), List.of());

    /** Rejects nulls and a negative tolerance. */
    public AttributionPolicy {
        Objects.requireNonNull(clockSkew, "clockSkew");
        pools = List.copyOf(pools);
        Objects.requireNonNull(retainedSince, "retainedSince");
        deterministicNat = List.copyOf(deterministicNat);
        if (clockSkew.isNegative()) {
            throw new IllegalArgumentException("clock skew tolerance must not be negative");
        }
    }

    /** This policy with another clock-skew tolerance. */
    public AttributionPolicy withClockSkew(Duration tolerance) {
        return new AttributionPolicy(tolerance, pools, retainedSince, deterministicNat);
    }

    /** This policy with these address pools. */
    public AttributionPolicy withPools(List<IpPrefix> addressPools) {
        return new AttributionPolicy(clockSkew, addressPools, retainedSince, deterministicNat);
    }

    /** This policy with logs kept from this instant on. */
    public AttributionPolicy withRetainedSince(Instant oldestLogged) {
        return new AttributionPolicy(clockSkew, pools, Optional.of(oldestLogged), deterministicNat);
    }

    /** This policy with these deterministic NAT pools. */
    public AttributionPolicy withDeterministicNat(List<DeterministicNat> natPools) {
        return new AttributionPolicy(clockSkew, pools, retainedSince, natPools);
    }

    /** Whether the address belongs to the organisation: inside a pool or a NAT public prefix, or no pools set. */
    public boolean isOurs(String address) {
        if (pools.isEmpty()) {
            return true;
        }
        return pools.stream().anyMatch(p -> p.contains(address))
                || deterministicNat.stream().anyMatch(n -> n.isPublic(address));
    }
}
