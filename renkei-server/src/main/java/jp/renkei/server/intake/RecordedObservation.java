package jp.renkei.server.intake;

import java.time.Instant;
import java.util.Optional;

import jp.renkei.core.intake.ProblemKind;

/** One new observation and the subscriber it was attributed to, if any. */
public record RecordedObservation(long observationId, ProblemKind kind, Instant sourceTime, String ip,
        Optional<String> subscriberId) {}
