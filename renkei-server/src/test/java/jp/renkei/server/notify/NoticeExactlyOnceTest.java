package jp.renkei.server.notify;

import static jp.renkei.core.intake.ProblemKind.EXPOSED_TELNET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.mail.internet.MimeMessage;
import jp.renkei.core.Language;
import jp.renkei.core.remediation.RemediationGuide;
import jp.renkei.server.RenkeiApplication;
import jp.renkei.server.cases.CaseEvent;
import jp.renkei.server.cases.CaseManagement;
import jp.renkei.server.cases.CaseNotice;
import jp.renkei.server.cases.CaseNotices;
import jp.renkei.server.cases.SubscriberCase;
import jp.renkei.core.cases.CaseState;
import jp.renkei.server.testing.Mailbox;
import jp.renkei.server.testing.Sightings;
import jp.renkei.server.testing.Sightings.Sighting;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Every notice reaches a real SMTP server exactly once: once when all goes well, and once when
 * the process dies between committing the notice and sending it.
 */
class NoticeExactlyOnceTest {

    static final Mailbox mailbox = new Mailbox();

    @TempDir
    static Path dataDirs;

    final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @BeforeAll
    static void startMailServer() {
        mailbox.start();
    }

    @AfterAll
    static void stopMailServer() {
        mailbox.stop();
    }

    @Test
    void aNewCaseSendsExactlyOneMailInTheSubscribersLanguage() throws Exception {
        try (ConfigurableApplicationContext app = start(dataDirs.resolve("normal"), true, true)) {
            Sightings sightings = Sightings.in(app);
            long org = sightings.organisation("Demo ISP");
            sightings.subscriber(org, "S-JA", "佐藤 花子", "hanako@example.jp", "ja");
            sightings.subscriber(org, "S-EN", "Alex Smith", "alex@example.jp", "en");
            sightings.record(org,
                    Sighting.of("S-JA", EXPOSED_TELNET, now.minus(Duration.ofHours(2)), "203.0.113.70"),
                    Sighting.of("S-JA", EXPOSED_TELNET, now.minus(Duration.ofHours(1)), "203.0.113.70"),
                    Sighting.of("S-EN", EXPOSED_TELNET, now.minus(Duration.ofHours(1)), "203.0.113.71"));
            SubscriberCase japanese = caseOf(app, org, "S-JA");

            await().atMost(Duration.ofSeconds(30)).until(() -> notice(app, org, japanese.id()).state().equals("sent")
                    && !mailbox.to("alex@example.jp").isEmpty());
            assertThat(app.getBean(NoticeDispatch.class).dispatchDue()).isZero();

            List<MimeMessage> mails = mailbox.to("hanako@example.jp");
            assertThat(mails).hasSize(1);
            MimeMessage mail = mails.get(0);
            String body = Mailbox.text(mail);
            assertThat(mail.getSubject()).startsWith("【重要】Demo ISP");
            assertThat(mail.getHeader("Message-ID")[0])
                    .isEqualTo("<notice-" + notice(app, org, japanese.id()).id() + "." + org + "@renkei>");
            assertThat(body).contains("佐藤 花子 様", "確認コード: " + Mailbox.accessCode(mail),
                    "https://portal.example-isp.jp/renkei", "パスワードやカード番号をお尋ねすることはありません", "（日本時間）");
            RemediationGuide.forProblem(EXPOSED_TELNET, Language.JA).steps().forEach(step -> assertThat(body).contains(step));
            assertThat(body).doesNotContain(RemediationGuide.forProblem(EXPOSED_TELNET, Language.EN).steps().get(0));
            assertThat(body).doesNotContain("http://", "href");

            String english = Mailbox.text(mailbox.to("alex@example.jp").get(0));
            assertThat(english).contains("Dear Alex Smith", RemediationGuide.forProblem(EXPOSED_TELNET, Language.EN).steps().get(0));

            SubscriberCase notified = app.getBean(CaseManagement.class).find(org, japanese.id()).orElseThrow();
            assertThat(notified.state()).isEqualTo(CaseState.NOTIFIED);
            assertThat(app.getBean(CaseManagement.class).timeline(org, japanese.id())).extracting(CaseEvent::kind)
                    .containsSubsequence("opened", "notice-queued", "notice-sent");
        }
    }

