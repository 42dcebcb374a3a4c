package jp.renkei.server.notify.internal;

import java.time.Instant;
import java.util.Optional;

import jakarta.annotation.PreDestroy;
import jakarta.mail.MessagingException;
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
 * Sends the outbox. Each notice is claimed with {@code for update skip locked}, sent, and marked
 * {@code sent} in one transaction, so no two dispatchers send it and a crash before the send leaves
 * it pending for the next run. The one window left, a crash after the SMTP server accepted the
 * mail but before the commit, resends with the same Message-ID, which lets mail systems drop the
 * duplicate.
 */
@Component
class NoticeDispatcher implements NoticeDispatch {

    private static final Logger log = LoggerFactory.getLogger(NoticeDispatcher.class);

    private final OutboxStore outbox;
    private final CaseManagement cases;
    private final SmtpDelivery smtp;
    private final DispatchNudge nudges;

    NoticeDispatcher(OutboxStore outbox, CaseManagement cases, SmtpDelivery smtp) {
        this.outbox = outbox;
        this.cases = cases;
        this.smtp = smtp;
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
        return smtp.drain(s -> outbox.claimNext().map(n -> deliver(s, n)), sender.get());
    }

    private boolean deliver(JavaMailSender sender, PendingNotice n) {
        try {
            smtp.send(sender, new OutgoingMail(n.recipient(), n.language(), n.subject(), n.body(), n.messageId()));
        } catch (MailException | MessagingException e) {
            String error = SmtpDelivery.describe(e);
            if (n.attempts() + 1 >= SmtpDelivery.MAX_ATTEMPTS) {
                outbox.giveUp(n, error);
                cases.recordEvent(n.organisationId(), n.caseId(), "notice-failed",
                        "email first-notice after " + SmtpDelivery.MAX_ATTEMPTS + " attempts: " + error);
                log.warn("Notice {} failed for good: {}", n.id(), error);
            } else {
                outbox.retryLater(n, error, Instant.now().plus(SmtpDelivery.backoff(n.attempts() + 1)));
                log.info("Notice {} not sent (attempt {}), will retry: {}", n.id(), n.attempts() + 1, error);
            }
            return false;
        }
        outbox.markSent(n);
        cases.markNotified(n.organisationId(), n.caseId(), jp.renkei.core.escalation.Channel.EMAIL,
                "email (" + n.language() + ")");
        return true;
    }

    @PreDestroy
    void stop() {
        nudges.close();
    }
}
