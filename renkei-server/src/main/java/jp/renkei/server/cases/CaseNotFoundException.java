package jp.renkei.server.cases;

/** No case with this id in the caller's organisation (another organisation's case looks the same). */
public class CaseNotFoundException extends RuntimeException {

    public CaseNotFoundException(long caseId) {
        super("no case " + caseId);
    }
}
