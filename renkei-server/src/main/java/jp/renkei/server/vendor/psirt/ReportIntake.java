package jp.renkei.server.vendor.psirt;

import java.util.List;

/** What became of a submitted report. */
public sealed interface ReportIntake {

    /**
     * The report is stored (or, for a repeated external id, was stored before: {@code created} false).
     * {@code acknowledgementQueued} tells whether an acknowledgement mail went into the outbox.
     */
    record Accepted(VulnerabilityReport report, boolean created, boolean acknowledgementQueued) implements ReportIntake {}

    /** Nothing was stored; every problem found is listed. */
    record Rejected(List<Problem> problems) implements ReportIntake {}
}
