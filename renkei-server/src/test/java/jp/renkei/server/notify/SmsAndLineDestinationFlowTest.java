package jp.renkei.server.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import jp.renkei.core.escalation.Channel;
import jp.renkei.server.cases.CaseNotice;
import jp.renkei.server.testing.Browser;
import jp.renkei.server.testing.LoopbackListener;
import jp.renkei.server.testing.RenkeiTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A tenant administrator points the SMS gateway or LINE at the server's own networks (loopback,
 * the cloud metadata service): with no private network allowed, an address written into the URL
 * is refused when the settings are saved, naming the field; a name that resolves inside, or a
 * setting stored before the check, is refused before the send, and the notice fails for good with
 * the reason on it and on the case, without a connection being made.
 */
@RenkeiTest
class SmsAndLineDestinationFlowTest {

    private static final String NOT_ALLOWED = " (unless it is in renkei.outbound.allowed-private-networks)";

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcClient jdbc;

    private LoopbackListener listener;

    @BeforeEach
    void somethingListeningOnLoopback() {
        listener = new LoopbackListener();
    }

    @AfterEach
    void stop() throws IOException {
        listener.close();
    }

    @Test
    void anSmsGatewayWhoseNameResolvesToLoopbackIsRefusedAtSendTimeAndTheNoticeFailsForGood() {
        ChannelFixture isp = new ChannelFixture(context, port);
        isp.subscribers("EGRESS-1,山田 太郎,taro@example.jp,090-1234-5678,ja,,\n");
        long caseId = isp.openCase("EGRESS-1", "203.0.113.30");
        Browser admin = signedIn(isp);
        String gateway = "https://localhost:" + listener.port();
        // A name is only resolved when it is used: the settings are saved.
        admin.post("/notify/channels", sms(gateway + "/send?to={to}&text={text}"));
        assertThat(admin.get("/notify/channels").body()).doesNotContain("channels-error");

        isp.queue(caseId, Channel.SMS);
        context.getBean(NoticeDispatch.class).dispatchDue();

        await().atMost(Duration.ofSeconds(20)).until(() -> isp.notice(caseId, Channel.SMS).state().equals("failed"));
        CaseNotice failed = isp.notice(caseId, Channel.SMS);
        assertThat(failed.attempts()).as("not retried: it would be refused again").isEqualTo(1);
        assertThat(failed.lastError()).hasValueSatisfying(e -> assertThat(e)
                .startsWith("sms gateway " + gateway + " refused: localhost (")
                .contains(") is a loopback address, which Renkei does not connect to for SMS" + NOT_ALLOWED)
                .doesNotContain("0901234", "send?"));
        assertThat(caseEvents(isp, caseId, "notice-failed")).singleElement()
                .satisfies(d -> assertThat(d).startsWith("sms ").contains("refused: localhost ("));
        assertThat(isp.notifiedChannels(caseId)).doesNotContain("sms");
        assertThat(listener.connections()).isZero();
    }

    @Test
    void internalOrPlainHttpAddressesAreRefusedWhenSavedNamingTheField() {
        ChannelFixture isp = new ChannelFixture(context, port);
        Browser admin = signedIn(isp);

        admin.post("/notify/channels", sms("http://169.254.169.254/latest/meta-data?to={to}"));
        assertThat(admin.get("/notify/channels").body()).contains("smsUrl: http://169.254.169.254 refused:"
                + " 169.254.169.254 is a link-local address, which Renkei does not connect to for SMS" + NOT_ALLOWED);

        admin.post("/notify/channels", sms("http://sms.example.jp/send?to={to}"));
        assertThat(admin.get("/notify/channels").body()).contains("smsUrl: http://sms.example.jp refused: plain"
                + " http:// is used for SMS only inside the networks in renkei.outbound.allowed-private-networks,"
                + " and none are set; use https://");

        Map<String, String> line = line("https://[::1]:8443");
        admin.post("/notify/channels", line);
        assertThat(admin.get("/notify/channels").body()).contains("lineBaseUrl: https://[::1]:8443 refused: ::1 is"
                + " a loopback address, which Renkei does not connect to for LINE" + NOT_ALLOWED);

        assertThat(jdbc.sql("select count(*) from notify_channel_settings where organisation_id = ?")
                .param(isp.org()).query(Integer.class).single()).as("nothing saved").isZero();
    }

    @Test
    void settingsStoredBeforeTheCheckAreRefusedAtSendTimeForSmsAndLine() {
        ChannelFixture isp = new ChannelFixture(context, port);
        isp.subscribers("EGRESS-2,佐藤 花子,hanako@example.jp,090-0000-1111,ja,U0123456789abcdef0123456789abcdef,\n");
        long caseId = isp.openCase("EGRESS-2", "203.0.113.31");
        Map<String, String> both = new HashMap<>(sms("https://sms.example.jp/send?to={to}"));
        both.putAll(Map.of("lineBaseUrl", "https://api.line.me", "lineAccessToken", "line-token-egress-0000"));
        Browser admin = signedIn(isp);
        admin.post("/notify/channels", both);
        String line = "http://127.0.0.1:" + listener.port();
        // As an older Renkei would have saved them.
        jdbc.sql("update notify_channel_settings set sms_url = ?, line_base_url = ? where organisation_id = ?")
                .params("http://169.254.169.254/latest/meta-data?to={to}", line, isp.org()).update();

        isp.queue(caseId, Channel.SMS);
        isp.queue(caseId, Channel.LINE);
        context.getBean(NoticeDispatch.class).dispatchDue();

        await().atMost(Duration.ofSeconds(20)).until(() -> isp.notice(caseId, Channel.SMS).state().equals("failed")
                && isp.notice(caseId, Channel.LINE).state().equals("failed"));
        assertThat(isp.notice(caseId, Channel.SMS).lastError()).hasValue("sms gateway http://169.254.169.254"
                + " refused: 169.254.169.254 is a link-local address, which Renkei does not connect to for SMS"
                + NOT_ALLOWED);
        assertThat(isp.notice(caseId, Channel.LINE).lastError()).hasValue("line " + line + " refused: 127.0.0.1"
                + " is a loopback address, which Renkei does not connect to for LINE" + NOT_ALLOWED);
        assertThat(isp.notice(caseId, Channel.LINE).attempts()).isEqualTo(1);
        assertThat(caseEvents(isp, caseId, "notice-failed")).hasSize(2);
        assertThat(listener.connections()).isZero();
    }

    private java.util.List<String> caseEvents(ChannelFixture isp, long caseId, String kind) {
        return jdbc.sql("select detail from case_event where organisation_id = ? and case_id = ? and kind = ?"
                + " order by id").params(isp.org(), caseId, kind).query(String.class).list();
    }

    private static Map<String, String> sms(String url) {
        return Map.of("smsUrl", url, "smsMethod", "POST", "smsHeaders", "", "smsContentType", "application/json",
                "smsBodyTemplate", "{\"to\":\"{to}\",\"text\":\"{text}\"}", "lineBaseUrl", "", "lineAccessToken", "",
                "letterSender", "");
    }

    private static Map<String, String> line(String baseUrl) {
        return Map.of("smsUrl", "", "smsMethod", "POST", "smsHeaders", "", "smsContentType", "application/json",
                "smsBodyTemplate", "", "lineBaseUrl", baseUrl, "lineAccessToken", "line-token-egress-1111",
                "letterSender", "");
    }

    private Browser signedIn(ChannelFixture isp) {
        Browser browser = new Browser(port);
        browser.signIn(isp.admin.username(), isp.admin.password());
        browser.get("/notify/channels");
        return browser;
    }
}
