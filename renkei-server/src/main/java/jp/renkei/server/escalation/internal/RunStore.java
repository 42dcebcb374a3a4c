package jp.renkei.server.escalation.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jp.renkei.core.escalation.Channel;
import jp.renkei.core.escalation.StepRef;
import jp.renkei.server.escalation.CaseLadderRun;
import jp.renkei.server.escalation.HandledStep;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Runs and their handled steps over JDBC. Statements about one case filter by organisation; the
 * scheduler's scans cross organisations and every row they return keeps its own.
 */
@Component
class RunStore {

    /** A run as the scheduler works on it. */
    record Run(long id, long organisationId, long caseId, int run, long ladderId, String subscriberId,
            Optional<String> experiment, Optional<String> arm, Instant startedAt, boolean finished) {
    }

    /** A run to look at now. */
    record Due(long id, long organisationId) {
    }

    private static final String RUN_COLUMNS = """
            id, organisation_id, case_id, run, ladder_id, subscriber_id, experiment, arm, started_at, finished_at""";

    private final JdbcClient jdbc;

    RunStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Starts the run, to be looked at at once; empty when the case already has this run. */
    Optional<Long> start(long organisationId, long caseId, int run, long ladderId, String subscriberId,
            Optional<String> experiment, Optional<String> arm, Instant startedAt) {
        return jdbc.sql("""
                insert into case_ladder_run (organisation_id, case_id, run, ladder_id, subscriber_id, experiment, arm,
                    started_at, next_check_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (case_id, run) do nothing
                returning id""")
                .params(organisationId, caseId, run, ladderId, subscriberId, experiment.orElse(null), arm.orElse(null),
                        Timestamp.from(startedAt), Timestamp.from(startedAt))
                .query(Long.class)
                .optional();
    }

    /** Unfinished runs whose next check is due, across organisations, soonest first. */
    List<Due> due(Instant now, int limit) {
        return jdbc.sql("""
                select id, organisation_id from case_ladder_run
                where finished_at is null and next_check_at <= ? order by next_check_at, id limit ?""")
                .params(Timestamp.from(now), limit)
                .query((rs, i) -> new Due(rs.getLong("id"), rs.getLong("organisation_id")))
                .list();
    }

    /**
     * Locks the unfinished run for this transaction; empty when it finished or another transaction
     * holds it (that one is handling the case right now).
     */
    Optional<Run> lock(long organisationId, long runId) {
        return jdbc.sql("select " + RUN_COLUMNS + """
                 from case_ladder_run where organisation_id = ? and id = ? and finished_at is null
                for update skip locked""")
                .params(organisationId, runId)
                .query(RunStore::run)
                .optional();
    }

    /** The case's latest run, finished or not, unlocked; empty when it has none. */
    Optional<Run> latest(long organisationId, long caseId) {
        return jdbc.sql("select " + RUN_COLUMNS
                + " from case_ladder_run where organisation_id = ? and case_id = ? order by run desc limit 1")
                .params(organisationId, caseId)
                .query(RunStore::run)
                .optional();
    }

    /** The case's latest run number, 0 when it has none. */
    int latestRun(long organisationId, long caseId) {
        return jdbc.sql("select coalesce(max(run), 0) from case_ladder_run where organisation_id = ? and case_id = ?")
                .params(organisationId, caseId)
                .query(Integer.class)
                .single();
    }

    Set<StepRef> handled(long organisationId, long runId) {
        return jdbc.sql("select step from case_ladder_step where organisation_id = ? and run_id = ?")
                .params(organisationId, runId)
                .query(String.class)
                .list()
                .stream()
                .map(StepRef::parse)
                .collect(Collectors.toSet());
    }

    /** Records the step as handled; the unique key refuses a second record of the same step. */
    void recordStep(Run run, StepRef step, Channel channel, boolean sent, Optional<String> reason, Instant dueAt,
            Instant handledAt) {
        jdbc.sql("""
                insert into case_ladder_step (organisation_id, run_id, case_id, step, outcome, channel, reason, due_at,
                    handled_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(run.organisationId(), run.id(), run.caseId(), step.code(), sent ? "sent" : "skipped",
                        channel.code(), reason.orElse(null), Timestamp.from(dueAt), Timestamp.from(handledAt))
                .update();
    }

    void checkAgainAt(Run run, Instant at) {
        jdbc.sql("update case_ladder_run set next_check_at = ? where organisation_id = ? and id = ?")
                .params(Timestamp.from(at), run.organisationId(), run.id())
                .update();
    }

    void finish(Run run, String reason, Instant at) {
        jdbc.sql("""
                update case_ladder_run set finished_at = ?, stop_reason = ?
                where organisation_id = ? and id = ? and finished_at is null""")
                .params(Timestamp.from(at), reason, run.organisationId(), run.id())
                .update();
    }

    List<CaseLadderRun> runs(long organisationId, long caseId) {
        return jdbc.sql("""
                select r.case_id, r.run, l.name, l.version, r.experiment, r.arm, r.started_at, r.finished_at, r.stop_reason
                from case_ladder_run r join ladder l on l.id = r.ladder_id and l.organisation_id = r.organisation_id
                where r.organisation_id = ? and r.case_id = ? order by r.run""")
                .params(organisationId, caseId)
                .query((rs, i) -> new CaseLadderRun(rs.getLong("case_id"), rs.getInt("run"), rs.getString("name"),
                        rs.getInt("version"), Optional.ofNullable(rs.getString("experiment")),
                        Optional.ofNullable(rs.getString("arm")), rs.getTimestamp("started_at").toInstant(),
                        Optional.ofNullable(rs.getTimestamp("finished_at")).map(Timestamp::toInstant),
                        Optional.ofNullable(rs.getString("stop_reason"))))
                .list();
    }

    List<HandledStep> steps(long organisationId, long caseId) {
        return jdbc.sql("""
                select r.run, s.step, s.channel, s.outcome, s.reason, s.due_at, s.handled_at
                from case_ladder_step s join case_ladder_run r on r.id = s.run_id and r.organisation_id = s.organisation_id
                where s.organisation_id = ? and s.case_id = ? order by s.id""")
                .params(organisationId, caseId)
                .query((rs, i) -> new HandledStep(rs.getInt("run"), rs.getString("step"),
                        Channel.fromCode(rs.getString("channel")).orElseThrow(), rs.getString("outcome").equals("sent"),
                        Optional.ofNullable(rs.getString("reason")), rs.getTimestamp("due_at").toInstant(),
                        rs.getTimestamp("handled_at").toInstant()))
                .list();
    }

    private static Run run(ResultSet rs, int i) throws SQLException {
        return new Run(rs.getLong("id"), rs.getLong("organisation_id"), rs.getLong("case_id"), rs.getInt("run"),
                rs.getLong("ladder_id"), rs.getString("subscriber_id"), Optional.ofNullable(rs.getString("experiment")),
                Optional.ofNullable(rs.getString("arm")), rs.getTimestamp("started_at").toInstant(),
                rs.getTimestamp("finished_at") != null);
    }
}
