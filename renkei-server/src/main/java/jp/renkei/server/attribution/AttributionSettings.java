package jp.renkei.server.attribution;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import inet.ipaddr.IPAddressString;
import jp.renkei.core.attribution.AttributionPolicy;
import jp.renkei.core.attribution.DeterministicNat;
import jp.renkei.core.attribution.IpPrefix;
import jp.renkei.core.net.IpAddresses;
import jp.renkei.server.attribution.internal.SettingsStore;
import jp.renkei.server.attribution.internal.SettingsStore.SourceSetting;
import jp.renkei.server.platform.AuditLog;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How an organisation wants attribution answered: the clock-skew tolerance, the address pools
 * that are its own, and per source (RADIUS, each import format) which attribute names the
 * subscriber and how long its logs are kept ({@code renkei.attribution.default-retention} when
 * unset).
 */
@Service
public class AttributionSettings {

    /** Source kinds that can carry settings: live RADIUS and every import format. */
    public static final List<String> KINDS = List.of("radius", "freeradius-detail", "kea-forensic", "kea-lease4",
            "kea-lease6", "dhcpd-leases", "cgnat-pba");

    /** One source's settings as shown and changed through the API; retention empty: kept for ever. */
    public record Source(String kind, String subscriberAttribute, Optional<Duration> retention,
                         boolean defaultRetention) {}

    /** A deterministic NAT pool (RFC 7422) as shown and changed through the API. */
    public record NatPool(String inside, String publicPrefix, int portsPerSubscriber, int portOffset) {}

    /** Everything at once; defaultRetention empty: logs are kept for ever unless a source says otherwise. */
    public record Settings(Duration clockSkew, List<String> addressPools, List<NatPool> deterministicNat,
                           Optional<Duration> defaultRetention, List<Source> sources) {}

    /**
     * How an address stands to an organisation's declared address space: inside one of its pools
     * (or a deterministic NAT public prefix), outside all of them, or the organisation declared no
     * pools at all, so that every address may be its own.
     */
    public enum PoolMatch { INSIDE, OUTSIDE, NO_POOLS }

    private final SettingsStore store;
    private final AuditLog audit;
    private final Optional<Duration> defaultRetention;
    private final Clock clock;

    AttributionSettings(SettingsStore store, AuditLog audit,
            @Value("${renkei.attribution.default-retention:}") String defaultRetention) {
        this.store = store;
        this.audit = audit;
        this.defaultRetention = defaultRetention.isBlank() ? Optional.empty()
                : Optional.of(Duration.parse(defaultRetention.strip()));
        this.clock = Clock.systemUTC();
    }

    /** The organisation's settings, with every known source kind listed. */
    public Settings settings(long organisationId) {
        SettingsStore.Policy policy = store.policy(organisationId);
        Map<String, Source> sources = new LinkedHashMap<>();
        KINDS.forEach(k -> sources.put(k, new Source(k, k.equals("radius") ? "user-name" : "", defaultRetention, true)));
        for (SourceSetting s : store.sources(organisationId)) {
            sources.put(s.kind(), new Source(s.kind(), s.subscriberAttribute(), s.retention().or(() -> defaultRetention),
                    s.retention().isEmpty()));
        }
        List<NatPool> nat = policy.deterministicNat().stream().map(SettingsStore::nat)
                .map(n -> new NatPool(n.inside().toString(), n.publicPrefix().toString(), n.portsPerSubscriber(),
                        n.portOffset())).toList();
        return new Settings(policy.clockSkew(), policy.addressPools(), nat, defaultRetention,
                new ArrayList<>(sources.values()));
    }

    /**
     * Sets one source's subscriber attribute and retention (empty: the default).
     *
     * @throws IllegalArgumentException for an unknown kind or a negative retention
     */
    @Transactional
    public void putSource(long organisationId, String actor, String kind, String subscriberAttribute,
            Optional<Duration> retention) {
        if (!KINDS.contains(kind)) {
            throw new IllegalArgumentException("unknown source '" + kind + "' (known: " + String.join(", ", KINDS) + ")");
        }
        if (retention.isPresent() && (retention.get().isNegative() || retention.get().isZero())) {
            throw new IllegalArgumentException("retention must be positive");
        }
        store.putSource(organisationId, new SourceSetting(kind, subscriberAttribute, retention));
        audit.record(organisationId, actor, "attribution-source-saved", kind,
                subscriberAttribute + " " + retention.map(Duration::toString).orElse("default"));
    }

