package jp.renkei.server.vendor.advisories;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;
import jp.renkei.server.platform.Accounts;
import jp.renkei.server.testing.Browser;
import jp.renkei.server.testing.Mailbox;
import jp.renkei.server.testing.RenkeiTest;
import jp.renkei.server.vendor.advisories.AdvisoryFixture.Vendor;
import jp.renkei.server.vendor.psirt.ContactPoints;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A device owner registers a model on the vendor's public page, confirms through the mailed link, and
 * gets one mail in their language with the fix steps when an advisory about the model is published (and
 * again for a revision); the owner of an end-of-life model is told to replace it; an unconfirmed
 * registration gets nothing.
 */
@RenkeiTest
class OwnerNotificationFlowTest {

    static final Mailbox mailbox = new Mailbox().start();
    private static final Pattern LINK = Pattern.compile("http\\S+/owners/confirm\\?token=\\S+");

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        mailbox.serveAsSmtp(registry);
    }

    @AfterAll
    static void stopMailServer() {
        mailbox.stop();
    }

    @LocalServerPort
    int port;
    @Autowired
    Accounts accounts;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ContactPoints contacts;

    AdvisoryFixture fixture;

    @BeforeEach
    void fixture() {
        fixture = new AdvisoryFixture(accounts, jdbc, contacts, port);
    }

    @Test
    void confirmedOwnersGetTheAdvisoryInTheirLanguageWithTheFixStepsOncePerRevision() throws Exception {
        Vendor v = fixture.newVendor("Owner Devices");
        register(v, "alice@example.net", "RT-100", "en");
        register(v, "taro@example.jp", "RT-50", "ja");
        register(v, "bob@example.net", "RT-100", "en");
        confirm(v, "alice@example.net");
        confirm(v, "taro@example.jp");
        // bob never confirms

        long advisory = fixture.draft(v, "OS command injection in RT routers", "en",
                fixture.injectionRecord(v, "CVE-2026-30001", "CWE-78", false));
        String trackingId = fixture.publish(v, advisory, "Initial release.").json().get("trackingId").asString();

        MimeMessage alice = await().atMost(Duration.ofSeconds(15)).until(() -> advisoryMails("alice@example.net"),
                m -> m.size() == 1).get(0);
        assertThat(alice.getSubject()).contains(trackingId, "OS command injection in RT routers");
        assertThat(Mailbox.text(alice)).contains("Home router RT-100", "(RT-100)", "version 1",
                "Update the firmware to 1.4.2 or later.",
                "Workaround: Allow the management page from trusted devices only.",
                "/vendors/" + v.slug() + "/advisories/" + trackingId + "?lang=en");
        MimeMessage taro = await().atMost(Duration.ofSeconds(15)).until(() -> advisoryMails("taro@example.jp"),
                m -> m.size() == 1).get(0);
        assertThat(Mailbox.text(taro)).contains("Home router RT-50", "2020-03-31", "サポートを終了", "買い替えて",
                "?lang=ja");
        assertThat(advisoryMails("bob@example.net")).isEmpty();

        Thread.sleep(1100);
        fixture.publish(v, advisory, "Clarified the workaround.");
        await().atMost(Duration.ofSeconds(15)).until(() -> advisoryMails("alice@example.net"), m -> m.size() == 2);
        assertThat(Mailbox.text(advisoryMails("alice@example.net").get(1))).contains("version 2");
        assertThat(advisoryMails("bob@example.net")).isEmpty();
    }

    @Test
    void theTableKeepsOnlyTheTokensHashSoOnlyTheMailedLinkConfirmsAndARepeatedRegistrationMailsNothingMore()
            throws Exception {
        Vendor v = fixture.newVendor("Hashed Devices");
        register(v, "carol@example.net", "RT-100", "en");
        register(v, "carol@example.net", "RT-100", "ja");
        MimeMessage mail = await().atMost(Duration.ofSeconds(15)).until(() -> mailbox.to("carol@example.net"),
                m -> !m.isEmpty()).get(0);
        Matcher link = LINK.matcher(Mailbox.text(mail));
        assertThat(link.find()).isTrue();
        String token = link.group().substring(link.group().indexOf("token=") + "token=".length());

        String stored = jdbc.sql("select token_sha256 from device_owner where email = ?")
                .params("carol@example.net").query(String.class).single();
        assertThat(stored).isEqualTo(jp.renkei.core.Sha256.hex(token)).doesNotContain(token);
        // Someone holding the table's value cannot confirm with it.
        assertThat(new Browser(port).get("/vendors/" + v.slug() + "/owners/confirm?token=" + stored).status())
                .isEqualTo(404);
        confirm(v, "carol@example.net");
        Thread.sleep(500);
        assertThat(mailbox.to("carol@example.net")).hasSize(1);
    }

    @Test
    void aRegistrationNamesTheFieldAtFault() {
        Vendor v = fixture.newVendor("Form Devices");
        Browser owner = new Browser(port);
        owner.get("/vendors/" + v.slug() + "/owners?lang=en");

        Browser.Page page = owner.post("/vendors/" + v.slug() + "/owners",
                Map.of("email", "not-an-address", "product", "ZZ-1", "language", "en"));

        assertThat(page.status()).isEqualTo(400);
        assertThat(page.body()).contains("/email", "/product");
        assertThat(new Browser(port).get("/vendors/" + v.slug() + "/owners/confirm?token=unknown").status()).isEqualTo(404);
    }

    private void register(Vendor v, String email, String model, String language) {
        Browser owner = new Browser(port);
        assertThat(owner.get("/vendors/" + v.slug() + "/owners").body()).contains(model);
        Browser.Page registered = owner.post("/vendors/" + v.slug() + "/owners",
                Map.of("email", email, "product", model, "language", language));
        assertThat(registered.status()).as(registered.body()).isEqualTo(200);
        assertThat(registered.body()).contains("owner-registered");
    }

    private void confirm(Vendor v, String email) {
        MimeMessage mail = await().atMost(Duration.ofSeconds(15)).until(() -> mailbox.to(email), m -> !m.isEmpty()).get(0);
        Matcher link = LINK.matcher(Mailbox.text(mail));
        assertThat(link.find()).as(Mailbox.text(mail)).isTrue();
        String path = link.group().substring(link.group().indexOf("/vendors/"));
        Browser.Page confirmed = new Browser(port).get(path);
        assertThat(confirmed.status()).isEqualTo(200);
        assertThat(confirmed.body()).contains("owner-confirmed");
    }

    private List<MimeMessage> advisoryMails(String email) {
        return mailbox.to(email).stream().filter(m -> {
            try {
                return m.getSubject().contains("RK-SA-");
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }
}
