package jp.renkei.server.notify.internal;

import java.time.Instant;
import java.util.Optional;

import jakarta.annotation.PreDestroy;
import jakarta.mail.MessagingException;
import jp.renkei.server.notify.MailDispatch;
import jp.renkei.server.notify.OutboundMailSent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Sends the general outbox the way {@link NoticeDispatcher} sends notices: claim with
 * {@code for update skip locked}, send with the row's fixed Message-ID, mark sent, all in one
 * transaction, and announce {@link OutboundMailSent} inside it.
 */
@Component
class MailDispatcher implements MailDispatch {

    private static final Logger log = LoggerFactory.getLogger(MailDispatcher.class);

    private final MailOutboxStore outbox;
    private final SmtpDelivery smtp;
    private final ApplicationEventPublisher events;
    private final DispatchNudge nudges;

    MailDispatcher(MailOutboxStore outbox, SmtpDelivery smtp, ApplicationEventPublisher events) {
        this.outbox = outbox;
        this.smtp = smtp;
        this.events = events;
        this.nudges = new DispatchNudge("renkei-mail-outbox", this::dispatchDue);
    }

    @Scheduled(initialDelayString = "PT1S", fixedDelayString = "${renkei.outbox.poll-interval:PT5S}")
    void poll() {
        dispatchDue();
    }

    /** A mail was just committed: try at once rather than waiting for the timer, off the caller's thread. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void nudge(MailQueued queued) {
        if (smtp.enabled()) {
            nudges.nudge();
        }
    }

    @Override
    public int dispatchDue() {
        if (!smtp.enabled()) {
            return 0;
        }
        Optional<JavaMailSender> sender = smtp.sender();
        if (sender.isEmpty()) {
            smtp.inTransaction(() -> outbox.explainPending(SmtpDelivery.NO_SMTP));
            return 0;
        }
        return smtp.drain(s -> outbox.claimNext().map(m -> deliver(s, m)), sender.get());
    }

    private boolean deliver(JavaMailSender sender, PendingMail m) {
        try {
            smtp.send(sender, m.outgoing());
        } catch (MailException | MessagingException e) {
            String error = SmtpDelivery.describe(e);
            if (m.attempts() + 1 >= SmtpDelivery.MAX_ATTEMPTS) {
                outbox.giveUp(m, error);
                log.warn("Mail {} ({}) failed for good: {}", m.id(), m.dedupKey(), error);
            } else {
                outbox.retryLater(m, error, Instant.now().plus(SmtpDelivery.backoff(m.attempts() + 1)));
                log.info("Mail {} not sent (attempt {}), will retry: {}", m.id(), m.attempts() + 1, error);
            }
            return false;
        }
        Instant sentAt = outbox.markSent(m);
        events.publishEvent(new OutboundMailSent(m.organisationId(), m.dedupKey(), sentAt));
        return true;
    }

    @PreDestroy
    void stop() {
        nudges.close();
    }
}
