package jp.renkei.server.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;
import jp.renkei.core.Language;
import jp.renkei.core.escalation.Channel;
import jp.renkei.core.intake.ProblemKind;
import jp.renkei.core.remediation.RemediationGuide;
import jp.renkei.server.cases.CaseManagement;
import jp.renkei.server.cases.CaseNotice;
import jp.renkei.core.cases.CaseState;
import jp.renkei.server.testing.Browser;
import jp.renkei.server.testing.Mailbox;
import jp.renkei.server.testing.RenkeiTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A case's notice on each message channel reaches the subscriber exactly once: e-mail through a
 * real SMTP server, SMS through the ISP's HTTP gateway as its settings describe it, LINE through
 * the Messaging API; each marks the case notified with its channel.
 */
@RenkeiTest
class NoticeChannelsFlowTest {

    static final Mailbox mailbox = new Mailbox().start();

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        mailbox.serveAsSmtp(registry);
        // The stand-in SMS gateway and LINE listen on loopback, over plain HTTP.
        registry.add("renkei.outbound.allowed-private-networks", () -> "127.0.0.1/32,::1");
    }

    @AfterAll
    static void stopMailServer() {
        mailbox.stop();
    }

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;

    @Test
    void anSmsGoesThroughTheConfiguredGatewayIsRetriedAfterA500AndNeverResentAfterSuccess() throws Exception {
        ChannelFixture isp = new ChannelFixture(context, port);
        isp.subscribers("SMS-1,山田 太郎,taro@example.jp,090-1234-5678,ja,,\n");
        long caseId = isp.openCase("SMS-1", "203.0.113.10");
        try (FakeGateway gateway = new FakeGateway().answering(500)) {
            Browser admin = signedIn(isp);
            Browser.Page saved = admin.post("/notify/channels", Map.of(
                    "smsUrl", gateway.url() + "/v1/messages", "smsMethod", "POST",
                    "smsHeaders", "X-Api-Key: sms-secret-key-123456\nX-Tenant: isp-1",
                    "smsContentType", "application/json",
                    "smsBodyTemplate", "{\"to\":\"{to_e164}\",\"text\":\"{text}\",\"ref\":\"{reference}\"}",
                    "lineBaseUrl", "", "lineAccessToken", "", "letterSender", ""));
            assertThat(saved.status()).isEqualTo(302);
            String page = admin.get("/notify/channels").body();
            assertThat(page).contains("X-Api-Key, X-Tenant").doesNotContain("sms-secret-key-123456");

            NoticeRequestOutcome outcome = isp.queue(caseId, Channel.SMS);
            assertThat(outcome).isInstanceOf(NoticeRequestOutcome.Queued.class);
            long noticeId = ((NoticeRequestOutcome.Queued) outcome).noticeId();

            await().atMost(Duration.ofSeconds(20)).until(() -> isp.notice(caseId, Channel.SMS).attempts() == 1);
            CaseNotice afterFailure = isp.notice(caseId, Channel.SMS);
            assertThat(afterFailure.state()).isEqualTo("pending");
            assertThat(afterFailure.lastError()).hasValueSatisfying(e -> assertThat(e).contains("HTTP 500"));

            isp.dueNow(noticeId);
            await().atMost(Duration.ofSeconds(20)).until(() -> isp.notice(caseId, Channel.SMS).state().equals("sent"));
            isp.dueNow(noticeId);
            context.getBean(NoticeDispatch.class).dispatchDue();

            List<FakeGateway.Request> requests = gateway.requests();
            assertThat(requests).hasSize(2);
            FakeGateway.Request sms = requests.get(1);
            assertThat(sms.method()).isEqualTo("POST");
            assertThat(sms.path()).isEqualTo("/v1/messages");
            assertThat(sms.header("X-Api-Key")).isEqualTo("sms-secret-key-123456");
            assertThat(sms.header("X-Tenant")).isEqualTo("isp-1");
            assertThat(sms.header("Content-Type")).isEqualTo("application/json");
            JsonNode body = JsonMapper.builder().build().readTree(sms.body());
            assertThat(body.get("to").asString()).isEqualTo("+819012345678");
            assertThat(body.get("ref").asString()).isEqualTo(requests.get(0).body().replaceAll(".*\"ref\":\"([^\"]+)\".*", "$1"))
                    .isEqualTo("renkei-notice-" + isp.org() + "-" + noticeId);
            String text = body.get("text").asString();
            assertThat(text).contains("Channels ISP", "https://portal.example-isp.jp/renkei")
                    .containsPattern("[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{2}");
            // A few UCS-2 segments at most (67 characters each when concatenated).
            assertThat(text.length()).isLessThanOrEqualTo(3 * 67);
        }
        // The case's first notice went by e-mail; the ladder's step by SMS, once.
        assertThat(isp.notifiedChannels(caseId)).containsOnlyOnce("sms");
        assertThat(context.getBean(CaseManagement.class).find(isp.org(), caseId).orElseThrow().state())
                .isEqualTo(CaseState.NOTIFIED);
    }

    @Test
    void anSmsTheGatewayRefusesWithA4xxFailsAtOnceWithTheGatewaysAnswer() throws Exception {
        ChannelFixture isp = new ChannelFixture(context, port);
        isp.subscribers("SMS-2,田中 直子,naoko@example.jp,03-0000-0000,ja,,\n");
        long caseId = isp.openCase("SMS-2", "203.0.113.14");
        try (FakeGateway gateway = new FakeGateway().answering(400)) {
            signedIn(isp).post("/notify/channels", Map.of("smsUrl", gateway.url() + "/send?to={to}", "smsMethod", "POST",
                    "smsHeaders", "", "smsContentType", "application/x-www-form-urlencoded",
                    "smsBodyTemplate", "message={text}&id={reference}", "lineBaseUrl", "", "lineAccessToken", "",
                    "letterSender", ""));
            isp.queue(caseId, Channel.SMS);

            await().atMost(Duration.ofSeconds(20)).until(() -> isp.notice(caseId, Channel.SMS).state().equals("failed"));
            CaseNotice failed = isp.notice(caseId, Channel.SMS);
            assertThat(failed.attempts()).isEqualTo(1);
            assertThat(failed.lastError()).hasValue("HTTP 400: {\"error\":\"status 400\"}");
            FakeGateway.Request request = gateway.requests().get(0);
            assertThat(request.query()).isEqualTo("to=0300000000");
            assertThat(java.net.URLDecoder.decode(request.body(), java.nio.charset.StandardCharsets.UTF_8))
                    .startsWith("message=【Channels ISP").contains("&id=renkei-notice-" + isp.org() + "-");
        }
        assertThat(isp.notifiedChannels(caseId)).doesNotContain("sms");
    }

    @Test
    void aLinePushCarriesTheTokenTheJsonAndARetryKeyThatStaysTheSameAcrossRetries() throws Exception {
        ChannelFixture isp = new ChannelFixture(context, port);
        isp.subscribers("LINE-1,佐藤 花子,hanako@example.jp,,ja,U0123456789abcdef0123456789abcdef,\n");
        long caseId = isp.openCase("LINE-1", "203.0.113.11");
        try (FakeGateway line = new FakeGateway().answering(503)) {
            Browser admin = signedIn(isp);
            admin.post("/notify/channels", Map.of("smsUrl", "", "smsMethod", "POST", "smsHeaders", "",
                    "smsContentType", "application/json", "smsBodyTemplate", "", "lineBaseUrl", line.url(),
                    "lineAccessToken", "line-channel-token-abcdefWXYZ", "letterSender", ""));
            String page = admin.get("/notify/channels").body();
            assertThat(page).contains("••••WXYZ").doesNotContain("line-channel-token-abcdefWXYZ");
            assertThat(context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class).sql("""
                    select detail from audit_event where organisation_id = ? and action = 'notify-channel-settings-changed'""")
                    .param(isp.org()).query(String.class).list())
                    .singleElement().satisfies(d -> assertThat(d).contains("token set").doesNotContain("abcdefWXYZ"));

            long noticeId = ((NoticeRequestOutcome.Queued) isp.queue(caseId, Channel.LINE)).noticeId();
            await().atMost(Duration.ofSeconds(20)).until(() -> line.requests().size() == 1);
            await().atMost(Duration.ofSeconds(20)).until(() -> isp.notice(caseId, Channel.LINE).attempts() == 1);
            isp.dueNow(noticeId);
            await().atMost(Duration.ofSeconds(20)).until(() -> isp.notice(caseId, Channel.LINE).state().equals("sent"));

            List<FakeGateway.Request> requests = line.requests();
            assertThat(requests).hasSize(2);
            for (FakeGateway.Request r : requests) {
                assertThat(r.method()).isEqualTo("POST");
                assertThat(r.path()).isEqualTo("/v2/bot/message/push");
                assertThat(r.header("Authorization")).isEqualTo("Bearer line-channel-token-abcdefWXYZ");
                assertThat(r.header("Content-Type")).startsWith("application/json");
                assertThat(UUID.fromString(r.header("X-Line-Retry-Key"))).isNotNull();
            }
            assertThat(requests.get(1).header("X-Line-Retry-Key")).isEqualTo(requests.get(0).header("X-Line-Retry-Key"));
            JsonNode body = JsonMapper.builder().build().readTree(requests.get(1).body());
            assertThat(body.get("to").asString()).isEqualTo("U0123456789abcdef0123456789abcdef");
            assertThat(body.get("messages").get(0).get("type").asString()).isEqualTo("text");
            String text = body.get("messages").get(0).get("text").asString();
            assertThat(text).contains("佐藤 花子 様", RemediationGuide.forProblem(ProblemKind.EXPOSED_TELNET, Language.JA).steps().get(0));
        }
        assertThat(isp.notifiedChannels(caseId)).containsOnlyOnce("line");
    }

    @Test
    void aLinePushLineAlreadyAcceptedUnderItsRetryKeyCountsAsSentNotAsAFailure() throws Exception {
        ChannelFixture isp = new ChannelFixture(context, port);
        isp.subscribers("LINE-2,Alex Smith,alex@example.jp,,en,Ufedcba9876543210fedcba9876543210,\n");
        long caseId = isp.openCase("LINE-2", "203.0.113.15");
        try (FakeGateway line = new FakeGateway().answering(409)) {
            signedIn(isp).post("/notify/channels", Map.of("smsUrl", "", "smsMethod", "POST", "smsHeaders", "",
                    "smsContentType", "application/json", "smsBodyTemplate", "", "lineBaseUrl", line.url(),
                    "lineAccessToken", "another-line-token-0000", "letterSender", ""));
            isp.queue(caseId, Channel.LINE);

            await().atMost(Duration.ofSeconds(20)).until(() -> isp.notice(caseId, Channel.LINE).state().equals("sent"));
            assertThat(line.requests()).hasSize(1);
            assertThat(line.requests().get(0).body()).contains("Dear Alex Smith");
        }
        assertThat(isp.notifiedChannels(caseId)).containsOnlyOnce("line");
    }

    @Test
    void anEmailAskedForByTheLadderGoesThroughSmtpOnceAndMarksTheCaseNotifiedByEmail() throws Exception {
        ChannelFixture isp = new ChannelFixture(context, port);
        String address = "mail-" + UUID.randomUUID().toString().substring(0, 8) + "@example.jp";
        isp.subscribers("MAIL-1,鈴木 一郎," + address + ",,ja,,\n");
        long caseId = isp.openCase("MAIL-1", "203.0.113.12");

        assertThat(isp.queue(caseId, Channel.EMAIL)).isInstanceOf(NoticeRequestOutcome.Queued.class);
        assertThat(isp.queue(caseId, Channel.EMAIL)).isInstanceOf(NoticeRequestOutcome.AlreadyQueued.class);

        // The case's first notice and the ladder's step: two mails, each once.
        await().atMost(Duration.ofSeconds(20)).until(() -> mailbox.to(address).size() == 2);
        context.getBean(NoticeDispatch.class).dispatchDue();
        List<MimeMessage> mails = mailbox.to(address);
        assertThat(mails).hasSize(2);
        assertThat(Mailbox.text(mails.get(1))).contains("鈴木 一郎 様", "確認コード");
        await().atMost(Duration.ofSeconds(10)).until(() -> isp.notice(caseId, Channel.EMAIL).state().equals("sent"));
        assertThat(isp.notifiedChannels(caseId)).contains("email");
    }

    @Test
    void aChannelWithoutSettingsOrWithoutAnAddressIsUnreachableWithTheReasonStored() {
        ChannelFixture isp = new ChannelFixture(context, port);
        isp.subscribers("NONE-1,高橋 誠,makoto@example.jp,,ja,,\n");
        long caseId = isp.openCase("NONE-1", "203.0.113.13");

        assertThat(isp.queue(caseId, Channel.SMS)).isEqualTo(
                new NoticeRequestOutcome.Unreachable("sms is not configured for this ISP"));
        assertThat(isp.queue(caseId, Channel.CALL_LIST)).isEqualTo(new NoticeRequestOutcome.Unreachable(
                "subscriber has no phone number on record; notify by another channel"));
        CaseNotice failed = isp.notice(caseId, Channel.SMS);
        assertThat(failed.state()).isEqualTo("failed");
        assertThat(failed.lastError()).contains("sms is not configured for this ISP");
        assertThat(isp.notice(caseId, Channel.CALL_LIST).state()).isEqualTo("failed");
    }

    private Browser signedIn(ChannelFixture isp) {
        Browser browser = new Browser(port);
        browser.signIn(isp.admin.username(), isp.admin.password());
        browser.get("/notify/channels");
        return browser;
    }
}
