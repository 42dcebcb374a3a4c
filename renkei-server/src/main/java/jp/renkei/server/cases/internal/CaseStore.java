package jp.renkei.server.cases.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jp.renkei.core.cases.CaseRules;
import jp.renkei.core.cases.CaseState;
import jp.renkei.core.escalation.Channel;
import jp.renkei.core.intake.ProblemKind;
import jp.renkei.core.intake.Severity;
import jp.renkei.server.cases.CaseDevice;
import jp.renkei.server.cases.CaseEvent;
import jp.renkei.server.cases.CaseFilter;
import jp.renkei.server.cases.CaseManagement;
import jp.renkei.server.cases.CaseMilestones;
import jp.renkei.server.cases.CaseOutcomes;
import jp.renkei.server.cases.CaseNotFoundException;
import jp.renkei.server.cases.SubscriberCase;
import jp.renkei.server.intake.ObservationQueries;
import jp.renkei.server.intake.ObservationView;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** {@link CaseManagement} over JDBC; every statement is filtered by organisation except the quiet-case sweep. */
@Service
class CaseStore implements CaseManagement {

    static final String CASE_COLUMNS = """
            id, subscriber_id, kind, state, first_seen, last_seen, observation_count, fix_reported_at,
            opened_at, closed_at, severity, severity_reported, device_key""";

    /** Worst first; kept in step with the core {@link Severity} order. */
    private static final String SEVERITY_RANK = """
            case severity when 'critical' then 0 when 'high' then 1 when 'medium' then 2 when 'low' then 3
            else 4 end""";

    private final JdbcClient jdbc;
    private final ObservationQueries observations;
    private final Duration quietPeriod;
    private final Clock clock;
    private final CaseCounts counts;

    CaseStore(JdbcClient jdbc, ObservationQueries observations,
            @Value("${renkei.cases.quiet-period:P30D}") Duration quietPeriod, Clock clock) {
        this.clock = clock;
        this.counts = new CaseCounts(jdbc);
        this.jdbc = jdbc;
        this.observations = observations;
        this.quietPeriod = quietPeriod;
    }

    @Override
    public Optional<SubscriberCase> find(long organisationId, long caseId) {
        return jdbc.sql("select " + CASE_COLUMNS + " from subscriber_case where organisation_id = ? and id = ?")
                .params(organisationId, caseId)
                .query(CaseStore::subscriberCase)
                .optional();
    }

    @Override
    public List<SubscriberCase> list(long organisationId, CaseFilter filter, int limit) {
        StringBuilder sql = new StringBuilder("select " + CASE_COLUMNS
                + " from subscriber_case where organisation_id = :org");
        filter.state().ifPresent(s -> sql.append(" and state = :state"));
        filter.kind().ifPresent(k -> sql.append(" and kind = :kind"));
        filter.subscriberId().ifPresent(s -> sql.append(" and subscriber_id = :subscriber"));
        filter.fixReported().ifPresent(f -> sql.append(f ? " and fix_reported_at is not null" : " and fix_reported_at is null"));
        filter.severity().ifPresent(v -> sql.append(" and severity = :severity"));
        sql.append(filter.severestFirst() ? " order by " + SEVERITY_RANK + ", last_seen desc, id desc limit :limit"
                : " order by last_seen desc, id desc limit :limit");
        var statement = jdbc.sql(sql.toString()).param("org", organisationId).param("limit", limit);
        if (filter.state().isPresent()) {
            statement = statement.param("state", filter.state().get().code());
        }
        if (filter.kind().isPresent()) {
            statement = statement.param("kind", filter.kind().get().code());
        }
        if (filter.subscriberId().isPresent()) {
            statement = statement.param("subscriber", filter.subscriberId().get());
        }
        if (filter.severity().isPresent()) {
            statement = statement.param("severity", filter.severity().get().code());
        }
        return statement.query(CaseStore::subscriberCase).list();
    }

    @Override
    public Map<CaseState, Long> countsByState(long organisationId) {
        return counts.countsByState(organisationId);
    }

    @Override
    public Map<ProblemKind, Long> openCountsByKind(long organisationId) {
        return counts.openCountsByKind(organisationId);
    }

    @Override
    public Optional<CaseMilestones> milestones(long organisationId, long caseId) {
        return counts.milestones(organisationId, caseId);
    }

    @Override
    public CaseOutcomes outcomes(long organisationId) {
        return counts.outcomes(organisationId);
    }

