package jp.renkei.server.cases;

import java.time.Instant;
import java.util.Optional;

import jp.renkei.core.cases.CaseState;
import jp.renkei.core.intake.ProblemKind;
import jp.renkei.core.intake.Severity;

/**
 * One case as listed: whose device, which problem, where it stands, when it was seen, and how
 * severe it is: the worst severity its reports gave ({@code severityReported}) or, when none gave
 * one, the problem kind's default.
 */
public record SubscriberCase(long id, String subscriberId, ProblemKind kind, CaseState state,
        Instant firstSeen, Instant lastSeen, long observationCount, Optional<Instant> fixReportedAt,
        Instant openedAt, Optional<Instant> closedAt, Severity severity, boolean severityReported) {}