    @Test
    void aNoticeCommittedBeforeACrashIsSentExactlyOnceAfterTheRestart() throws Exception {
        Path dataDir = dataDirs.resolve("crash");
        long org;
        long caseId;
        // A kept database (clean=false) from the first start: a clean one is deleted when its context closes.
        try (ConfigurableApplicationContext doomed = start(dataDir, false, false)) {
            Sightings sightings = Sightings.in(doomed);
            org = sightings.organisation("Demo ISP");
            sightings.subscriber(org, "S-CRASH", "鈴木 一郎", "ichiro@example.jp", "ja");
            sightings.record(org, Sighting.of("S-CRASH", EXPOSED_TELNET, now.minus(Duration.ofHours(1)), "203.0.113.80"));
            caseId = caseOf(doomed, org, "S-CRASH").id();
            assertThat(notice(doomed, org, caseId).state()).isEqualTo("pending");
        }
        // The process is gone: the case and its pending notice are committed, nothing was sent.
        Thread.sleep(500);
        assertThat(mailbox.to("ichiro@example.jp")).isEmpty();

        try (ConfigurableApplicationContext restarted = start(dataDir, false, true)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> notice(restarted, org, caseId).state().equals("sent"));
            assertThat(restarted.getBean(NoticeDispatch.class).dispatchDue()).isZero();
            assertThat(mailbox.to("ichiro@example.jp")).hasSize(1);
        }

        try (ConfigurableApplicationContext again = start(dataDir, false, true)) {
            assertThat(again.getBean(NoticeDispatch.class).dispatchDue()).isZero();
            Thread.sleep(1500);
            assertThat(mailbox.to("ichiro@example.jp")).hasSize(1);
            CaseNotice notice = notice(again, org, caseId);
            assertThat(notice.state()).isEqualTo("sent");
            assertThat(notice.attempts()).isEqualTo(1);
            assertThat(caseOf(again, org, "S-CRASH").state()).isEqualTo(CaseState.NOTIFIED);
        }
    }

    @Test
    void aMailServerThatIsDownLeavesTheNoticePendingAndBacksOff() throws Exception {
        int closedPort;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0)) {
            closedPort = probe.getLocalPort();
        }
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(RenkeiApplication.class).run(
                "--spring.profiles.active=test", "--server.port=0",
                "--renkei.data-dir=" + dataDirs.resolve("down").toAbsolutePath(),
                "--renkei.outbox.poll-interval=PT0.2S",
                "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + closedPort)) {
            Sightings sightings = Sightings.in(app);
            long org = sightings.organisation("Demo ISP");
            sightings.subscriber(org, "S-DOWN", "山本 四郎", "shiro@example.jp", "ja");
            sightings.record(org, Sighting.of("S-DOWN", EXPOSED_TELNET, now.minus(Duration.ofHours(1)), "203.0.113.85"));
            long caseId = caseOf(app, org, "S-DOWN").id();

            await().atMost(Duration.ofSeconds(20)).until(() -> notice(app, org, caseId).attempts() == 1);
            Thread.sleep(1500);
            CaseNotice notice = notice(app, org, caseId);
            // Polled every 0.2 s, yet no second attempt: the next one waits a minute.
            assertThat(notice.attempts()).isEqualTo(1);
            assertThat(notice.state()).isEqualTo("pending");
            assertThat(notice.lastError()).hasValueSatisfying(e -> assertThat(e).contains("MailSendException"));
            assertThat(caseOf(app, org, "S-DOWN").state()).isEqualTo(CaseState.OPEN);
        }
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

    private static SubscriberCase caseOf(ConfigurableApplicationContext app, long org, String subscriberId) {
        List<SubscriberCase> found = app.getBean(CaseManagement.class).list(org,
                new jp.renkei.server.cases.CaseFilter(java.util.Optional.empty(), java.util.Optional.empty(),
                        java.util.Optional.of(subscriberId)), 10);
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    private static CaseNotice notice(ConfigurableApplicationContext app, long org, long caseId) {
        List<CaseNotice> notices = app.getBean(CaseNotices.class).forCase(org, caseId);
        assertThat(notices).hasSize(1);
        return notices.get(0);
    }
}
