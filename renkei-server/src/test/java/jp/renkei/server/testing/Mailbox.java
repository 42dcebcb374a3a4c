package jp.renkei.server.testing;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A real SMTP server for tests (GreenMail on a free port), started and stopped by the test class.
 * (greenmail-junit5 is not among the build's dependencies, so the extension's job is done here.)
 */
public final class Mailbox {

    private static final Pattern ACCESS_CODE = Pattern.compile("[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{2}");

    private final GreenMail greenMail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    public Mailbox start() {
        greenMail.start();
        return this;
    }

    public void stop() {
        greenMail.stop();
    }

    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return greenMail.getSmtp().getPort();
    }

    /** Makes this the application's SMTP server, with the outbox checked twice a second. */
    public void serveAsSmtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", this::host);
        registry.add("spring.mail.port", this::port);
        registry.add("renkei.outbox.poll-interval", () -> "PT0.5S");
    }

    /** Every message received for the address so far. */
    public List<MimeMessage> to(String address) {
        return Arrays.stream(greenMail.getReceivedMessages()).filter(m -> isFor(m, address)).toList();
    }

    /** The decoded plain-text body. */
    public static String text(MimeMessage message) {
        try {
            return (String) message.getContent();
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The access code printed in a notice. */
    public static String accessCode(MimeMessage message) {
        Matcher m = ACCESS_CODE.matcher(text(message));
        if (!m.find()) {
            throw new AssertionError("no access code in the mail:\n" + text(message));
        }
        return m.group();
    }

    private static boolean isFor(MimeMessage m, String address) {
        try {
            Address[] recipients = m.getAllRecipients();
            return recipients != null && Arrays.stream(recipients).anyMatch(a -> a.toString().contains(address));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
