package jp.renkei.server.intake;

import java.time.Instant;
import java.util.Optional;

import jp.renkei.core.intake.ProblemKind;

/**
 * One new observation and the subscriber it was attributed to, if any, with the feed and report
 * type it came in (empty when unknown), so cases know which reports can later verify a fix.
 */
public record RecordedObservation(long observationId, ProblemKind kind, Instant sourceTime, String ip,
        Optional<String> subscriberId, String feed, String reportType) {

    /** An observation whose feed and report type are not known (they define no report cycle). */
    public RecordedObservation(long observationId, ProblemKind kind, Instant sourceTime, String ip,
            Optional<String> subscriberId) {
        this(observationId, kind, sourceTime, ip, subscriberId, "", "");
    }
}
