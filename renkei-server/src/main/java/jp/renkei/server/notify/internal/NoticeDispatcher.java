package jp.renkei.server.notify.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.PreDestroy;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jp.renkei.server.cases.CaseManagement;
import jp.renkei.server.notify.NoticeDispatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the outbox. Each notice is claimed with {@code for update skip locked}, sent, and marked
 * {@code sent} in one transaction, so no two dispatchers send it and a crash before the send leaves
 * it pending for the next run. The one window left, a crash after the SMTP server accepted the
 * mail but before the commit, resends with the same Message-ID, which lets mail systems drop the
 * duplicate.
 */
@Component
class NoticeDispatcher implements NoticeDispatch {

    static final String NO_SMTP = "no SMTP server configured (set RENKEI_SMTP_HOST)";
    static final int MAX_ATTEMPTS = 10;

    private static final Logger log = LoggerFactory.getLogger(NoticeDispatcher.class);

    private final OutboxStore outbox;
    private final CaseManagement cases;
    private final ObjectProvider<JavaMailSender> mail;
    private final TransactionTemplate tx;
    private final boolean enabled;
    private final String smtpHost;
    private final String from;
    private final AtomicBoolean warnedNoSmtp = new AtomicBoolean();
    private final AtomicBoolean nudged = new AtomicBoolean();
    private final ExecutorService nudges = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "renkei-outbox");
        t.setDaemon(true);
        return t;
    });

    NoticeDispatcher(OutboxStore outbox, CaseManagement cases, ObjectProvider<JavaMailSender> mail,
            PlatformTransactionManager transactions, @Value("${renkei.outbox.enabled:true}") boolean enabled,
            @Value("${spring.mail.host:}") String smtpHost, @Value("${renkei.mail.from}") String from) {
        this.outbox = outbox;
        this.cases = cases;
        this.mail = mail;
        this.tx = new TransactionTemplate(transactions);
        this.enabled = enabled;
        this.smtpHost = smtpHost == null ? "" : smtpHost.strip();
        this.from = from;
        if (!enabled) {
            log.warn("Outbox dispatcher is off (renkei.outbox.enabled=false): notices stay pending");
        }
    }

    @Scheduled(initialDelayString = "PT1S", fixedDelayString = "${renkei.outbox.poll-interval:PT5S}")
    void poll() {
        dispatchDue();
    }

    /** A notice was just committed: try at once rather than waiting for the timer, off the importing thread. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void nudge(NoticeQueued queued) {
        if (enabled && nudged.compareAndSet(false, true)) {
            nudges.execute(() -> {
                nudged.set(false);
                try {
                    dispatchDue();
                } catch (RuntimeException e) {
                    log.warn("Outbox run failed; the timer will retry", e);
                }
            });
        }
    }

    @Override
    public int dispatchDue() {
        if (!enabled) {
            return 0;
        }
        Optional<JavaMailSender> sender = smtpHost.isEmpty() ? Optional.empty() : Optional.ofNullable(mail.getIfAvailable());
        if (sender.isEmpty()) {
            tx.executeWithoutResult(s -> outbox.explainPending(NO_SMTP));
            if (warnedNoSmtp.compareAndSet(false, true)) {
                log.warn("Notices stay pending: {}", NO_SMTP);
            }
            return 0;
        }
        int sent = 0;
        while (true) {
            Optional<Boolean> outcome = Optional.ofNullable(tx.execute(s -> outbox.claimNext()
                    .map(n -> deliver(sender.get(), n))
                    .orElse(null)));
            if (outcome.isEmpty()) {
                return sent;
            }
            if (outcome.get()) {
                sent++;
            }
        }
    }

    private boolean deliver(JavaMailSender sender, PendingNotice n) {
        try {
            sender.send(message(sender, n));
        } catch (MailException | MessagingException e) {
            String error = e.getClass().getSimpleName() + ": " + e.getMessage();
            if (n.attempts() + 1 >= MAX_ATTEMPTS) {
                outbox.giveUp(n, error);
                cases.recordEvent(n.organisationId(), n.caseId(), "notice-failed",
                        "email first-notice after " + MAX_ATTEMPTS + " attempts: " + error);
                log.warn("Notice {} failed for good: {}", n.id(), error);
            } else {
                outbox.retryLater(n, error, Instant.now().plus(backoff(n.attempts() + 1)));
                log.info("Notice {} not sent (attempt {}), will retry: {}", n.id(), n.attempts() + 1, error);
            }
            return false;
        }
        outbox.markSent(n);
        cases.markNotified(n.organisationId(), n.caseId(), "email first-notice (" + n.language() + ")");
        return true;
    }

    private MimeMessage message(JavaMailSender sender, PendingNotice n) throws MessagingException {
        MimeMessage message = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
        helper.setFrom(from);
        helper.setTo(n.recipient());
        helper.setSubject(n.subject());
        helper.setText(n.body(), false);
        // JavaMailSenderImpl keeps an explicitly set Message-ID instead of generating a random one.
        message.setHeader("Message-ID", n.messageId());
        message.setHeader("Content-Language", n.language());
        return message;
    }

    /** One minute, doubling per attempt, at most six hours. */
    static Duration backoff(int attempts) {
        Duration d = Duration.ofMinutes(1L << Math.min(attempts - 1, 9));
        return d.compareTo(Duration.ofHours(6)) > 0 ? Duration.ofHours(6) : d;
    }

    @PreDestroy
    void stop() {
        nudges.shutdownNow();
    }
}