    @Override
    public List<Long> observationIds(long organisationId, long caseId) {
        return jdbc.sql("""
                select observation_id from case_observation
                where organisation_id = ? and case_id = ? order by observation_id""")
                .params(organisationId, caseId)
                .query(Long.class)
                .list();
    }

    @Override
    public Optional<CaseDevice> device(long organisationId, long caseId) {
        List<ObservationView> seen = observations.byIds(organisationId, observationIds(organisationId, caseId));
        if (seen.isEmpty()) {
            return Optional.empty();
        }
        ObservationView latest = seen.get(seen.size() - 1);
        // Older reports may name the device when the latest does not.
        Optional<String> vendor = latestPresent(seen, ObservationView::deviceVendor);
        Optional<String> model = latestPresent(seen, ObservationView::deviceModel);
        Optional<String> family = latestPresent(seen, ObservationView::malwareFamily);
        Optional<String> firmware = latestPresent(seen, ObservationView::deviceFirmware);
        return Optional.of(new CaseDevice(latest.ip(), latest.port(), vendor, model, family, latest.sourceTime(),
                firmware));
    }

    private static Optional<String> latestPresent(List<ObservationView> seen,
            java.util.function.Function<ObservationView, Optional<String>> field) {
        for (int i = seen.size() - 1; i >= 0; i--) {
            Optional<String> value = field.apply(seen.get(i)).filter(v -> !v.isBlank());
            if (value.isPresent()) {
                return value;
            }
        }
        return Optional.empty();
    }

    @Override
    public List<CaseEvent> timeline(long organisationId, long caseId) {
        return jdbc.sql("""
                select at, kind, detail from case_event
                where organisation_id = ? and case_id = ? order by at, id""")
                .params(organisationId, caseId)
                .query((rs, i) -> new CaseEvent(rs.getTimestamp("at").toInstant(), rs.getString("kind"),
                        rs.getString("detail")))
                .list();
    }

    @Override
    @Transactional
    public void recordEvent(long organisationId, long caseId, String kind, String detail) {
        requireCase(organisationId, caseId);
        event(organisationId, caseId, kind, detail);
    }

    @Override
    @Transactional
    public void recordEvent(long organisationId, long caseId, String kind, String detail, Instant at) {
        requireCase(organisationId, caseId);
        event(organisationId, caseId, kind, detail, null, at);
    }

    @Override
    @Transactional
    public void markNotified(long organisationId, long caseId, Channel channel, String detail) {
        markNotified(organisationId, caseId, channel, detail, clock.instant());
    }

    @Override
    @Transactional
    public void markNotified(long organisationId, long caseId, Channel channel, String detail, Instant at) {
        requireCase(organisationId, caseId);
        jdbc.sql("update subscriber_case set state = 'notified' where organisation_id = ? and id = ? and state = 'open'")
                .params(organisationId, caseId)
                .update();
        event(organisationId, caseId, "notice-sent", detail, channel.code(), at);
    }

    @Override
    @Transactional
    public SubscriberCase acknowledge(long organisationId, long caseId, Instant at, String via) {
        SubscriberCase current = lockCase(organisationId, caseId);
        boolean climbs = current.state() == CaseState.OPEN || current.state() == CaseState.NOTIFIED
                || current.state() == CaseState.REINFECTED;
        boolean first = jdbc.sql("select acknowledged_at is null from subscriber_case where organisation_id = ? and id = ?")
                .params(organisationId, caseId)
                .query(Boolean.class)
                .single();
        jdbc.sql("""
                update subscriber_case set state = ?, acknowledged_at = coalesce(acknowledged_at, ?)
                where organisation_id = ? and id = ?""")
                .params(climbs ? CaseState.ACKNOWLEDGED.code() : current.state().code(), Timestamp.from(at),
                        organisationId, caseId)
                .update();
        // Every visit to the portal acknowledges; the timeline keeps only the ones that changed something.
        if (first || climbs) {
            event(organisationId, caseId, "acknowledged", "by the subscriber (" + via + ")", null, at);
        }
        return find(organisationId, caseId).orElseThrow();
    }

    @Override
    @Transactional
    public SubscriberCase reportFixed(long organisationId, long caseId, Instant at) {
        SubscriberCase current = lockCase(organisationId, caseId);
        if (current.state() == CaseState.FIXED_REPORTED) {
            return current;
        }
        CaseState next = current.state().isOpen() ? CaseState.FIXED_REPORTED : current.state();
        jdbc.sql("update subscriber_case set state = ?, fix_reported_at = ? where organisation_id = ? and id = ?")
                .params(next.code(), Timestamp.from(at), organisationId, caseId)
                .update();
        event(organisationId, caseId, "fix-reported", "by the subscriber on the portal", null, at);
        return find(organisationId, caseId).orElseThrow();
    }

