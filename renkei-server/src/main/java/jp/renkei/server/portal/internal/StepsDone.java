package jp.renkei.server.portal.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;

import jp.renkei.server.cases.CaseManagement;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The steps a subscriber ticked as done on the portal, per case; each tick is also on the case's timeline. */
@Repository
public class StepsDone {

    private final JdbcClient jdbc;
    private final CaseManagement cases;

    StepsDone(JdbcClient jdbc, CaseManagement cases) {
        this.jdbc = jdbc;
        this.cases = cases;
    }

    /** The numbers (1-based) of the steps ticked on the case. */
    public Set<Integer> of(long organisationId, long caseId) {
        return new TreeSet<>(jdbc.sql("select step from portal_step_done where organisation_id = ? and case_id = ?")
                .params(organisationId, caseId)
                .query(Integer.class)
                .list());
    }

    /**
     * Ticks the step and records {@code step-done} on the timeline, once: ticking a ticked step
     * changes nothing.
     *
     * @return whether the step was newly ticked
     */
    @Transactional
    public boolean tick(long organisationId, long caseId, int step, String text, Instant at) {
        int stored = jdbc.sql("""
                insert into portal_step_done (organisation_id, case_id, step, step_text, done_at) values (?, ?, ?, ?, ?)
                on conflict do nothing""")
                .params(organisationId, caseId, step, text, Timestamp.from(at))
                .update();
        if (stored == 1) {
            cases.recordEvent(organisationId, caseId, "step-done", "step " + step + ": " + text);
        }
        return stored == 1;
    }
}
