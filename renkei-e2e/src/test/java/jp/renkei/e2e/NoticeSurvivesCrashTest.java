package jp.renkei.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The outbox promise, with a real process and a real kill: notices decided and committed but not
 * yet sent when the process dies are sent after restart — exactly once per case, however often
 * Renkei restarts afterwards.
 */
class NoticeSurvivesCrashTest {

    private static final String TOKEN = "rk_e2e_crash";

    @TempDir
    Path dataDir;

    private GreenMail smtp;
    private int smtpPort;
    private final int httpPort = RenkeiProcess.freePort();

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
    void noticeCommittedBeforeAKillIsSentExactlyOnceAfterRestart() {
        SyntheticFiles files = SyntheticFiles.generate(23, 200);
        long cases;

        // 1. Decide: cases and their notices are committed, but the dispatcher never runs (the "crash window").
        RenkeiProcess first = RenkeiProcess.start("crash-1", env(false));
        try {
            RestClient api = new RestClient(first.baseUrl(), TOKEN);
            api.upload("/api/v1/subscribers/import", "subscribers.csv", files.subscribersCsv());
            api.upload("/api/v1/assignments/import?format=freeradius-detail", "detail", files.radiusDetail());
            api.upload("/api/v1/observations/import?format=shadowserver", files.isp().fileName("scan_telnet"),
                    files.scanTelnet());
            api.upload("/api/v1/observations/import?format=shadowserver", files.isp().fileName("event4_sinkhole"),
                    files.sinkhole());
            var caseList = api.get("/api/v1/cases").json();
            cases = caseList.size();
            assertThat(cases).isEqualTo(files.expectedCases());
            long caseId = caseList.get(0).get("id").asLong();
            assertThat(api.get("/api/v1/notices?case=" + caseId).json().get(0).get("state").asString())
                    .isEqualTo("pending");
        } finally {
            first.kill();
        }
        assertThat(smtp.getReceivedMessages()).isEmpty();

        // 2. Restart with the dispatcher on: every pending notice goes out once.
        try (RenkeiProcess second = RenkeiProcess.start("crash-2", env(true))) {
            assertThat(smtp.waitForIncomingEmail(60_000, (int) cases)).isTrue();
            RenkeiProcess.sleep(Duration.ofSeconds(4));
        }
        // 3. And once more: nothing is sent twice.
        try (RenkeiProcess third = RenkeiProcess.start("crash-3", env(true))) {
            RenkeiProcess.sleep(Duration.ofSeconds(4));
        }
        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize((int) cases);
        assertThat(Arrays.stream(received).map(NoticeSurvivesCrashTest::messageId).distinct().count())
                .as("every mail is a different notice").isEqualTo(cases);
    }

    private Map<String, String> env(boolean dispatch) {
        Map<String, String> env = new HashMap<>();
        env.put("RENKEI_BOOTSTRAP_TOKEN", TOKEN);
        env.put("RENKEI_PORT", String.valueOf(httpPort));
        env.put("RENKEI_DATA_DIR", dataDir.toString());
        env.put("RENKEI_SMTP_HOST", "127.0.0.1");
        env.put("RENKEI_SMTP_PORT", String.valueOf(smtpPort));
        env.put("RENKEI_OUTBOX_POLL", "PT1S");
        env.put("RENKEI_OUTBOX_ENABLED", String.valueOf(dispatch));
        return env;
    }

    private static String messageId(MimeMessage message) {
        try {
            return message.getMessageID();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
