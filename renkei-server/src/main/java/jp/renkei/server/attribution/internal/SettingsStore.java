package jp.renkei.server.attribution.internal;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import jp.renkei.core.attribution.DeterministicNat;
import jp.renkei.core.attribution.IpPrefix;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Per-organisation attribution policy and per-source settings. */
@Repository
public class SettingsStore {

    /** One source's settings; empty values mean "the default". */
    public record SourceSetting(String kind, String subscriberAttribute, Optional<Duration> retention) {}

    /**
     * The organisation's answer policy; {@code deterministicNat} entries read
     * {@code inside|public|portsPerSubscriber|portOffset}.
     */
    public record Policy(Duration clockSkew, List<String> addressPools, List<String> deterministicNat) {}

    private final JdbcClient jdbc;

    /** Reads one stored deterministic NAT pool. */
    public static DeterministicNat nat(String stored) {
        String[] f = stored.split("\\|");
        return new DeterministicNat(IpPrefix.parse(f[0]), IpPrefix.parse(f[1]), Integer.parseInt(f[2]),
                Integer.parseInt(f[3]));
    }

    /** Writes one deterministic NAT pool for storage. */
    public static String stored(DeterministicNat n) {
        return n.inside() + "|" + n.publicPrefix() + "|" + n.portsPerSubscriber() + "|" + n.portOffset();
    }

    SettingsStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<SourceSetting> sources(long organisationId) {
        return jdbc.sql("select kind, subscriber_attribute, retention_seconds from assignment_source_setting"
                + " where organisation_id = ? order by kind").param(organisationId)
                .query((rs, i) -> new SourceSetting(rs.getString("kind"), rs.getString("subscriber_attribute"),
                        Optional.ofNullable((Long) rs.getObject("retention_seconds")).map(Duration::ofSeconds)))
                .list();
    }

    public void putSource(long organisationId, SourceSetting s) {
        jdbc.sql("""
                insert into assignment_source_setting (organisation_id, kind, subscriber_attribute, retention_seconds)
                values (?, ?, ?, ?)
                on conflict (organisation_id, kind) do update set subscriber_attribute = excluded.subscriber_attribute,
                    retention_seconds = excluded.retention_seconds""")
                .params(organisationId, s.kind(), s.subscriberAttribute(),
                        s.retention().map(Duration::getSeconds).orElse(null))
                .update();
    }

    public Policy policy(long organisationId) {
        return jdbc.sql("select clock_skew_seconds, address_pools, deterministic_nat from attribution_policy"
                + " where organisation_id = ?")
                .param(organisationId)
                .query((rs, i) -> new Policy(Duration.ofSeconds(rs.getLong(1)),
                        Arrays.asList((String[]) rs.getArray(2).getArray()),
                        Arrays.asList((String[]) rs.getArray(3).getArray())))
                .optional().orElse(new Policy(Duration.ZERO, List.of(), List.of()));
    }

    public void putPolicy(long organisationId, Policy p) {
        jdbc.sql("""
                insert into attribution_policy (organisation_id, clock_skew_seconds, address_pools, deterministic_nat)
                values (?, ?, ?, ?)
                on conflict (organisation_id) do update set clock_skew_seconds = excluded.clock_skew_seconds,
                    address_pools = excluded.address_pools, deterministic_nat = excluded.deterministic_nat""")
                .params(organisationId, p.clockSkew().getSeconds(), p.addressPools().toArray(String[]::new),
                        p.deterministicNat().toArray(String[]::new))
                .update();
    }
}
