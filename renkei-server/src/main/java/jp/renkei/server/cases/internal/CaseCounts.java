package jp.renkei.server.cases.internal;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import jp.renkei.core.cases.CaseState;
import jp.renkei.core.intake.ProblemKind;
import jp.renkei.server.cases.CaseMilestones;
import jp.renkei.server.cases.CaseOutcomes;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The read-only counts behind the dashboard and a case's milestones; every statement filtered by organisation. */
final class CaseCounts {

    private final JdbcClient jdbc;

    CaseCounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Map<CaseState, Long> countsByState(long organisationId) {
        Map<CaseState, Long> counts = new EnumMap<>(CaseState.class);
        for (CaseState s : CaseState.values()) {
            counts.put(s, 0L);
        }
        jdbc.sql("select state, count(*) as n from subscriber_case where organisation_id = ? group by state")
                .param(organisationId)
                .query((rs, i) -> counts.put(CaseState.fromCode(rs.getString("state")), rs.getLong("n")))
                .list();
        return counts;
    }

    Map<ProblemKind, Long> openCountsByKind(long organisationId) {
        Map<ProblemKind, Long> counts = new EnumMap<>(ProblemKind.class);
        for (ProblemKind k : ProblemKind.values()) {
            counts.put(k, 0L);
        }
        jdbc.sql("""
                select kind, count(*) as n from subscriber_case
                where organisation_id = ? and state not in ('closed-unverified', 'verified') group by kind""")
                .param(organisationId)
                .query((rs, i) -> counts.put(ProblemKind.fromCode(rs.getString("kind")), rs.getLong("n")))
                .list();
        return counts;
    }

    Optional<CaseMilestones> milestones(long organisationId, long caseId) {
        return jdbc.sql("select acknowledged_at, verified_at from subscriber_case where organisation_id = ? and id = ?")
                .params(organisationId, caseId)
                .query((rs, i) -> new CaseMilestones(CaseStore.instant(rs, "acknowledged_at"), CaseStore.instant(rs, "verified_at")))
                .optional();
    }

    CaseOutcomes outcomes(long organisationId) {
        return jdbc.sql("""
                select count(*) filter (where state = 'verified') as verified,
                       count(*) filter (where state = 'reinfected') as reinfected,
                       count(*) filter (where state = 'closed-unverified' and fix_reported_at is null) as natural,
                       count(*) filter (where state = 'closed-unverified' and fix_reported_at is not null) as after_fix
                from subscriber_case where organisation_id = ?""")
                .param(organisationId)
                .query((rs, i) -> new CaseOutcomes(rs.getLong("verified"), rs.getLong("reinfected"),
                        rs.getLong("natural"), rs.getLong("after_fix")))
                .single();
    }
}
