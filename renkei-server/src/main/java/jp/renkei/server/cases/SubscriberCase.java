package jp.renkei.server.cases;

import java.time.Instant;
import java.util.Optional;

import jp.renkei.core.cases.CaseState;
import jp.renkei.core.intake.ProblemKind;

/** One case as listed: whose device, which problem, where it stands, and when it was seen. */
public record SubscriberCase(long id, String subscriberId, ProblemKind kind, CaseState state,
        Instant firstSeen, Instant lastSeen, long observationCount, Optional<Instant> fixReportedAt,
        Instant openedAt, Optional<Instant> closedAt) {}
