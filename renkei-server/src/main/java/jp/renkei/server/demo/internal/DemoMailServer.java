package jp.renkei.server.demo.internal;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * A real SMTP server inside the demo (GreenMail): notices travel through the same SMTP client code
 * as in production and land in an inbox the mail viewer reads. Kept in memory; a restart empties it.
 */
@Component
@ConditionalOnProperty(name = "renkei.demo.enabled", havingValue = "true")
public class DemoMailServer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DemoMailServer.class);

    /** One delivered mail as the viewer shows it. */
    public record DemoMail(int index, String to, String from, String subject, Instant sentAt, String body) {}

    private final GreenMail greenMail;
    private final int port;
    private volatile boolean running;

    DemoMailServer(@Value("${renkei.demo.smtp-port:2525}") int port) {
        this.port = port;
        this.greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    }

    @Override
    public void start() {
        greenMail.start();
        running = true;
        log.info("Demo mail server listening on 127.0.0.1:{}; read notices at /demo/mail", port);
    }

    @Override
    public void stop() {
        greenMail.stop();
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        // Up before the web server and the outbox dispatcher, down after them.
        return Integer.MIN_VALUE + 100;
    }

    /** Every mail received so far, newest first. */
    public List<DemoMail> inbox() {
        MimeMessage[] messages = greenMail.getReceivedMessages();
        List<DemoMail> mails = new ArrayList<>(messages.length);
        for (int i = messages.length - 1; i >= 0; i--) {
            mails.add(toMail(i, messages[i]));
        }
        return mails;
    }

    /** One mail by its position in the inbox. */
    public Optional<DemoMail> mail(int index) {
        MimeMessage[] messages = greenMail.getReceivedMessages();
        return index >= 0 && index < messages.length ? Optional.of(toMail(index, messages[index])) : Optional.empty();
    }

    private static DemoMail toMail(int index, MimeMessage message) {
        try {
            return new DemoMail(index, GreenMailUtil.getAddressList(message.getAllRecipients()),
                    GreenMailUtil.getAddressList(message.getFrom()), message.getSubject(),
                    message.getSentDate() == null ? Instant.EPOCH : message.getSentDate().toInstant(),
                    bodyText(message));
        } catch (MessagingException e) {
            throw new IllegalStateException("unreadable demo mail " + index, e);
        }
    }

    private static String bodyText(MimeMessage message) throws MessagingException {
        try {
            Object content = message.getContent();
            return content instanceof String text ? text : GreenMailUtil.getBody(message);
        } catch (IOException e) {
            return GreenMailUtil.getBody(message);
        }
    }
}
