package jp.renkei.server.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import jakarta.mail.internet.MimeMessage;
import jp.renkei.core.Language;
import jp.renkei.server.RenkeiApplication;
import jp.renkei.server.testing.Mailbox;
import jp.renkei.server.testing.Sightings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A mail put into the general outbox reaches a real SMTP server exactly once: when enqueued twice
 * under one key, when the caller's transaction rolls back, and when the process dies between
 * committing the mail and sending it.
 */
class OutboundMailExactlyOnceTest {

    static final Mailbox mailbox = new Mailbox();

    @TempDir
    static Path dataDirs;

    @BeforeAll
    static void startMailServer() {
        mailbox.start();
    }

    @AfterAll
    static void stopMailServer() {
        mailbox.stop();
    }

    @Test
    void aMailEnqueuedTwiceUnderOneKeyIsSentOnceWithItsDeterministicMessageId() throws Exception {
        try (ConfigurableApplicationContext app = start(dataDirs.resolve("normal"), true, true)) {
            long org = Sightings.in(app).organisation("Demo ISP");
            Optional<Long> first = enqueue(app, org, "ack/1", "finder@example.org");
            Optional<Long> again = enqueue(app, org, "ack/1", "finder@example.org");

            assertThat(first).isPresent();
            assertThat(again).isEmpty();
            await().atMost(Duration.ofSeconds(30)).until(() -> state(app, org, "ack/1").equals("sent"));
            assertThat(app.getBean(MailDispatch.class).dispatchDue()).isZero();
            assertThat(mailbox.to("finder@example.org")).hasSize(1);
            MimeMessage mail = mailbox.to("finder@example.org").get(0);
            assertThat(mail.getHeader("Message-ID")[0]).isEqualTo("<mail-" + first.get() + "." + org + "@renkei>");
            assertThat(mail.getSubject()).isEqualTo("受付のお知らせ");
            assertThat(Mailbox.text(mail)).contains("追跡番号 RK-2026-000001");
        }
    }

    @Test
    void aMailOfARolledBackTransactionIsNeverSent() throws Exception {
        try (ConfigurableApplicationContext app = start(dataDirs.resolve("rollback"), true, true)) {
            long org = Sightings.in(app).organisation("Demo ISP");
            TransactionTemplate tx = new TransactionTemplate(app.getBean(PlatformTransactionManager.class));

            assertThatThrownBy(() -> tx.executeWithoutResult(s -> {
                app.getBean(OutboundMail.class).enqueue(org, "ack/rolled-back", "gone@example.org", Language.EN,
                        "Received", "Tracking id RK-2026-000009");
                throw new IllegalStateException("the caller's work failed");
            })).hasMessageContaining("caller's work failed");

            app.getBean(MailDispatch.class).dispatchDue();
            assertThat(app.getBean(OutboundMail.class).find(org, "ack/rolled-back")).isEmpty();
            assertThat(mailbox.to("gone@example.org")).isEmpty();
        }
    }

    @Test
    void aMailCommittedBeforeACrashIsSentExactlyOnceAfterTheRestart() throws Exception {
        Path dataDir = dataDirs.resolve("crash");
        long org;
        try (ConfigurableApplicationContext doomed = start(dataDir, false, false)) {
            org = Sightings.in(doomed).organisation("Demo ISP");
            enqueue(doomed, org, "ack/crash", "crash@example.org");
            assertThat(state(doomed, org, "ack/crash")).isEqualTo("pending");
        }
        Thread.sleep(500);
        assertThat(mailbox.to("crash@example.org")).isEmpty();

        try (ConfigurableApplicationContext restarted = start(dataDir, false, true)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> state(restarted, org, "ack/crash").equals("sent"));
            assertThat(restarted.getBean(MailDispatch.class).dispatchDue()).isZero();
        }

        try (ConfigurableApplicationContext again = start(dataDir, false, true)) {
            assertThat(again.getBean(MailDispatch.class).dispatchDue()).isZero();
            Thread.sleep(1500);
            assertThat(mailbox.to("crash@example.org")).hasSize(1);
            QueuedMail mail = again.getBean(OutboundMail.class).find(org, "ack/crash").orElseThrow();
            assertThat(mail.attempts()).isEqualTo(1);
            assertThat(mail.sentAt()).isPresent();
        }
    }

    @Test
    void anAddressThatIsNotOnePlainMailboxIsRefused() throws Exception {
        try (ConfigurableApplicationContext app = start(dataDirs.resolve("refused"), true, false)) {
            long org = Sightings.in(app).organisation("Demo ISP");

            assertThatThrownBy(() -> enqueue(app, org, "ack/bad", "a@example.org\r\nBcc: all@example.org"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a plain e-mail address");
            assertThatThrownBy(() -> enqueue(app, org, "ack/list", "a@example.org, b@example.org"))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    private static Optional<Long> enqueue(ConfigurableApplicationContext app, long org, String key, String to) {
        TransactionTemplate tx = new TransactionTemplate(app.getBean(PlatformTransactionManager.class));
        return tx.execute(s -> app.getBean(OutboundMail.class).enqueue(org, key, to, Language.JA, "受付のお知らせ",
                "追跡番号 RK-2026-000001 で受け付けました。"));
    }

    private static String state(ConfigurableApplicationContext app, long org, String key) {
        return app.getBean(OutboundMail.class).find(org, key).map(QueuedMail::state).orElse("none");
    }

    private ConfigurableApplicationContext start(Path dataDir, boolean cleanDatabase, boolean outbox) {
        return new SpringApplicationBuilder(RenkeiApplication.class).run(
                "--spring.profiles.active=test",
                "--server.port=0",
                "--renkei.data-dir=" + dataDir.toAbsolutePath(),
                "--renkei.db.clean=" + cleanDatabase,
                "--renkei.outbox.enabled=" + outbox,
                "--renkei.outbox.poll-interval=PT0.5S",
                "--spring.mail.host=" + mailbox.host(),
                "--spring.mail.port=" + mailbox.port());
    }
}
