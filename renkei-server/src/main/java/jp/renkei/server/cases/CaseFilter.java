package jp.renkei.server.cases;

import java.util.Optional;

import jp.renkei.core.cases.CaseState;
import jp.renkei.core.intake.ProblemKind;

/**
 * Which cases to list; an empty part matches every case. {@code fixReported} tells closed cases
 * apart: closed unverified without a fix report is natural remediation.
 */
public record CaseFilter(Optional<CaseState> state, Optional<ProblemKind> kind, Optional<String> subscriberId,
        Optional<Boolean> fixReported) {

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
}
