package jp.renkei.server.cases.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import jp.renkei.core.cases.CaseRules;
import jp.renkei.server.intake.ReportImported;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Verifies reported fixes by report cycles: every completed report of a feed is one cycle for the
 * cases that feed has shown (per report type). For a case whose subscriber reported a fix, a
 * report that completed after the fix report, covers scans after it and does not show the device
 * is a clean cycle; {@code renkei.cases.verify-cycles} clean cycles of one feed verify the fix.
 * A sighting after the fix report never reaches here as clean: it has already made the case
 * reinfected (see {@code ObservationsToCases}). Cases never reported fixed collect no cycles;
 * they end as closed-unverified when quiet (natural remediation), since silence is not proof.
 */
@Component
class FixVerifier {

    private static final Logger log = LoggerFactory.getLogger(FixVerifier.class);

    private record Candidate(long caseId, Instant fixReportedAt, Instant lastSeenInFeed) {}

    private final JdbcClient jdbc;
    private final CaseStore cases;
    private final TransactionTemplate transaction;
    private final int requiredCycles;

    FixVerifier(JdbcClient jdbc, CaseStore cases, TransactionTemplate transaction,
            @Value("${renkei.cases.verify-cycles:2}") int requiredCycles) {
        this.transaction = transaction;
        if (requiredCycles < 1) {
            throw new IllegalArgumentException("renkei.cases.verify-cycles must be at least 1, not " + requiredCycles);
        }
        this.jdbc = jdbc;
        this.cases = cases;
        this.requiredCycles = requiredCycles;
    }

    /**
     * One completed report. A file that stored nothing new (empty, or taken in before) is no new
     * report and counts for nobody: a broken or repeated delivery must not verify a fix. The
     * import is committed by now; a failure here is logged and costs at most this one cycle (the
     * next report counts again), rather than reporting a stored import as failed.
     */
    @EventListener
    void on(ReportImported report) {
        if (report.newObservations() == 0) {
            return;
        }
        try {
            transaction.executeWithoutResult(status -> count(report));
        } catch (RuntimeException e) {
            log.error("Report run {} of feed {} was not counted as a report cycle for verification",
                    report.importRunId(), report.feed(), e);
        }
    }

    private void count(ReportImported report) {
        for (String type : report.reportTypes()) {
            for (Candidate c : candidates(report, type)) {
                // The source's latest sighting inside this report's time span: the report shows the device.
                boolean inReport = !c.lastSeenInFeed().isBefore(report.earliestSeen());
                if (CaseRules.isCleanCycle(c.fixReportedAt(), report.completedAt(), report.latestSeen(), inReport)) {
                    countCleanCycle(report, type, c);
                }
            }
        }
    }

    private List<Candidate> candidates(ReportImported report, String type) {
        return jdbc.sql("""
                select c.id, c.fix_reported_at, s.last_seen
                from subscriber_case c
                join case_report_source s on s.organisation_id = c.organisation_id and s.case_id = c.id
                where c.organisation_id = ? and c.state = 'fixed-reported' and s.feed = ? and s.report_type = ?
                order by c.id
                for update of c""")
                .params(report.organisationId(), report.feed(), type)
                .query((rs, i) -> new Candidate(rs.getLong(1), rs.getTimestamp(2).toInstant(),
                        rs.getTimestamp(3).toInstant()))
                .list();
    }

    private void countCleanCycle(ReportImported report, String type, Candidate c) {
        long org = report.organisationId();
        int added = jdbc.sql("""
                insert into case_clean_cycle (organisation_id, case_id, feed, report_type, import_run_id, completed_at)
                values (?, ?, ?, ?, ?, ?) on conflict do nothing""")
                .params(org, c.caseId(), report.feed(), type, report.importRunId(), Timestamp.from(report.completedAt()))
                .update();
        if (added == 0) {
            return;
        }
        // Only cycles since the latest fix report count: a reinfected case reported fixed again starts over.
        int clean = jdbc.sql("""
                select count(*) from case_clean_cycle
                where organisation_id = ? and case_id = ? and feed = ? and report_type = ? and completed_at > ?""")
                .params(org, c.caseId(), report.feed(), type, Timestamp.from(c.fixReportedAt()))
                .query(Integer.class)
                .single();
        String source = "feed " + report.feed() + " (" + type + ")";
        cases.event(org, c.caseId(), "clean-report", "not seen in report run " + report.importRunId() + " of "
                + source + ": " + clean + " of " + requiredCycles, null, report.completedAt());
        if (CaseRules.isVerified(clean, requiredCycles)) {
            cases.verifyFix(org, c.caseId(), report.completedAt(), "not seen in " + clean + " reports of " + source
                    + " since the fix report at " + c.fixReportedAt());
        }
    }
}
