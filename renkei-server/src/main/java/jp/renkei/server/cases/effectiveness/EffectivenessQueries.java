package jp.renkei.server.cases.effectiveness;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What works, computed in SQL over one organisation's cases: a case counts from its first
 * {@code notice-sent} timeline entry (its channel; entries from before channels were recorded were
 * e-mails, the only channel then), its ladder from the first {@code ladder-started} entry
 * ({@code <ladder>@<version>} or {@code <ladder>@<version> arm <arm>}); cases never notified are
 * not counted. "Still affected" means not (yet) verified fixed: a quiet closure is not a fix.
 * Grouping and counting run in SQL; only the curves' running product is taken in Java.
 */
@Service
public class EffectivenessQueries {

    /** The last day of the remediation curves (days since the first notice). */
    public static final int CURVE_DAYS = 30;

    /** Per-case rows: the first notice, its channel, the ladder and arm, and the milestones. */
    private static final String BASE = """
            with first_notice as (
                select distinct on (case_id) case_id, at as notified_at, coalesce(channel, 'email') as channel
                from case_event where organisation_id = :org and kind = 'notice-sent'
                order by case_id, at, id
            ), ladder as (
                select distinct on (case_id) case_id, detail
                from case_event where organisation_id = :org and kind = 'ladder-started'
                order by case_id, at, id
            ), base as (
                select c.id, f.channel, f.notified_at,
                       coalesce(nullif(split_part(l.detail, ' arm ', 1), ''), '-') as ladder,
                       coalesce(split_part(l.detail, ' arm ', 2), '') as arm,
                       c.acknowledged_at, c.verified_at, c.state
                from subscriber_case c join first_notice f on f.case_id = c.id
                left join ladder l on l.case_id = c.id
                where c.organisation_id = :org
            )
            """;

    private final JdbcClient jdbc;

    EffectivenessQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Counts, times and shares per group, ordered by group. Reads only. */
    public List<GroupFigures> figures(long organisationId, Grouping grouping) {
        return jdbc.sql(BASE + """
                , timed as (
                    select %s as grp, state, acknowledged_at, verified_at,
                           -- greatest() skips nulls, so the null test comes first; an acknowledgement
                           -- before the first notice (a portal visit on its own) counts as immediate
                           case when acknowledged_at is not null then
                               extract(epoch from greatest(acknowledged_at - notified_at, interval '0')) / 3600 end as ack_h,
                           case when verified_at is not null then
                               extract(epoch from greatest(verified_at - notified_at, interval '0')) / 3600 end as ver_h
                    from base
                )
                select grp, count(*) as cases, count(acknowledged_at) as acknowledged,
                       percentile_cont(0.5) within group (order by ack_h) as ack_median,
                       percentile_cont(0.9) within group (order by ack_h) as ack_p90,
                       count(*) filter (where state = 'verified') as verified,
                       percentile_cont(0.5) within group (order by ver_h) as ver_median,
                       percentile_cont(0.9) within group (order by ver_h) as ver_p90,
                       count(*) filter (where state = 'closed-unverified') as closed_unverified
                from timed group by grp order by grp""".formatted(grouping.column()))
                .param("org", organisationId)
                .query(EffectivenessQueries::figures)
                .list();
    }

    /**
     * Remediation curves, days 0 to {@value #CURVE_DAYS} per group, as Kaplan-Meier estimates: the
     * counts per day come from SQL (cases followed that long, still at risk, verified that day);
     * a case verified d days (rounded up) after its first notice is remediated on day d, a case
     * notified fewer than d days before {@code now} is censored, and a reinfected or quietly
     * closed case stays affected. Reads only.
     */
    public List<CurvePoint> curves(long organisationId, Grouping grouping, Instant now) {
        record DayCount(String group, int day, long followed, long atRisk, long verified) {}
        List<DayCount> counts = jdbc.sql(BASE + """
                , followed as (
                    select %s as grp,
                           floor(extract(epoch from (:now - notified_at)) / 86400) as followed_days,
                           case when verified_at is not null then
                               ceil(extract(epoch from greatest(verified_at - notified_at, interval '0')) / 86400)
                           end as verified_day
                    from base
                )
                select f.grp, d.day,
                       count(*) filter (where f.followed_days >= d.day) as followed,
                       count(*) filter (where f.followed_days >= d.day
                           and (f.verified_day is null or f.verified_day >= d.day)) as at_risk,
                       count(*) filter (where f.followed_days >= d.day and f.verified_day = d.day) as verified
                from followed f cross join generate_series(0, :days) as d(day)
                group by f.grp, d.day order by f.grp, d.day""".formatted(grouping.column()))
                .param("org", organisationId)
                .param("now", Timestamp.from(now))
                .param("days", CURVE_DAYS)
                .query((rs, i) -> new DayCount(rs.getString("grp"), rs.getInt("day"), rs.getLong("followed"),
                        rs.getLong("at_risk"), rs.getLong("verified")))
                .list();
        List<CurvePoint> curves = new ArrayList<>(counts.size());
        String group = null;
        double share = 1;
        for (DayCount c : counts) {
            if (!c.group().equals(group)) {
                group = c.group();
                share = 1;
            }
            if (c.atRisk() > 0) {
                share *= 1 - (double) c.verified() / c.atRisk();
            }
            curves.add(new CurvePoint(c.group(), c.day(), c.followed(), c.atRisk(), share));
        }
        return curves;
    }

    private static GroupFigures figures(ResultSet rs, int row) throws SQLException {
        return new GroupFigures(rs.getString("grp"), rs.getLong("cases"), rs.getLong("acknowledged"),
                hours(rs, "ack_median"), hours(rs, "ack_p90"), rs.getLong("verified"), hours(rs, "ver_median"),
                hours(rs, "ver_p90"), rs.getLong("closed_unverified"));
    }

    private static Optional<Double> hours(ResultSet rs, String column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? Optional.empty() : Optional.of(v);
    }
}
