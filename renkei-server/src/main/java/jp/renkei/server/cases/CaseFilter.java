package jp.renkei.server.cases;

import java.util.Optional;

import jp.renkei.core.cases.CaseState;
import jp.renkei.core.intake.ProblemKind;
import jp.renkei.core.intake.Severity;

/**
 * Which cases to list and in which order; an empty part matches every case. {@code fixReported}
 * tells closed cases apart: closed unverified without a fix report is natural remediation.
 * {@code severestFirst} lists critical cases first (then the most recently seen), instead of the
 * most recently seen first.
 */
public record CaseFilter(Optional<CaseState> state, Optional<ProblemKind> kind, Optional<String> subscriberId,
        Optional<Boolean> fixReported, Optional<Severity> severity, boolean severestFirst) {

    /** By state, problem, subscriber and fix report, any severity, most recently seen first. */
    public CaseFilter(Optional<CaseState> state, Optional<ProblemKind> kind, Optional<String> subscriberId,
            Optional<Boolean> fixReported) {
        this(state, kind, subscriberId, fixReported, Optional.empty(), false);
    }

    /** By state, problem and subscriber, whether or not a fix was reported. */
    public CaseFilter(Optional<CaseState> state, Optional<ProblemKind> kind, Optional<String> subscriberId) {
        this(state, kind, subscriberId, Optional.empty());
    }

    /** Every case of the organisation. */
    public static CaseFilter all() {
        return new CaseFilter(Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** Natural remediation: closed unverified, never reported fixed. */
    public static CaseFilter naturalRemediation() {
        return new CaseFilter(Optional.of(CaseState.CLOSED_UNVERIFIED), Optional.empty(), Optional.empty(),
                Optional.of(false));
    }

    /** The same filter, listing only cases of this severity. */
    public CaseFilter withSeverity(Severity only) {
        return new CaseFilter(state, kind, subscriberId, fixReported, Optional.of(only), severestFirst);
    }

    /** The same filter, the most severe cases first. */
    public CaseFilter orderedBySeverity() {
        return new CaseFilter(state, kind, subscriberId, fixReported, severity, true);
    }
}
