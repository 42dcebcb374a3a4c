package jp.renkei.server.cases;

import java.util.Optional;

import jp.renkei.core.cases.CaseState;
import jp.renkei.core.intake.ProblemKind;

/** Which cases to list; an empty part matches every case. */
public record CaseFilter(Optional<CaseState> state, Optional<ProblemKind> kind, Optional<String> subscriberId) {

    /** Every case of the organisation. */
    public static CaseFilter all() {
        return new CaseFilter(Optional.empty(), Optional.empty(), Optional.empty());
    }
}
