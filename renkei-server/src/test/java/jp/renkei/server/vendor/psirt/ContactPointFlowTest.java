package jp.renkei.server.vendor.psirt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;
import jp.renkei.server.platform.Accounts;
import jp.renkei.server.platform.Role;
import jp.renkei.server.testing.Api;
import jp.renkei.server.testing.Browser;
import jp.renkei.server.testing.Mailbox;
import jp.renkei.server.testing.RenkeiTest;
import jp.renkei.server.testing.Tenants;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A reporter finds the vendor's contact point and reports a vulnerability without an account;
 * the report lands in the PSIRT's queue with a tracking id, and the acknowledgement mail carrying
 * that id reaches the reporter in the form's language. A coordinator does the same through the API.
 */
@RenkeiTest
class ContactPointFlowTest {

    static final Mailbox mailbox = new Mailbox().start();

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        mailbox.serveAsSmtp(registry);
        registry.add("renkei.psirt.reports-per-hour", () -> "3");
        registry.add("renkei.psirt.attachments.max-bytes", () -> "2048");
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

    PsirtFixture fixture;
    Tenants.Member operator;
    String slug;

    @BeforeEach
    void aVendorWithACatalogue() {
        fixture = new PsirtFixture(accounts, jdbc);
        operator = fixture.newVendor("Example Devices", Role.OPERATOR);
        fixture.product(operator.organisationId(), "RT-100", "Home router RT-100", "1.0.0", "1.4.2");
        slug = fixture.slug(contacts, operator.organisationId());
    }

    @Test
    void aReportFromThePublicFormReachesTheQueueAndTheReporterGetsTheAcknowledgementWithTheTrackingId() throws Exception {
        Browser reporter = new Browser(port);
        Browser.Page form = reporter.get("/vendors/" + slug + "/report");
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body()).contains("RT-100 — Home router RT-100", "name=\"website\"");

        Browser.Page sent = reporter.post("/vendors/" + slug + "/report", fields("finder-ja@example.org", "ja"));
        assertThat(sent.status()).as(sent.body()).isEqualTo(302);
        String received = reporter.get(sent.location().replaceFirst("^http://localhost:\\d+", "")).body();
        String trackingId = received.replaceAll("(?s).*id=\"tracking-id\">(RK-\\d{4}-\\d{6})<.*", "$1");
        assertThat(trackingId).matches("RK-\\d{4}-000001");

        Browser psirt = new Browser(port);
        psirt.signIn(operator.username(), operator.password());
        Browser.Page queue = psirt.get("/psirt");
        assertThat(queue.body()).contains(trackingId, "RT-100", "Taro Finder");

        await().atMost(Duration.ofSeconds(30)).until(() -> !mailbox.to("finder-ja@example.org").isEmpty());
        MimeMessage ack = mailbox.to("finder-ja@example.org").get(0);
        assertThat(ack.getSubject()).contains("【受付】", trackingId);
        assertThat(Mailbox.text(ack)).contains("追跡番号: " + trackingId, "Taro Finder 様",
                "/vendors/" + slug + "/policy");

