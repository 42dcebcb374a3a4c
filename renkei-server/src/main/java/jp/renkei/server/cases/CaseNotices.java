package jp.renkei.server.cases;

import java.util.List;

/** Port: the notices sent or queued for a case. Implemented by the notify module, which depends on cases. */
public interface CaseNotices {

    /** The case's notices, oldest first; empty for a case of another organisation. */
    List<CaseNotice> forCase(long organisationId, long caseId);
}
