package jp.renkei.server.cases;

import jp.renkei.core.intake.ProblemKind;

/** A subscriber's device got a new case; published inside the transaction that opened it. */
public record CaseOpened(long organisationId, long caseId, String subscriberId, ProblemKind kind) {}
