package jp.renkei.server.notify.internal;

import java.util.List;

import jp.renkei.server.cases.CaseNotice;
import jp.renkei.server.cases.CaseNotices;
import org.springframework.stereotype.Component;

/** The cases module's view of a case's notices, read from the outbox. */
@Component
class OutboxCaseNotices implements CaseNotices {

    private final OutboxStore outbox;

    OutboxCaseNotices(OutboxStore outbox) {
        this.outbox = outbox;
    }

    @Override
    public List<CaseNotice> forCase(long organisationId, long caseId) {
        return outbox.forCase(organisationId, caseId);
    }
}
