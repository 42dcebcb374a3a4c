package jp.renkei.server.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.Map;

import jp.renkei.server.attribution.NasClient;
import jp.renkei.server.attribution.NasClients;
import jp.renkei.server.intake.feeds.FeedCatalogue;
import jp.renkei.server.notify.internal.ChannelSettings;
import jp.renkei.server.notify.internal.ChannelSettingsStore;
import jp.renkei.server.platform.internal.SecretSweep;
import jp.renkei.server.testing.Browser;
import jp.renkei.server.testing.RenkeiTest;
import jp.renkei.server.testing.Tenants;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The secrets Renkei must use in clear (a NAS's shared secret, a mailbox password, the SMS
 * gateway's headers, the LINE token) are never in the database as plain text: they are sealed on
 * every save, an older install's plain text is sealed at startup, and a value that does not open
 * (another key) fails where it is used, clearly, without breaking anything else.
 */
@RenkeiTest
@TestPropertySource(properties = {"renkei.intake.collectors-enabled=false",
        "renkei.outbound.allowed-private-networks=127.0.0.1/32"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecretsAtRestFlowTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    Accounts accounts;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    NasClients nasClients;
    @Autowired
    FeedCatalogue feeds;
    @Autowired
    ChannelSettingsStore channels;
    @Autowired
    SecretSweep sweep;

    private Tenants.Member admin;
    private Browser browser;

    @BeforeAll
    void signIn() {
        admin = new Tenants(accounts).newIsp("Sealed ISP", Role.ADMINISTRATOR);
        browser = new Browser(port);
        browser.signIn(admin.username(), admin.password());
    }

    @Test
    void secretsSavedThroughPagesAndApiAreStoredSealedAndStillUsedInClear() throws Exception {
        browser.get("/settings/nas");
        assertThat(browser.post("/settings/nas", Map.of("address", "192.0.2.71", "name", "bras-71",
                "secret", "nas-Shared-Secret-71", "subscriberAttribute", "user-name")).status()).isEqualTo(302);
        putFeed("mailbox-71", "imap-Password-71", 143);
        saveChannels("Authorization: Bearer sms-Gateway-Token-71\nX-Tenant: isp-71", "line-Channel-Token-71");

        assertSealed(column("select secret from nas_client where address = '192.0.2.71'"), "nas-Shared-Secret-71");
        assertSealed(column("select secret from feed where organisation_id = " + admin.organisationId()
                + " and name = 'mailbox-71'"), "imap-Password-71");
        assertSealed(column("select sms_headers from notify_channel_settings where organisation_id = "
                + admin.organisationId()), "sms-Gateway-Token-71");
        assertSealed(column("select line_access_token from notify_channel_settings where organisation_id = "
                + admin.organisationId()), "line-Channel-Token-71");

        // What the RADIUS receiver, the mailbox collector and the SMS and LINE senders are given.
        nasClients.reload();
        assertThat(nasClients.resolve(InetAddress.getByName("192.0.2.71")).map(NasClient::secret))
                .hasValue("nas-Shared-Secret-71");
        assertThat(feeds.secret(feeds.find(admin.organisationId(), "mailbox-71").orElseThrow()))
                .hasValue("imap-Password-71");
        ChannelSettings settings = channels.find(admin.organisationId());
        assertThat(settings.headers()).contains(Map.entry("Authorization", "Bearer sms-Gateway-Token-71"),
                Map.entry("X-Tenant", "isp-71"));
        assertThat(settings.lineAccessToken()).isEqualTo("line-Channel-Token-71");
    }

    @Test
    void aSecretSealedWithAnotherKeyFailsWhereItIsUsedAndBreaksNothingElse() {
        SecretBox elsewhere = new SecretBox(randomKey());
        Tenants.Member isp = new Tenants(accounts).newIsp("Moved ISP", Role.ADMINISTRATOR);
        nasClients.put(isp.organisationId(), "test", "192.0.2.81", "bras-81", "nas-Secret-81",
                jp.renkei.core.radius.SubscriberAttribute.USER_NAME);
        nasClients.put(isp.organisationId(), "test", "192.0.2.82", "bras-82", "nas-Secret-82",
                jp.renkei.core.radius.SubscriberAttribute.USER_NAME);
        jdbc.sql("update nas_client set secret = ? where address = '192.0.2.81'")
                .param(elsewhere.seal(new SealedColumn("nas_client", "secret"), "nas-Secret-81")).update();
        nasClients.reload();

        // Its packets are dropped as from an unknown client; the other NAS is unaffected.
        assertThat(nasClients.resolve(address("192.0.2.81"))).isEmpty();
        assertThat(nasClients.resolve(address("192.0.2.82")).map(NasClient::secret)).hasValue("nas-Secret-82");
        assertThat(nasClients.list(isp.organisationId())).extracting(NasClient::address).containsExactly("192.0.2.82");
        Browser ispAdmin = new Browser(port);
        ispAdmin.signIn(isp.username(), isp.password());
        assertThat(ispAdmin.get("/settings/nas").status()).isEqualTo(200);

        // The feed's collection fails with an error naming the feed and the column, never the password.
        putFeed("moved-box", "imap-Password-81", 1);
        jdbc.sql("update feed set secret = ? where organisation_id = ? and name = 'moved-box'")
                .params(elsewhere.seal(new SealedColumn("feed", "secret"), "imap-Password-81"), admin.organisationId())
                .update();
        JsonNode collected = send("POST", "/api/v1/feeds/moved-box/collect", null);
        assertThat(collected.path("lastRunStatus").asString()).isEqualTo("error");
        assertThat(collected.path("lastRunDetail").asString()).contains("feed 'moved-box'", "feed.secret", "another key")
                .doesNotContain("imap-Password-81");

        // The LINE token reads as unset: the page shows, LINE waits as not configured, and saving
        // the other settings keeps the sealed token for when the right key is back.
        Browser channelAdmin = new Browser(port);
        channelAdmin.signIn(isp.username(), isp.password());
        channelAdmin.get("/notify/channels");
        channelAdmin.post("/notify/channels", channelForm("", "line-Token-81", "Moved ISP, Tokyo"));
        String foreign = elsewhere.seal(new SealedColumn("notify_channel_settings", "line_access_token"), "line-Token-81");
        jdbc.sql("update notify_channel_settings set line_access_token = ? where organisation_id = ?")
                .params(foreign, isp.organisationId()).update();

        Browser.Page page = channelAdmin.get("/notify/channels");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).doesNotContain("line-Token-81");
        assertThat(page.body()).contains("id=\"channels-unreadable\"", "lineAccessToken");
        assertThat(channels.find(isp.organisationId()).lineConfigured()).isFalse();
        assertThat(channelAdmin.post("/notify/channels", channelForm("", "", "Moved ISP, Osaka")).status())
                .isEqualTo(302);
        assertThat(column("select line_access_token from notify_channel_settings where organisation_id = "
                + isp.organisationId())).isEqualTo(foreign);
        assertThat(channels.find(isp.organisationId()).letterSender()).isEqualTo("Moved ISP, Osaka");
    }

    @Test
    void plainTextFromBeforeSealingIsSealedAtStartupOnceAndStillOpens() throws Exception {
        Tenants.Member old = new Tenants(accounts).newIsp("Upgraded ISP", Role.ADMINISTRATOR);
        long org = old.organisationId();
        jdbc.sql("insert into nas_client (address, organisation_id, name, secret) values ('192.0.2.91', ?, 'old', ?)")
                .params(org, "plain-Nas-91").update();
        jdbc.sql("insert into feed (organisation_id, name, format, source, secret) values (?, 'old-box', "
                + "'shadowserver', 'imap', ?)").params(org, "plain-Imap-91").update();
        jdbc.sql("insert into notify_channel_settings (organisation_id, sms_url, sms_headers, sms_body_template, "
                + "line_access_token, updated_by, updated_at) values (?, 'https://sms.example.net/send', ?, "
                + "'{to} {text}', ?, 'test', now())")
                .params(org, "Authorization: Basic plain-Sms-91", "plain-Line-91").update();

        assertThat(sweep.sweep()).isEqualTo(4);
        assertThat(sweep.sweep()).as("a second sweep finds nothing left").isZero();

        assertSealed(column("select secret from nas_client where address = '192.0.2.91'"), "plain-Nas-91");
        assertSealed(column("select secret from feed where organisation_id = " + org + " and name = 'old-box'"),
                "plain-Imap-91");
        assertSealed(column("select sms_headers from notify_channel_settings where organisation_id = " + org),
                "plain-Sms-91");
        assertSealed(column("select line_access_token from notify_channel_settings where organisation_id = " + org),
                "plain-Line-91");
        nasClients.reload();
        assertThat(nasClients.resolve(address("192.0.2.91")).map(NasClient::secret)).hasValue("plain-Nas-91");
        assertThat(feeds.secret(feeds.find(org, "old-box").orElseThrow())).hasValue("plain-Imap-91");
        assertThat(channels.find(org).headers()).containsExactly(Map.entry("Authorization", "Basic plain-Sms-91"));
        assertThat(channels.find(org).lineAccessToken()).isEqualTo("plain-Line-91");
    }

    private static void assertSealed(String stored, String secret) {
        assertThat(stored).startsWith(SecretBox.PREFIX).doesNotContain(secret);
    }

    private String column(String sql) {
        return jdbc.sql(sql).query(String.class).single();
    }

    private static InetAddress address(String ip) {
        try {
            return InetAddress.getByName(ip);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static byte[] randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }

    private void saveChannels(String smsHeaders, String lineToken) {
        browser.get("/notify/channels");
        Map<String, String> form = channelForm(smsHeaders, lineToken, "");
        form.put("smsUrl", "https://sms.example.net/send");
        form.put("smsBodyTemplate", "{\"to\":\"{to}\",\"text\":\"{text}\"}");
        assertThat(browser.post("/notify/channels", form).status()).isEqualTo(302);
    }

    private static Map<String, String> channelForm(String smsHeaders, String lineToken, String letterSender) {
        Map<String, String> form = new HashMap<>(Map.of("smsUrl", "", "smsMethod", "POST", "smsHeaders", smsHeaders,
                "smsContentType", "application/json", "smsBodyTemplate", "", "lineBaseUrl", "",
                "lineAccessToken", lineToken, "letterSender", letterSender));
        return form;
    }

    private void putFeed(String name, String password, int imapPort) {
        JsonNode feed = send("PUT", "/api/v1/feeds/" + name, """
                {"format": "shadowserver", "source": "imap", "schedule": "PT1H",
                 "settings": {"host": "127.0.0.1", "port": "%d", "user": "abuse", "security": "plain"},
                 "password": "%s"}""".formatted(imapPort, password));
        assertThat(feed.toString()).doesNotContain(password);
    }

    private JsonNode send(String method, String path, String json) {
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + path)).header("Authorization", "Bearer " + admin.token())
                    .header("Content-Type", "application/json")
                    .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            return JSON.readTree(r.body());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
