package jp.renkei.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import jp.renkei.core.demo.GroundTruth;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The whole ISP loop through the public REST API of the packaged jar, configured only by
 * RENKEI_BOOTSTRAP_TOKEN, RENKEI_PORT, RENKEI_DATA_DIR and the SMTP variables, on a clean data directory.
 */
class PackagedServerFlowTest {

    private static final String TOKEN = "rk_e2e_" + Long.toHexString(System.nanoTime());

    @TempDir
    Path dataDir;

    private GreenMail smtp;
    private int smtpPort;

    @BeforeEach
    void startMailServer() {
        smtpPort = RenkeiProcess.freePort();
        smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    @AfterEach
    void stopMailServer() {
        smtp.stop();
    }

    @Test
    void reportsBecomeCasesAndEachCaseNotifiesItsSubscriberOnceInTheirLanguage() throws Exception {
        SyntheticFiles files = SyntheticFiles.generate(11, 300);
        assertThat(Files.list(dataDir)).isEmpty();

        try (RenkeiProcess renkei = RenkeiProcess.start("flow", env())) {
            RestClient api = new RestClient(renkei.baseUrl(), TOKEN);

            assertThat(api.upload("/api/v1/subscribers/import", "subscribers.csv", files.subscribersCsv())
                    .json().get("accepted").asLong()).isEqualTo(300);
            assertThat(api.upload("/api/v1/assignments/import?format=freeradius-detail", "detail-20261122",
                    files.radiusDetail()).json().get("rejected").size()).isZero();
            var telnet = api.upload("/api/v1/observations/import?format=shadowserver",
                    files.isp().fileName("scan_telnet"), files.scanTelnet());
            var sinkhole = api.upload("/api/v1/observations/import?format=shadowserver",
                    files.isp().fileName("event4_sinkhole"), files.sinkhole());
            assertThat(telnet.json().get("accepted").asLong() + sinkhole.json().get("accepted").asLong())
                    .isEqualTo(files.isp().groundTruth().size());

            for (GroundTruth truth : files.isp().groundTruth()) {
                var answer = api.get("/api/v1/attribution?ip=" + truth.ip() + "&at=" + truth.at());
                if (truth.isUnattributable()) {
                    assertThat(answer.status()).as(truth.toString()).isEqualTo(404);
                    assertThat(answer.json().get("reason").asString()).isEqualTo("no-assignment");
                } else {
                    assertThat(answer.json().get("subscriberId").asString()).as(truth.toString())
                            .isEqualTo(truth.subscriberId());
                }
            }

            assertThat(api.get("/api/v1/cases").json().size()).isEqualTo(files.expectedCases());
            MimeMessage[] mails = awaitMails(files.expectedCases());
            assertThat(mails).hasSize((int) files.expectedCases());
            for (MimeMessage mail : mails) {
                String to = mail.getAllRecipients()[0].toString();
                boolean japanese = mail.getSubject().codePoints().anyMatch(c -> c >= 0x3040 && c <= 0x30ff);
                assertThat(japanese).as("language of the notice to " + to).isEqualTo(files.languageOf(to).equals("ja"));
            }

            JsonNode someCase = api.get("/api/v1/cases").json().get(0);
            JsonNode detail = api.get("/api/v1/cases/" + someCase.get("id").asLong()).json();
            assertThat(detail.get("observations").size()).isEqualTo(someCase.get("observationCount").asInt());
            assertThat(detail.get("observations").valueStream()
                    .map(o -> o.get("attribution").get("subscriberId").asString()))
                    .containsOnly(someCase.get("subscriberId").asString());
            assertThat(detail.get("notices").get(0).get("state").asString()).isEqualTo("sent");
            assertThat(api.get("/api/v1/notices?case=" + someCase.get("id").asLong()).json().get(0)
                    .get("state").asString()).isEqualTo("sent");

            // The same files again: nothing new anywhere.
            var again = api.upload("/api/v1/observations/import?format=shadowserver",
                    files.isp().fileName("scan_telnet"), files.scanTelnet());
            assertThat(again.json().get("accepted").asLong()).isZero();
            assertThat(again.json().get("duplicates").asLong()).isEqualTo(telnet.json().get("accepted").asLong());
            RenkeiProcess.sleep(Duration.ofSeconds(3));
            assertThat(api.get("/api/v1/cases").json().size()).isEqualTo(files.expectedCases());
            assertThat(smtp.getReceivedMessages()).hasSize((int) files.expectedCases());
        }
    }

    private Map<String, String> env() {
        return Map.of(
                "RENKEI_BOOTSTRAP_TOKEN", TOKEN,
                "RENKEI_PORT", String.valueOf(RenkeiProcess.freePort()),
                "RENKEI_DATA_DIR", dataDir.toString(),
                "RENKEI_SMTP_HOST", "127.0.0.1",
                "RENKEI_SMTP_PORT", String.valueOf(smtpPort),
                "RENKEI_SMTP_FROM", "abuse@example-isp.jp",
                "RENKEI_OUTBOX_POLL", "PT1S");
    }

    private MimeMessage[] awaitMails(long expected) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (smtp.getReceivedMessages().length < expected && System.nanoTime() < deadline) {
            RenkeiProcess.sleep(Duration.ofMillis(250));
        }
        return smtp.getReceivedMessages();
    }
}