    /**
     * Sets the clock-skew tolerance, address pools (CIDR prefixes; empty: every address may be
     * ours) and deterministic NAT pools (RFC 7422: a public address and port answer through the
     * inside address they are computed to).
     *
     * @throws IllegalArgumentException for a negative tolerance, a pool that is not a prefix, or
     *         a NAT pool whose port blocks cannot hold its inside prefix
     */
    @Transactional
    public void putPolicy(long organisationId, String actor, Duration clockSkew, List<String> addressPools,
            List<NatPool> deterministicNat) {
        if (clockSkew.isNegative()) {
            throw new IllegalArgumentException("clock skew must not be negative");
        }
        List<String> pools = new ArrayList<>();
        for (String p : addressPools) {
            var parsed = new IPAddressString(p.strip()).getAddress();
            if (parsed == null) {
                throw new IllegalArgumentException("'" + p + "' is not an address prefix");
            }
            pools.add(parsed.toPrefixBlock().toCanonicalString());
        }
        List<String> nat = deterministicNat.stream().map(n -> SettingsStore.stored(new DeterministicNat(
                IpPrefix.parse(n.inside()), IpPrefix.parse(n.publicPrefix()), n.portsPerSubscriber(), n.portOffset())))
                .toList();
        store.putPolicy(organisationId, new SettingsStore.Policy(clockSkew, pools, nat));
        audit.record(organisationId, actor, "attribution-policy-saved", "policy", clockSkew + " " + pools + " " + nat);
    }

    /** The organisation's policy for core attribution: tolerance, pools, oldest logged instant. */
    public AttributionPolicy policy(long organisationId) {
        SettingsStore.Policy p = store.policy(organisationId);
        AttributionPolicy policy = AttributionPolicy.STRICT.withClockSkew(p.clockSkew())
                .withPools(p.addressPools().stream().map(IpPrefix::parse).toList())
                .withDeterministicNat(p.deterministicNat().stream().map(SettingsStore::nat).toList());
        return retainedSince(organisationId).map(policy::withRetainedSince).orElse(policy);
    }

    /**
     * Whether {@code ip} lies in the organisation's declared address space, by the same rule as an
     * attribution's {@code not-our-address}. Reads the settings only: nobody is looked up, so nothing
     * is audited, and it may be asked of any organisation to learn which one an address belongs to.
     *
     * @throws IllegalArgumentException when {@code ip} is not a single IP address
     */
    public PoolMatch poolMatch(long organisationId, String ip) {
        String canonical = IpAddresses.canonical(ip);
        SettingsStore.Policy p = store.policy(organisationId);
        if (p.addressPools().isEmpty()) {
            return PoolMatch.NO_POOLS;
        }
        AttributionPolicy space = AttributionPolicy.STRICT
                .withPools(p.addressPools().stream().map(IpPrefix::parse).toList())
                .withDeterministicNat(p.deterministicNat().stream().map(SettingsStore::nat).toList());
        return space.isOurs(canonical) ? PoolMatch.INSIDE : PoolMatch.OUTSIDE;
    }

    /** The retention of one source kind; empty when its logs are kept for ever. */
    public Optional<Duration> retention(long organisationId, String kind) {
        return settings(organisationId).sources().stream().filter(s -> s.kind().equals(kind)).findFirst()
                .flatMap(Source::retention);
    }

    /**
     * The oldest instant the organisation's logs still cover: now less the longest retention among
     * the sources it configured (the default retention when it configured none); empty when some
     * source keeps its logs for ever. Older observations are answered {@code log-expired}.
     */
    public Optional<Instant> retainedSince(long organisationId) {
        List<SourceSetting> configured = store.sources(organisationId);
        if (configured.isEmpty()) {
            return defaultRetention.map(d -> clock.instant().minus(d));
        }
        Duration longest = Duration.ZERO;
        for (SourceSetting s : configured) {
            Optional<Duration> r = s.retention().or(() -> defaultRetention);
            if (r.isEmpty()) {
                return Optional.empty();
            }
            longest = r.get().compareTo(longest) > 0 ? r.get() : longest;
        }
        return Optional.of(clock.instant().minus(longest));
    }
}
