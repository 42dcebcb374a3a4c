package jp.renkei.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The outbox promise, with a real process and a real kill: notices decided and committed but not
 * yet sent when the process dies are sent after restart — exactly once per case, however often
 * Renkei restarts afterwards.
 */
class NoticeSurvivesCrashTest {

    private static final String TOKEN = "rk_e2e_crash";

    @RegisterExtension
    final CrashedInstallation renkei = new CrashedInstallation(TOKEN);

    @Test
    void noticeCommittedBeforeAKillIsSentExactlyOnceAfterRestart() {
        SyntheticFiles files = SyntheticFiles.generate(23, 200);
        long cases;

        // 1. Decide: cases and their notices are committed, but the dispatcher never runs (the "crash window").
        RenkeiProcess first = renkei.start("crash-1", dispatching(false));
        try {
            RestClient api = renkei.api(first);
            CrashedInstallation.importSubscribersAndAssignments(api, files);
            CrashedInstallation.importObservations(api, files);
            var caseList = api.get("/api/v1/cases").json();
            cases = caseList.size();
            assertThat(cases).isEqualTo(files.expectedCases());
            long caseId = caseList.get(0).get("id").asLong();
            assertThat(api.get("/api/v1/notices?case=" + caseId).json().get(0).get("state").asString())
                    .isEqualTo("pending");
        } finally {
            first.kill();
        }
        assertThat(renkei.smtp().getReceivedMessages()).isEmpty();

        // 2. Restart with the dispatcher on: every pending notice goes out once.
        try (RenkeiProcess second = renkei.start("crash-2", dispatching(true))) {
            assertThat(renkei.smtp().waitForIncomingEmail(60_000, (int) cases)).isTrue();
            RenkeiProcess.sleep(Duration.ofSeconds(4));
        }
        // 3. And once more: nothing is sent twice.
        try (RenkeiProcess third = renkei.start("crash-3", dispatching(true))) {
            RenkeiProcess.sleep(Duration.ofSeconds(4));
        }
        MimeMessage[] received = renkei.smtp().getReceivedMessages();
        assertThat(received).hasSize((int) cases);
        assertThat(Arrays.stream(received).map(CrashedInstallation::messageId).distinct().count())
                .as("every mail is a different notice").isEqualTo(cases);
    }

    /** With the dispatcher off, decided notices stay in the outbox: the window a crash falls into. */
    private static Map<String, String> dispatching(boolean dispatch) {
        return Map.of("RENKEI_OUTBOX_ENABLED", String.valueOf(dispatch));
    }
}
