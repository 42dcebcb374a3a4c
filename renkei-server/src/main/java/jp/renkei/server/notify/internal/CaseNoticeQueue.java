package jp.renkei.server.notify.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;

import jp.renkei.core.Language;
import jp.renkei.core.escalation.Channel;
import jp.renkei.core.escalation.Contacts;
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

/**
 * {@link NoticeRequests} over the outbox, for every notice channel: checks that the ISP set the
 * channel up and that the subscriber has an address on it, composes the channel's text once, and
 * stores it as pending. E-mail, SMS and LINE are then sent by the dispatcher; letters wait for
 * the next letter batch and call-list entries for support staff.
 */
@Component
class CaseNoticeQueue implements NoticeRequests {

    private final OutboxStore outbox;
    private final SubscriberDirectory directory;
    private final PortalAccess portal;
    private final CaseManagement cases;
    private final NoticeComposer composer;
    private final ChannelSettingsStore settings;
    private final Accounts accounts;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CaseNoticeQueue(OutboxStore outbox, SubscriberDirectory directory, PortalAccess portal, CaseManagement cases,
            NoticeComposer composer, ChannelSettingsStore settings, Accounts accounts, ApplicationEventPublisher events,
            Clock clock) {
        this.outbox = outbox;
        this.directory = directory;
        this.portal = portal;
        this.cases = cases;
        this.composer = composer;
        this.settings = settings;
        this.accounts = accounts;
        this.events = events;
        this.clock = clock;
    }

    @Override
    @Transactional
    public NoticeRequestOutcome queue(long organisationId, long caseId, Channel channel, String step) {
        if (channel == Channel.WALLED_GARDEN) {
            throw new IllegalArgumentException("channel: walled-garden is a quarantine, not a notice");
        }
        if (outbox.exists(organisationId, caseId, channel.code(), step)) {
            return new NoticeRequestOutcome.AlreadyQueued();
        }
        SubscriberCase c = cases.find(organisationId, caseId).orElseThrow();
        String purpose = channel.code() + " notice " + step + " for case " + caseId;
        Optional<Subscriber> subscriber = directory.find(organisationId, c.subscriberId(), "system", purpose);
        if (subscriber.isEmpty()) {
            return unreachable(organisationId, caseId, channel, step, Language.JA, "subscriber " + c.subscriberId()
                    + " is not in the subscriber directory; import it, then notify by another channel");
        }
        Subscriber s = subscriber.get();
        ChannelSettings configured = settings.find(organisationId);
        if (!configuredFor(channel, configured)) {
            return unreachable(organisationId, caseId, channel, step, s.language(),
                    channel.code() + " is not configured for this ISP");
        }
        Optional<String> address = directory.contacts(organisationId, c.subscriberId(), "system", purpose)
                .orElse(Contacts.none()).addressFor(channel);
        if (address.isEmpty()) {
            return unreachable(organisationId, caseId, channel, step, s.language(),
                    "subscriber has no " + missing(channel) + " on record; notify by another channel");
        }
        AccessCode code = portal.issue(organisationId, caseId);
        NoticeFacts facts = composer.facts(organisationId, s.language(), accounts.organisationName(organisationId),
                s.name(), c, cases.device(organisationId, caseId), code);
        ComposedNotice notice = compose(channel, facts, address.get(), configured);
        Optional<Long> id = outbox.insert(organisationId, caseId, channel.code(), step, address.get(), notice,
                "pending", null);
        if (id.isEmpty()) {
            return new NoticeRequestOutcome.AlreadyQueued();
        }
        cases.recordEvent(organisationId, caseId, "notice-queued",
                channel.code() + " " + step + " (" + notice.language().code() + ")");
        if (NoticeRoutes.dispatched(channel)) {
            events.publishEvent(new NoticeQueued(organisationId, id.get()));
        }
        return new NoticeRequestOutcome.Queued(id.get());
    }

    private ComposedNotice compose(Channel channel, NoticeFacts facts, String address, ChannelSettings configured) {
        switch (channel) {
            case SMS:
                return ShortNotices.sms(facts);
            case LINE:
                return ShortNotices.line(facts);
            case LETTER:
                return LetterComposer.letter(facts, address, configured.letterSender(),
                        LocalDate.ofInstant(clock.instant(), facts.zone()));
            case CALL_LIST:
                return CallListComposer.entry(facts, address);
            default:
                return composer.email(facts);
        }
    }

    private static boolean configuredFor(Channel channel, ChannelSettings s) {
        switch (channel) {
            case SMS:
                return s.smsConfigured();
            case LINE:
                return s.lineConfigured();
            case LETTER:
                return s.letterConfigured();
            default:
                return true;
        }
    }

    private static String missing(Channel channel) {
        switch (channel) {
            case EMAIL:
                return "e-mail address";
            case LINE:
                return "LINE user id";
            case LETTER:
                return "postal address";
            default:
                return "phone number";
        }
    }

    private NoticeRequestOutcome unreachable(long organisationId, long caseId, Channel channel, String step,
            Language language, String reason) {
        outbox.insert(organisationId, caseId, channel.code(), step, "", new ComposedNotice(language, "", ""), "failed",
                reason).ifPresent(id -> cases.recordEvent(organisationId, caseId, "notice-failed",
                        channel.code() + " " + step + ": " + reason));
        return new NoticeRequestOutcome.Unreachable(reason);
    }
}
