package jp.renkei.server.notify.internal;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What every outbox dispatcher shares: whether sending is on, the SMTP sender, the claim-send-mark
 * loop (one transaction per mail), the message with its deterministic Message-ID, and the back-off.
 */
@Component
class SmtpDelivery {

    static final String NO_SMTP = "no SMTP server configured (set RENKEI_SMTP_HOST)";
    static final int MAX_ATTEMPTS = 10;

    private static final Logger log = LoggerFactory.getLogger(SmtpDelivery.class);

    private final ObjectProvider<JavaMailSender> mail;
    private final TransactionTemplate tx;
    private final boolean enabled;
    private final String smtpHost;
    private final String from;
    private final AtomicBoolean warnedNoSmtp = new AtomicBoolean();

    SmtpDelivery(ObjectProvider<JavaMailSender> mail, PlatformTransactionManager transactions,
            @Value("${renkei.outbox.enabled:true}") boolean enabled, @Value("${spring.mail.host:}") String smtpHost,
            @Value("${renkei.mail.from}") String from) {
        this.mail = mail;
        this.tx = new TransactionTemplate(transactions);
        this.enabled = enabled;
        this.smtpHost = smtpHost == null ? "" : smtpHost.strip();
        this.from = from;
        if (!enabled) {
            log.warn("Outbox dispatcher is off (renkei.outbox.enabled=false): mail stays pending");
        }
    }

    /** False while the outbox is switched off for maintenance ({@code renkei.outbox.enabled=false}). */
    boolean enabled() {
        return enabled;
    }

    /** The SMTP sender; empty (with one warning per process) when no SMTP server is configured. */
    Optional<JavaMailSender> sender() {
        Optional<JavaMailSender> sender = smtpHost.isEmpty() ? Optional.empty() : Optional.ofNullable(mail.getIfAvailable());
        if (sender.isEmpty() && warnedNoSmtp.compareAndSet(false, true)) {
            log.warn("Mail stays pending: {}", NO_SMTP);
        }
        return sender;
    }

    /**
     * Runs {@code claimAndDeliver} in a fresh transaction again and again until it finds nothing
     * due (empty). It answers whether the mail it claimed was sent.
     *
     * @return how many were sent
     */
    int drain(Function<JavaMailSender, Optional<Boolean>> claimAndDeliver, JavaMailSender sender) {
        int sent = 0;
        while (true) {
            Optional<Boolean> outcome = Optional.ofNullable(tx.execute(s -> claimAndDeliver.apply(sender).orElse(null)));
            if (outcome.isEmpty()) {
                return sent;
            }
            if (outcome.get()) {
                sent++;
            }
        }
    }

    /**
     * As {@link #drain(Function, JavaMailSender)} for deliveries that need no SMTP sender (SMS, LINE):
     * one fresh transaction per claimed row until nothing is due.
     *
     * @return how many were sent
     */
    int drain(Supplier<Optional<Boolean>> claimAndDeliver) {
        int sent = 0;
        while (true) {
            Optional<Boolean> outcome = Optional.ofNullable(tx.execute(s -> claimAndDeliver.get().orElse(null)));
            if (outcome.isEmpty()) {
                return sent;
            }
            if (outcome.get()) {
                sent++;
            }
        }
    }

    /** Runs {@code work} in one transaction (for bookkeeping outside the claim loop). */
    void inTransaction(Runnable work) {
        tx.executeWithoutResult(s -> work.run());
    }

    /** Hands one mail to the SMTP server. */
    void send(JavaMailSender sender, OutgoingMail m) throws MailException, MessagingException {
        MimeMessage message = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
        helper.setFrom(from);
        helper.setTo(m.recipient());
        helper.setSubject(m.subject());
        helper.setText(m.body(), false);
        // JavaMailSenderImpl keeps an explicitly set Message-ID instead of generating a random one.
        message.setHeader("Message-ID", m.messageId());
        message.setHeader("Content-Language", m.language());
        sender.send(message);
    }

    /** One line for the row's last error. */
    static String describe(Exception e) {
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    /** One minute, doubling per attempt, at most six hours. */
    static Duration backoff(int attempts) {
        Duration d = Duration.ofMinutes(1L << Math.min(attempts - 1, 9));
        return d.compareTo(Duration.ofHours(6)) > 0 ? Duration.ofHours(6) : d;
    }
}
