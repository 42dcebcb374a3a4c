package jp.renkei.server.cases;

import java.time.Instant;
import java.util.Optional;

import jp.renkei.core.cases.CaseState;
import jp.renkei.core.intake.ProblemKind;
import jp.renkei.core.intake.Severity;

/**
 * One case as listed: whose device, which problem, where it stands, when it was seen, and how
 * severe it is: the worst severity its reports gave ({@code severityReported}) or, when none gave
 * one, the problem kind's default. {@code deviceKey} is the device its reports named, as core
 * {@code CaseRules.deviceKey} normalises it ({@code ""} while no report named one): one subscriber
 * has one case per problem and device.
 */
public record SubscriberCase(long id, String subscriberId, ProblemKind kind, CaseState state,
        Instant firstSeen, Instant lastSeen, long observationCount, Optional<Instant> fixReportedAt,
        Instant openedAt, Optional<Instant> closedAt, Severity severity, boolean severityReported,
        String deviceKey) {

    /** A case no report named the device of. */
    public SubscriberCase(long id, String subscriberId, ProblemKind kind, CaseState state,
            Instant firstSeen, Instant lastSeen, long observationCount, Optional<Instant> fixReportedAt,
            Instant openedAt, Optional<Instant> closedAt, Severity severity, boolean severityReported) {
        this(id, subscriberId, kind, state, firstSeen, lastSeen, observationCount, fixReportedAt, openedAt,
                closedAt, severity, severityReported, "");
    }

    /** Whether a report named the case's device. */
    public boolean deviceKnown() {
        return !deviceKey.isEmpty();
    }
}
