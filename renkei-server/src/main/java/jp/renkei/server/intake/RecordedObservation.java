package jp.renkei.server.intake;

import java.time.Instant;
import java.util.Optional;

import jp.renkei.core.intake.ProblemKind;
import jp.renkei.core.intake.Severity;

/**
 * One new observation and the subscriber it was attributed to, if any, with the feed and report
 * type it came in (empty when unknown), so cases know which reports can later verify a fix, the
 * severity the report gave (empty when it gave none), so a case can take the worst of its reports,
 * and the device vendor and model the report named (empty when it named none), so two devices of
 * one subscriber with the same problem are two cases.
 */
public record RecordedObservation(long observationId, ProblemKind kind, Instant sourceTime, String ip,
        Optional<String> subscriberId, String feed, String reportType, Optional<Severity> severity,
        Optional<String> deviceVendor, Optional<String> deviceModel) {

    /** An observation whose report named no device. */
    public RecordedObservation(long observationId, ProblemKind kind, Instant sourceTime, String ip,
            Optional<String> subscriberId, String feed, String reportType, Optional<Severity> severity) {
        this(observationId, kind, sourceTime, ip, subscriberId, feed, reportType, severity, Optional.empty(),
                Optional.empty());
    }

    /** An observation whose report gave no severity. */
    public RecordedObservation(long observationId, ProblemKind kind, Instant sourceTime, String ip,
            Optional<String> subscriberId, String feed, String reportType) {
        this(observationId, kind, sourceTime, ip, subscriberId, feed, reportType, Optional.empty());
    }

    /** An observation whose feed and report type are not known (they define no report cycle). */
    public RecordedObservation(long observationId, ProblemKind kind, Instant sourceTime, String ip,
            Optional<String> subscriberId) {
        this(observationId, kind, sourceTime, ip, subscriberId, "", "");
    }
}
