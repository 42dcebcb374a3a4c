package jp.renkei.server.vendor.psirt.internal;

import jp.renkei.server.notify.OutboundMailSent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The acknowledgement mail reached the reporter's mail server: the report is acknowledged then,
 * in the transaction that marks the mail sent (not when it was queued, which says nothing yet).
 */
@Component
class AcknowledgedOnSend {

    private final ReportStore store;

    AcknowledgedOnSend(ReportStore store) {
        this.store = store;
    }

    @EventListener
    void on(OutboundMailSent sent) {
        if (!sent.dedupKey().startsWith(ReportDesk.ACK_KEY)) {
            return;
        }
        long reportId = Long.parseLong(sent.dedupKey().substring(ReportDesk.ACK_KEY.length()));
        if (store.mark(sent.organisationId(), reportId, "acknowledged_at", sent.sentAt())) {
            store.event(sent.organisationId(), reportId, "acknowledged", "system", "acknowledgement mail sent to the reporter");
        }
    }
}
