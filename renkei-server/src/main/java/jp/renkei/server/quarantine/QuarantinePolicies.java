package jp.renkei.server.quarantine;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jp.renkei.core.quarantine.IspPolicy;
import jp.renkei.core.quarantine.Measure;
import jp.renkei.server.platform.AuditLog;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The ISP's policy for measures without consent; one holds at a time, earlier ones are kept retired. */
@Service
public class QuarantinePolicies {

    private final JdbcClient jdbc;
    private final AuditLog audit;

    QuarantinePolicies(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** The policy that holds now, empty when the ISP recorded none (then only consent allows a measure). */
    public Optional<IspPolicy> current(long organisationId) {
        return jdbc.sql("""
                select name, legal_basis, measures from quarantine_policy
                where organisation_id = ? and retired_at is null""")
                .param(organisationId)
                .query((rs, i) -> new IspPolicy(rs.getString("name"), rs.getString("legal_basis"),
                        measures(rs.getString("measures"))))
                .optional();
    }

    /** Records a new policy, retiring the previous one; audited as {@code quarantine-policy-recorded}. */
    @Transactional
    public void record(long organisationId, IspPolicy policy, String actor, Instant at) {
        jdbc.sql("update quarantine_policy set retired_at = ? where organisation_id = ? and retired_at is null")
                .params(Timestamp.from(at), organisationId)
                .update();
        jdbc.sql("""
                insert into quarantine_policy (organisation_id, name, legal_basis, measures, recorded_by, recorded_at)
                values (?, ?, ?, ?, ?, ?)""")
                .params(organisationId, policy.name(), policy.legalBasis(),
                        policy.measures().stream().map(Measure::code).sorted().collect(Collectors.joining(",")),
                        actor, Timestamp.from(at))
                .update();
        audit.record(organisationId, actor, "quarantine-policy-recorded", policy.name(), policy.legalBasis());
    }

    /** Retires the current policy without a successor; audited. */
    @Transactional
    public void retire(long organisationId, String actor, Instant at) {
        int retired = jdbc.sql("update quarantine_policy set retired_at = ? where organisation_id = ? and retired_at is null")
                .params(Timestamp.from(at), organisationId)
                .update();
        if (retired > 0) {
            audit.record(organisationId, actor, "quarantine-policy-retired", "", "");
        }
    }

    private static Set<Measure> measures(String codes) {
        Set<Measure> out = EnumSet.noneOf(Measure.class);
        Arrays.stream(codes.split(",")).map(String::strip).filter(c -> !c.isEmpty())
                .forEach(c -> out.add(Measure.fromCode(c).orElseThrow(() -> new IllegalStateException("stored measure '" + c + "'"))));
        return out;
    }
}
