package jp.renkei.server.notify.internal;

import java.util.Optional;

import jp.renkei.server.platform.Accounts;
import jp.renkei.core.Language;
import jp.renkei.core.portal.AccessCode;
import jp.renkei.server.cases.CaseManagement;
import jp.renkei.server.cases.CaseOpened;
import jp.renkei.server.cases.SubscriberCase;
import jp.renkei.server.portal.PortalAccess;
import jp.renkei.server.subscribers.Subscriber;
import jp.renkei.server.subscribers.SubscriberDirectory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Queues the first notice of a new case, in the transaction that opened it: either the case and
 * its pending notice are both committed, or neither is. Sending happens later, from the outbox.
 */
@Component
class FirstNotice {

    private final OutboxStore outbox;
    private final SubscriberDirectory directory;
    private final PortalAccess portal;
    private final CaseManagement cases;
    private final NoticeComposer composer;
    private final Accounts accounts;
    private final ApplicationEventPublisher events;

    FirstNotice(OutboxStore outbox, SubscriberDirectory directory, PortalAccess portal, CaseManagement cases,
            NoticeComposer composer, Accounts accounts, ApplicationEventPublisher events) {
        this.outbox = outbox;
        this.directory = directory;
        this.portal = portal;
        this.cases = cases;
        this.composer = composer;
        this.accounts = accounts;
        this.events = events;
    }

    @EventListener
    void on(CaseOpened opened) {
        long org = opened.organisationId();
        long caseId = opened.caseId();
        if (outbox.hasFirstNotice(org, caseId)) {
            return;
        }
        Optional<Subscriber> subscriber = directory.find(org, opened.subscriberId(), "system",
                "first notice for case " + caseId);
        if (subscriber.isEmpty()) {
            fail(org, caseId, "", Language.JA, "subscriber " + opened.subscriberId()
                    + " is not in the subscriber directory; import it, then notify by another channel");
            return;
        }
        Subscriber s = subscriber.get();
        if (s.email() == null || s.email().isBlank()) {
            fail(org, caseId, "", s.language(), "subscriber has no e-mail address; notify by another channel (letter, phone)");
            return;
        }
        SubscriberCase c = cases.find(org, caseId).orElseThrow();
        AccessCode code = portal.issue(org, caseId);
        ComposedNotice notice = composer.firstNotice(s.language(), accounts.organisationName(org), s.name(), c, cases.device(org, caseId), code);
        outbox.insertPending(org, caseId, s.email().strip(), notice).ifPresent(id -> {
            cases.recordEvent(org, caseId, "notice-queued", "email first-notice (" + notice.language().code() + ")");
            events.publishEvent(new NoticeQueued(org, id));
        });
    }

    private void fail(long org, long caseId, String recipient, Language language, String reason) {
        outbox.insertFailed(org, caseId, recipient, new ComposedNotice(language, "", ""), reason)
                .ifPresent(id -> cases.recordEvent(org, caseId, "notice-failed", reason));
    }
}
