package jp.renkei.server.attribution.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The attribution_outcome table: how each observation's attribution ended, for the dashboard. */
@Repository
public class OutcomeStore {

    private final JdbcClient jdbc;

    OutcomeStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records (or replaces, on re-attribution) one observation's outcome. */
    public void record(long organisationId, long observationId, Instant sourceTime, String outcome) {
        jdbc.sql("""
                insert into attribution_outcome (organisation_id, observation_id, source_time, outcome) values (?, ?, ?, ?)
                on conflict (organisation_id, observation_id) do update set outcome = excluded.outcome,
                    attributed_at = now()""")
                .params(organisationId, observationId, sourceTime.atOffset(ZoneOffset.UTC), outcome).update();
    }

    /** One observation's outcome for {@link #recordAll}. */
    public record Outcome(long observationId, Instant sourceTime, String outcome) {}

    /**
     * Records the outcomes of observations attributed for the first time (just stored by an
     * import), in one statement. Plain inserts: a new observation has no outcome to replace, and
     * re-attributions go through {@link #record}.
     */
    public void recordAll(long organisationId, List<Outcome> outcomes) {
        if (outcomes.isEmpty()) {
            return;
        }
        Long[] ids = outcomes.stream().map(Outcome::observationId).toArray(Long[]::new);
        String[] times = outcomes.stream().map(o -> o.sourceTime().toString()).toArray(String[]::new);
        String[] codes = outcomes.stream().map(Outcome::outcome).toArray(String[]::new);
        jdbc.sql("""
                insert into attribution_outcome (organisation_id, observation_id, source_time, outcome)
                select :org, o.id, o.at, o.outcome
                from unnest(cast(:ids as bigint[]), cast(cast(:times as text[]) as timestamptz[]), cast(:codes as text[]))
                    as o(id, at, outcome)""")
                .param("org", organisationId)
                .param("ids", ids)
                .param("times", times)
                .param("codes", codes)
                .update();
    }

    /** Observations per outcome since {@code since} (by attribution time). */
    public Map<String, Long> countsSince(long organisationId, Instant since) {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.sql("""
                select outcome, count(*) from attribution_outcome where organisation_id = ? and attributed_at >= ?
                group by outcome order by outcome""")
                .params(organisationId, since.atOffset(ZoneOffset.UTC))
                .query(rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                });
        return counts;
    }

    /** Observations attributed since {@code since} whose source time was before {@code retainedSince}. */
    public long arrivedAfterLogsExpired(long organisationId, Instant since, Instant retainedSince) {
        return jdbc.sql("""
                select count(*) from attribution_outcome where organisation_id = ? and attributed_at >= ?
                  and source_time < ?""")
                .params(organisationId, since.atOffset(ZoneOffset.UTC), retainedSince.atOffset(ZoneOffset.UTC))
                .query(Long.class).single();
    }
}
