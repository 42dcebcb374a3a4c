package jp.renkei.server.intake.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import jakarta.activation.DataHandler;
import jp.renkei.server.platform.Accounts;
import jp.renkei.server.platform.Role;
import jp.renkei.server.testing.Tenants;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An IMAP mailbox (a real GreenMail server, mails sent to it over SMTP) is polled for report
 * attachments and X-ARF mails; each message is taken once and marked \Seen.
 */
@CollectorTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MailboxCollectorTest {

    private static final String ADDRESS = "abuse@isp.example.jp";

    @LocalServerPort
    int port;
    @Autowired
    Accounts accounts;
    @Autowired
    JdbcClient jdbc;

    private final GreenMail mail = new GreenMail(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));
    private FeedFixture feeds;
    private long org;

    @BeforeAll
    void mailServer() {
        mail.start();
        mail.setUser(ADDRESS, "abuse", "imap-pw");
        Tenants.Member member = new Tenants(accounts).newIsp("Mailbox ISP", Role.OPERATOR);
        org = member.organisationId();
        feeds = new FeedFixture(port, member.token(), jdbc, org);
    }

    @AfterAll
    void stop() {
        mail.stop();
    }

    @Test
    void takesReportAttachmentsAndXarfMailsOnceAndMarksThemSeen() throws Exception {
        send(withAttachments("Shadowserver scan_telnet report",
                attachment("2024-09-24-scan_telnet-mail-jp.csv", FeedFixture.scanTelnet(5, "mail").getBytes(
                        StandardCharsets.UTF_8), "text/csv"),
                attachment("terms.pdf", new byte[] {'%', 'P', 'D', 'F'}, "application/pdf")));
        send(withAttachments("Zipped report",
                attachment("reports.zip", zip("2024-09-24-scan_telnet-zipped-jp.csv", FeedFixture.scanTelnet(4, "zip")),
                        "application/zip")));
        send(xarf("<xarf-1@reporter.example>"));
        send(plain("Hello, no report here"));

        feeds.put("abuse-box", """
                {"provider": "Shadowserver and abuse mails", "format": "shadowserver", "source": "imap",
                 "schedule": "PT1H", "settings": {"host": "%s", "port": "%d", "user": "abuse", "security": "plain"},
                 "password": "imap-pw"}""".formatted(mail.getImap().getBindTo(), mail.getImap().getPort()));
        var feed = feeds.awaitFiles("abuse-box", 3);

        assertThat(feed.path("lastRunStatus").asText()).isEqualTo("ok");
        assertThat(feed.path("lastRunDetail").asText()).contains("4 message(s), 3 file(s)");
        assertThat(feeds.observations("2024-09-24-scan_telnet-mail-jp.csv")).isEqualTo(5);
        assertThat(feeds.observations("2024-09-24-scan_telnet-zipped-jp.csv")).isEqualTo(4);
        var xarf = jdbc.sql("select format, file_name, spool_path from feed_delivery where organisation_id = ? "
                + "and file_name like '%.eml'").param(org).query((rs, i) -> List.of(rs.getString(1),
                        rs.getString(2), rs.getString(3))).single();
        assertThat(xarf.get(0)).isEqualTo("xarf");
        assertThat(xarf.get(1)).isEqualTo("xarf-1@reporter.example.eml");
        assertThat(Files.readString(Path.of(xarf.get(2)))).contains("X-XARF: PLAIN").contains("Report-Type: login-attack");
        assertThat(unseen()).isZero();

        // Polled again: nothing is taken twice; a new mail is.
        send(withAttachments("Next day", attachment("2024-09-25-scan_telnet-mail-jp.csv",
                FeedFixture.scanTelnet(3, "next").getBytes(StandardCharsets.UTF_8), "text/csv")));
        assertThat(feeds.send("POST", "/api/v1/feeds/abuse-box/collect", null).status()).isEqualTo(200);
        feeds.awaitFiles("abuse-box", 4);
        assertThat(feeds.states("abuse-box")).hasSize(4);
        assertThat(feeds.observations("2024-09-25-scan_telnet-mail-jp.csv")).isEqualTo(3);
        assertThat(feeds.observations("2024-09-24-scan_telnet-mail-jp.csv")).isEqualTo(5);
        assertThat(unseen()).isZero();
    }

    @Test
    void aWrongPasswordIsAnErrorOnTheFeed() {
        feeds.put("wrong-box", """
                {"format": "shadowserver", "source": "imap", "schedule": "PT1H",
                 "settings": {"host": "%s", "port": "%d", "user": "abuse", "security": "plain"},
                 "password": "not-the-password"}""".formatted(mail.getImap().getBindTo(), mail.getImap().getPort()));
        var feed = feeds.await("wrong-box", f -> f.path("lastRunStatus").asText().equals("error"));
        assertThat(feed.path("health").path("status").asText()).isEqualTo("error");
    }

    private int unseen() throws Exception {
        Session session = Session.getInstance(new Properties());
        try (Store store = session.getStore("imap")) {
            store.connect(mail.getImap().getBindTo(), mail.getImap().getPort(), "abuse", "imap-pw");
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            try {
                return inbox.getUnreadMessageCount();
            } finally {
                inbox.close(false);
            }
        }
    }

    private Session smtp() {
        Properties props = new Properties();
        props.put("mail.smtp.host", mail.getSmtp().getBindTo());
        props.put("mail.smtp.port", String.valueOf(mail.getSmtp().getPort()));
        return Session.getInstance(props);
    }

    private void send(MimeMessage message) throws Exception {
        message.setFrom(new InternetAddress("reports@shadowserver.example"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(ADDRESS));
        Transport.send(message);
    }

    private MimeMessage withAttachments(String subject, MimeBodyPart... attachments) throws Exception {
        MimeMessage m = new MimeMessage(smtp());
        m.setSubject(subject);
        MimeMultipart multipart = new MimeMultipart();
        MimeBodyPart text = new MimeBodyPart();
        text.setText("Please find the report attached.", "UTF-8");
        multipart.addBodyPart(text);
        for (MimeBodyPart a : attachments) {
            multipart.addBodyPart(a);
        }
        m.setContent(multipart);
        return m;
    }

    private MimeMessage plain(String text) throws Exception {
        MimeMessage m = new MimeMessage(smtp());
        m.setSubject("no report");
        m.setText(text, "UTF-8");
        return m;
    }

    private MimeMessage xarf(String messageId) throws Exception {
        MimeMessage m = new MimeMessage(smtp()) {
            @Override
            protected void updateMessageID() throws jakarta.mail.MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        m.setSubject("abuse report about 198.51.100.77 - login-attack");
        m.setHeader("X-XARF", "PLAIN");
        MimeMultipart multipart = new MimeMultipart();
        MimeBodyPart human = new MimeBodyPart();
        human.setText("Dear abuse team, 198.51.100.77 attacked our SSH service.", "UTF-8");
        MimeBodyPart report = new MimeBodyPart();
        report.setText("""
                Reported-From: reporter@reporter.example
                Category: abuse
                Report-Type: login-attack
                Report-ID: xarf-1
                Date: Tue, 24 Sep 2024 12:00:00 +0000
                Source: 198.51.100.77
                Source-Type: ip-address
                Port: 22
                Service: ssh
                Version: 0.2
                Schema-URL: http://www.x-arf.org/schema/abuse_login-attack_0.1.2.json
                """, "UTF-8");
        report.setFileName("report.txt");
        multipart.addBodyPart(human);
        multipart.addBodyPart(report);
        m.setContent(multipart);
        return m;
    }

    private static MimeBodyPart attachment(String name, byte[] content, String type) throws Exception {
        MimeBodyPart part = new MimeBodyPart();
        part.setDataHandler(new DataHandler(new ByteArrayDataSource(content, type)));
        part.setFileName(name);
        part.setDisposition(MimeBodyPart.ATTACHMENT);
        return part;
    }

    private static byte[] zip(String name, String content) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(content.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }
}
