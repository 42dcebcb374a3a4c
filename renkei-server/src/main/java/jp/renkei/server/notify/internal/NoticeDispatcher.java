package jp.renkei.server.notify.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.annotation.PreDestroy;
import jakarta.mail.MessagingException;
import jp.renkei.core.escalation.Channel;
import jp.renkei.server.cases.CaseManagement;
import jp.renkei.server.notify.NoticeDispatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Sends the outbox's e-mail, SMS and LINE notices. Each notice is claimed with {@code for update
 * skip locked}, handed to its channel, and marked {@code sent} in one transaction, so no two
 * dispatchers send it and a crash before the send leaves it pending for the next run. The one
 * window left, a crash after the server accepted it but before the commit, resends it with the
 * same identity (Message-ID, gateway reference, LINE retry key), which lets the receiving side
 * drop the duplicate. Letters and call-list entries are not sent here: they wait for staff.
 */
@Component
class NoticeDispatcher implements NoticeDispatch {

    private static final Logger log = LoggerFactory.getLogger(NoticeDispatcher.class);
    // Every dispatched channel but e-mail: they still go out while no SMTP server is configured.
    private static final List<String> WITHOUT_SMTP = NoticeRoutes.DISPATCHED.stream()
            .filter(code -> !code.equals(Channel.EMAIL.code())).toList();

    private final OutboxStore outbox;
    private final CaseManagement cases;
    private final SmtpDelivery smtp;
    private final ChannelSettingsStore settings;
    private final SmsGateway sms;
    private final LinePush line;
    private final DispatchNudge nudges;

    NoticeDispatcher(OutboxStore outbox, CaseManagement cases, SmtpDelivery smtp, ChannelSettingsStore settings,
            SmsGateway sms, LinePush line) {
        this.outbox = outbox;
        this.cases = cases;
        this.smtp = smtp;
        this.settings = settings;
        this.sms = sms;
        this.line = line;
        this.nudges = new DispatchNudge("renkei-outbox", this::dispatchDue);
    }

    @Scheduled(initialDelayString = "PT1S", fixedDelayString = "${renkei.outbox.poll-interval:PT5S}")
    void poll() {
        dispatchDue();
    }

    /** A notice was just committed: try at once rather than waiting for the timer, off the importing thread. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void nudge(NoticeQueued queued) {
        if (smtp.enabled()) {
            nudges.nudge();
        }
    }

    /**
     * Sends every due e-mail, SMS and LINE notice. Without an SMTP server, e-mail stays pending
     * (with the reason on the row) while SMS and LINE still go out.
     */
    @Override
    public int dispatchDue() {
        if (!smtp.enabled()) {
            return 0;
        }
        Optional<JavaMailSender> sender = smtp.sender();
        if (sender.isEmpty()) {
            smtp.inTransaction(() -> outbox.explainPending(Channel.EMAIL.code(), SmtpDelivery.NO_SMTP));
            return smtp.drain(() -> outbox.claimNext(WITHOUT_SMTP).map(n -> deliver(null, n)));
        }
        return smtp.drain(s -> outbox.claimNext(NoticeRoutes.DISPATCHED).map(n -> deliver(s, n)), sender.get());
    }

    private boolean deliver(JavaMailSender sender, PendingNotice n) {
        Channel channel = Channel.fromCode(n.channel()).orElseThrow();
        DeliveryResult result;
        if (channel == Channel.EMAIL) {
            result = email(sender, n);
        } else {
            ChannelSettings configured = settings.find(n.organisationId());
            if (channel == Channel.SMS) {
                result = configured.smsConfigured() ? sms.send(configured, n)
                        : new DeliveryResult.RetryLater("sms is not configured for this ISP");
            } else {
                result = configured.lineConfigured() ? line.push(configured, n)
                        : new DeliveryResult.RetryLater("line is not configured for this ISP");
            }
        }
        return record(channel, n, result);
    }

    private DeliveryResult email(JavaMailSender sender, PendingNotice n) {
        try {
            smtp.send(sender, new OutgoingMail(n.recipient(), n.language(), n.subject(), n.body(), n.messageId()));
            return new DeliveryResult.Sent("email (" + n.language() + ")");
        } catch (MailException | MessagingException e) {
            return new DeliveryResult.RetryLater(SmtpDelivery.describe(e));
        }
    }

    private boolean record(Channel channel, PendingNotice n, DeliveryResult result) {
        if (result instanceof DeliveryResult.Sent sent) {
            outbox.markSent(n);
            cases.markNotified(n.organisationId(), n.caseId(), channel, sent.detail());
            return true;
        }
        if (result instanceof DeliveryResult.RetryLater retry && n.attempts() + 1 < SmtpDelivery.MAX_ATTEMPTS) {
            outbox.retryLater(n, retry.error(), Instant.now().plus(SmtpDelivery.backoff(n.attempts() + 1)));
            log.info("Notice {} ({}) not sent (attempt {}), will retry: {}", n.id(), n.channel(), n.attempts() + 1,
                    retry.error());
            return false;
        }
        String error = result instanceof DeliveryResult.Failed failed ? failed.error()
                : ((DeliveryResult.RetryLater) result).error() + " (after " + SmtpDelivery.MAX_ATTEMPTS + " attempts)";
        outbox.giveUp(n, error);
        cases.recordEvent(n.organisationId(), n.caseId(), "notice-failed", n.channel() + " " + n.purpose() + ": " + error);
        log.warn("Notice {} ({}) failed for good: {}", n.id(), n.channel(), error);
        return false;
    }

    @PreDestroy
    void stop() {
        nudges.close();
    }
}