        // Once the mail server took the acknowledgement, the report counts as acknowledged.
        Api api = new Api(port, operator.token());
        await().atMost(Duration.ofSeconds(10)).until(() ->
                api.get("/api/v1/vulnerability-reports/" + trackingId).json().get("stage").asString().equals("acknowledged"));
        JsonNode report = api.get("/api/v1/vulnerability-reports/" + trackingId).json();
        assertThat(report.get("clocks").get("acknowledge").get("state").asString()).isEqualTo("met");
        assertThat(report.get("clocks").get("triage").get("state").asString()).isEqualTo("running");
        assertThat(report.get("acknowledgementMail").get("state").asString()).isEqualTo("sent");
        assertThat(report.get("product").asString()).isEqualTo("RT-100");
        assertThat(report.get("credit").asBoolean()).isTrue();
    }

    @Test
    void aReportInEnglishIsAcknowledgedInEnglish() throws Exception {
        Browser reporter = new Browser(port);
        reporter.get("/vendors/" + slug + "/report?lang=en");
        Browser.Page sent = reporter.post("/vendors/" + slug + "/report", fields("finder-en@example.org", "en"));
        assertThat(sent.status()).isEqualTo(302);

        await().atMost(Duration.ofSeconds(30)).until(() -> !mailbox.to("finder-en@example.org").isEmpty());
        MimeMessage ack = mailbox.to("finder-en@example.org").get(0);
        assertThat(ack.getSubject()).contains("Your vulnerability report to Example Devices");
        assertThat(Mailbox.text(ack)).contains("Tracking id: RK-", "Dear Taro Finder").doesNotContain("追跡番号");
    }

    @Test
    void theIntakeApiCreatesTheSameReportAndARetryWithTheSameExternalIdCreatesNothing() {
        Api coordinator = new Api(port, operator.token());
        String body = """
                {"reporter": {"name": "JPCERT/CC", "email": "vuls@coordinator.example"}, "language": "en",
                 "product": "RT-100", "firmware": "1.0.0", "description": "Hard-coded credentials in telnetd.",
                 "externalId": "JVNVU#12345678",
                 "attachments": [{"fileName": "poc.txt", "content": "dGVsbmV0IDE5Mi4wLjIuMQo="}]}""";

        Api.Answer first = coordinator.postJson("/api/v1/vulnerability-reports", body);
        Api.Answer retry = coordinator.postJson("/api/v1/vulnerability-reports", body);

        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.json().get("trackingId").asString()).isEqualTo(first.json().get("trackingId").asString());
        assertThat(first.json().get("channel").asString()).isEqualTo("api");
        assertThat(first.json().get("externalId").asString()).isEqualTo("JVNVU#12345678");
        assertThat(first.json().get("attachments").get(0).get("contentType").asString()).isEqualTo("text/plain");
        assertThat(coordinator.get("/api/v1/vulnerability-reports").json()).hasSize(1);
        await().atMost(Duration.ofSeconds(30)).until(() -> mailbox.to("vuls@coordinator.example").size() == 1);
        assertThat(Mailbox.text(mailbox.to("vuls@coordinator.example").get(0)))
                .contains("Tracking id: " + first.json().get("trackingId").asString());
    }

    @Test
    void theIntakeApiRejectsAReportWithoutADescriptionNamingTheField() {
        Api.Answer answer = new Api(port, operator.token()).postJson("/api/v1/vulnerability-reports",
                "{\"reporter\": {\"email\": \"not-an-address\"}, \"language\": \"fr\"}");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body()).contains("/language");
        Api.Answer missing = new Api(port, operator.token()).postJson("/api/v1/vulnerability-reports",
                "{\"reporter\": {\"email\": \"not-an-address\"}}");
        assertThat(missing.json().get("errors").findValuesAsString("pointer"))
                .contains("/description", "/reporter/email");
    }

    @Test
    void aFilledHoneypotLooksAcceptedButStoresNothingAndSendsNothing() throws Exception {
        Browser robot = new Browser(port);
        robot.get("/vendors/" + slug + "/report");
        Map<String, String> fields = fields("robot@example.org", "ja");
        fields.put("website", "http://spam.example");

        Browser.Page sent = robot.post("/vendors/" + slug + "/report", fields);

        assertThat(sent.status()).isEqualTo(302);
        assertThat(new Api(port, operator.token()).get("/api/v1/vulnerability-reports").json()).isEmpty();
        Thread.sleep(1000);
        assertThat(mailbox.to("robot@example.org")).isEmpty();
    }

    @Test
    void aClientSendingMoreThanTheHourlyAllowanceIsTurnedAway() {
        Browser client = new Browser(port);
        client.get("/vendors/" + slug + "/report");
        for (int i = 0; i < 3; i++) {
            assertThat(client.post("/vendors/" + slug + "/report", fields("", "ja")).status()).isEqualTo(302);
        }

        Browser.Page fourth = client.post("/vendors/" + slug + "/report", fields("", "ja"));

        assertThat(fourth.status()).isEqualTo(429);
        assertThat(fourth.body()).contains("id=\"too-many\"");
        assertThat(new Api(port, operator.token()).get("/api/v1/vulnerability-reports").json()).hasSize(3);
    }

    @Test
    void reportersBehindTheSameReverseProxyEachHaveTheirOwnAllowance() {
        Browser flooder = Browser.behindProxy(port, "203.0.113.70");
        flooder.get("/vendors/" + slug + "/report");
        for (int i = 0; i < 3; i++) {
            assertThat(flooder.post("/vendors/" + slug + "/report", fields("", "ja")).status()).isEqualTo(302);
        }
        assertThat(flooder.post("/vendors/" + slug + "/report", fields("", "ja")).status()).isEqualTo(429);

        Browser reporter = Browser.behindProxy(port, "198.51.100.70");
        reporter.get("/vendors/" + slug + "/report");

        assertThat(reporter.post("/vendors/" + slug + "/report", fields("", "ja")).status()).isEqualTo(302);
        assertThat(new Api(port, operator.token()).get("/api/v1/vulnerability-reports").json()).hasSize(4);
    }

    @Test
    void aFormPostedWithoutTheCsrfTokenIsRefused() {
        Browser forger = new Browser(port);
        assertThat(forger.post("/vendors/" + slug + "/report", fields("", "ja")).status()).isEqualTo(403);
        assertThat(new Api(port, operator.token()).get("/api/v1/vulnerability-reports").json()).isEmpty();
    }

    @Test
    void attachmentsOfAnUnknownKindOrTooLargeOrNotWhatTheirNameSaysAreRefusedByPointer() {
        Api api = new Api(port, operator.token());
        String big = java.util.Base64.getEncoder().encodeToString(new byte[4096]);
        String exe = java.util.Base64.getEncoder().encodeToString("MZ\u0090\u0000".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        String fakePdf = java.util.Base64.getEncoder().encodeToString("not a pdf".getBytes());

        Api.Answer answer = api.postJson("/api/v1/vulnerability-reports", """
                {"description": "see files", "attachments": [
                  {"fileName": "poc.exe", "content": "%s"}, {"fileName": "dump.txt", "content": "%s"},
                  {"fileName": "paper.pdf", "content": "%s"}]}""".formatted(exe, big, fakePdf));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body()).contains("/attachments/0", "not of an accepted kind", "/attachments/1",
                "at most 2048 bytes", "/attachments/2", "does not look like");
        assertThat(api.get("/api/v1/vulnerability-reports").json()).isEmpty();
    }

    @Test
    void securityTxtHasTheRequiredFieldsAnExpiryAheadAndTheCsafLine() {
        Browser anyone = new Browser(port);
        String txt = anyone.get("/vendors/" + slug + "/security.txt").body();

        Map<String, List<String>> fields = SecurityTxtFields.parse(txt);
        assertThat(fields.get("Contact")).hasSizeGreaterThanOrEqualTo(1)
                .allSatisfy(c -> assertThat(c).matches("(https?://|mailto:).+"));
        assertThat(fields.get("Contact").get(0)).endsWith("/vendors/" + slug + "/report");
        assertThat(fields.get("Expires")).hasSize(1);
        Instant expires = Instant.parse(fields.get("Expires").get(0));
        assertThat(expires).isAfter(Instant.now().plus(Duration.ofDays(30))).isBefore(Instant.now().plus(Duration.ofDays(366)));
        assertThat(fields.get("Preferred-Languages")).containsExactly("ja, en");
        assertThat(fields.get("Policy")).singleElement().asString().endsWith("/vendors/" + slug + "/policy");
        assertThat(fields.get("Canonical")).singleElement().asString().endsWith("/vendors/" + slug + "/security.txt");
        assertThat(fields.get("CSAF")).singleElement().asString().endsWith("/.well-known/csaf/provider-metadata.json");
        assertThat(anyone.get("/vendors/no-such-vendor/security.txt").status()).isEqualTo(404);
    }

    @Test
    void theDisclosurePolicyIsPublishedInJapaneseAndEnglish() {
        Browser anyone = new Browser(port);
        assertThat(anyone.get("/vendors/" + slug + "/policy?lang=ja").body()).contains("脆弱性情報の取扱方針", "追跡番号");
        assertThat(anyone.get("/vendors/" + slug + "/policy?lang=en").body()).contains("Vulnerability disclosure policy",
                "tracking id");
    }

    private static Map<String, String> fields(String email, String language) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("name", "Taro Finder");
        f.put("email", email);
        f.put("language", language);
        f.put("catalogueProduct", "RT-100");
        f.put("product", "");
        f.put("firmware", "1.0.0");
        f.put("description", "The web admin page accepts a default password.");
        f.put("credit", "true");
        f.put("creditName", "Taro Finder");
        f.put("website", "");
        return f;
    }
}
