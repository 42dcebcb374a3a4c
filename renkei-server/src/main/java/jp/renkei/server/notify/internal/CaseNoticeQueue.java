package jp.renkei.server.notify.internal;

import java.util.Optional;

import jp.renkei.core.Language;
import jp.renkei.core.escalation.Channel;
import jp.renkei.core.portal.AccessCode;
import jp.renkei.server.cases.CaseManagement;
import jp.renkei.server.cases.SubscriberCase;
import jp.renkei.server.notify.NoticeRequestOutcome;
import jp.renkei.server.notify.NoticeRequests;
import jp.renkei.server.platform.Accounts;
import jp.renkei.server.portal.PortalAccess;
import jp.renkei.server.subscribers.Subscriber;
import jp.renkei.server.subscribers.SubscriberDirectory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** {@link NoticeRequests} over the outbox. E-mail is composed here; other channels are not configured yet. */
@Component
class CaseNoticeQueue implements NoticeRequests {

    private final OutboxStore outbox;
    private final SubscriberDirectory directory;
    private final PortalAccess portal;
    private final CaseManagement cases;
    private final NoticeComposer composer;
    private final Accounts accounts;
    private final ApplicationEventPublisher events;

    CaseNoticeQueue(OutboxStore outbox, SubscriberDirectory directory, PortalAccess portal, CaseManagement cases,
            NoticeComposer composer, Accounts accounts, ApplicationEventPublisher events) {
        this.outbox = outbox;
        this.directory = directory;
        this.portal = portal;
        this.cases = cases;
        this.composer = composer;
        this.accounts = accounts;
        this.events = events;
    }

    @Override
    @Transactional
    public NoticeRequestOutcome queue(long organisationId, long caseId, Channel channel, String step) {
        if (outbox.exists(organisationId, caseId, channel.code(), step)) {
            return new NoticeRequestOutcome.AlreadyQueued();
        }
        SubscriberCase c = cases.find(organisationId, caseId).orElseThrow();
        Optional<Subscriber> subscriber = directory.find(organisationId, c.subscriberId(), "system",
                channel.code() + " notice " + step + " for case " + caseId);
        if (subscriber.isEmpty()) {
            return unreachable(organisationId, caseId, channel, step, Language.JA, "subscriber " + c.subscriberId()
                    + " is not in the subscriber directory; import it, then notify by another channel");
        }
        Subscriber s = subscriber.get();
        if (channel != Channel.EMAIL) {
            return unreachable(organisationId, caseId, channel, step, s.language(),
                    channel.code() + " is not configured for this ISP");
        }
        if (s.email() == null || s.email().isBlank()) {
            return unreachable(organisationId, caseId, channel, step, s.language(),
                    "subscriber has no e-mail address; notify by another channel (letter, phone)");
        }
        AccessCode code = portal.issue(organisationId, caseId);
        ComposedNotice notice = composer.firstNotice(s.language(), accounts.organisationName(organisationId), s.name(),
                c, cases.device(organisationId, caseId), code);
        Optional<Long> id = outbox.insert(organisationId, caseId, channel.code(), step, s.email().strip(), notice,
                "pending", null);
        if (id.isEmpty()) {
            return new NoticeRequestOutcome.AlreadyQueued();
        }
        cases.recordEvent(organisationId, caseId, "notice-queued",
                channel.code() + " " + step + " (" + notice.language().code() + ")");
        events.publishEvent(new NoticeQueued(organisationId, id.get()));
        return new NoticeRequestOutcome.Queued(id.get());
    }

    private NoticeRequestOutcome unreachable(long organisationId, long caseId, Channel channel, String step,
            Language language, String reason) {
        outbox.insert(organisationId, caseId, channel.code(), step, "", new ComposedNotice(language, "", ""), "failed",
                reason).ifPresent(id -> cases.recordEvent(organisationId, caseId, "notice-failed",
                        channel.code() + " " + step + ": " + reason));
        return new NoticeRequestOutcome.Unreachable(reason);
    }
}