    @Override
    @Transactional
    public SubscriberCase verifyFix(long organisationId, long caseId, Instant at, String evidence) {
        SubscriberCase current = lockCase(organisationId, caseId);
        if (current.state() != CaseState.FIXED_REPORTED) {
            return current;
        }
        jdbc.sql("update subscriber_case set state = 'verified', verified_at = ? where organisation_id = ? and id = ?")
                .params(Timestamp.from(at), organisationId, caseId)
                .update();
        event(organisationId, caseId, CaseState.VERIFIED.code(), evidence, null, at);
        return find(organisationId, caseId).orElseThrow();
    }

    @Override
    @Transactional
    public int closeQuietCases(Instant now) {
        // A system sweep over every organisation; each closed row keeps its own organisation id.
        Instant cutoff = now.minus(quietPeriod);
        record Candidate(long id, long organisationId, Instant lastSeen) {}
        List<Candidate> quiet = jdbc.sql("""
                select id, organisation_id, last_seen from subscriber_case
                where state not in ('closed-unverified', 'verified') and last_seen <= ?
                for update skip locked""")
                .param(Timestamp.from(cutoff))
                .query((rs, i) -> new Candidate(rs.getLong("id"), rs.getLong("organisation_id"),
                        rs.getTimestamp("last_seen").toInstant()))
                .list();
        List<Candidate> closed = new ArrayList<>();
        for (Candidate c : quiet) {
            if (!CaseRules.isQuiet(c.lastSeen(), now, quietPeriod)) {
                continue;
            }
            jdbc.sql("""
                    update subscriber_case set state = 'closed-unverified', closed_at = ?
                    where organisation_id = ? and id = ?""")
                    .params(Timestamp.from(now), c.organisationId(), c.id())
                    .update();
            event(c.organisationId(), c.id(), CaseState.CLOSED_UNVERIFIED.code(),
                    "not seen since " + c.lastSeen() + " (quiet period " + quietPeriod + ")", null, now);
            closed.add(c);
        }
        return closed.size();
    }

    SubscriberCase lockCase(long organisationId, long caseId) {
        return jdbc.sql("select " + CASE_COLUMNS
                        + " from subscriber_case where organisation_id = ? and id = ? for update")
                .params(organisationId, caseId)
                .query(CaseStore::subscriberCase)
                .optional()
                .orElseThrow(() -> new CaseNotFoundException(caseId));
    }

    private void requireCase(long organisationId, long caseId) {
        boolean exists = jdbc.sql("select exists (select 1 from subscriber_case where organisation_id = ? and id = ?)")
                .params(organisationId, caseId)
                .query(Boolean.class)
                .single();
        if (!exists) {
            throw new CaseNotFoundException(caseId);
        }
    }

    /** A timeline entry now, by the clock (so tests that move the clock see a consistent timeline). */
    void event(long organisationId, long caseId, String kind, String detail) {
        event(organisationId, caseId, kind, detail, null, clock.instant());
    }

    void event(long organisationId, long caseId, String kind, String detail, String channel, Instant at) {
        jdbc.sql("insert into case_event (organisation_id, case_id, at, kind, detail, channel) values (?, ?, ?, ?, ?, ?)")
                .params(organisationId, caseId, Timestamp.from(at), kind, detail, channel)
                .update();
    }

    static SubscriberCase subscriberCase(ResultSet rs, int row) throws SQLException {
        return new SubscriberCase(rs.getLong("id"), rs.getString("subscriber_id"),
                ProblemKind.fromCode(rs.getString("kind")), CaseState.fromCode(rs.getString("state")),
                rs.getTimestamp("first_seen").toInstant(), rs.getTimestamp("last_seen").toInstant(),
                rs.getLong("observation_count"), instant(rs, "fix_reported_at"),
                rs.getTimestamp("opened_at").toInstant(), instant(rs, "closed_at"),
                Severity.valueOf(rs.getString("severity").toUpperCase(Locale.ROOT)),
                rs.getBoolean("severity_reported"), rs.getString("device_key"));
    }

    static Optional<Instant> instant(ResultSet rs, String column) throws SQLException {
        return Optional.ofNullable(rs.getTimestamp(column)).map(Timestamp::toInstant);
    }
}
