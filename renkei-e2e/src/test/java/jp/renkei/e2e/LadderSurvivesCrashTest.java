package jp.renkei.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The ladder's promise with a real process and a real kill: a process killed between two steps of
 * a case's ladder sends the later step after the restart — every step's mail exactly once per
 * case, however often Renkei restarts afterwards.
 */
class LadderSurvivesCrashTest {

    private static final String TOKEN = "rk_e2e_ladder_crash";
    /** The second e-mail of the short ladder; long enough for the first process to be killed before it. */
    private static final Duration SECOND_STEP = Duration.ofSeconds(30);
    /** The ladder's scheduler looks for due steps every second, so a due step waits at most that. */
    private static final Map<String, String> ESCALATING = Map.of("RENKEI_ESCALATION_POLL", "PT1S");

    @RegisterExtension
    final CrashedInstallation renkei = new CrashedInstallation(TOKEN);

    @Test
    void aProcessKilledBetweenTwoStepsSendsEachStepsMailExactlyOnce() {
        SyntheticFiles files = SyntheticFiles.generate(29, 60);
        long cases;
        Instant opened;

        // 1. A short ladder (e-mail now, e-mail again after 30 s); cases open and get their first mail; kill -9.
        RenkeiProcess first = renkei.start("ladder-crash-1", ESCALATING);
        try {
            String ladder = """
                    {"ladders": [{"name": "quick", "steps": [{"after": "PT0S", "channel": "email"},
                                                              {"after": "PT%dS", "channel": "email"}]}],
                     "default": "quick"}""".formatted(SECOND_STEP.toSeconds());
            assertThat(put(first.baseUrl() + "/api/v1/ladders", ladder)).isEqualTo(200);
            RestClient api = renkei.api(first);
            CrashedInstallation.importSubscribersAndAssignments(api, files);
            opened = Instant.now();
            CrashedInstallation.importObservations(api, files);
            cases = api.get("/api/v1/cases").json().size();
            assertThat(cases).isEqualTo(files.expectedCases());
            assertThat(renkei.smtp().waitForIncomingEmail(20_000, (int) cases)).as(first.logTail()).isTrue();
            // Kill between the steps, not while a mail is in flight: the outbox's own window (sent,
            // not yet marked) is NoticeSurvivesCrashTest's subject, and resends with the same Message-ID.
            awaitAllSent(api, 1);
        } finally {
            first.kill();
        }
        assertThat(Duration.between(opened, Instant.now())).as("killed before the second step was due")
                .isLessThan(SECOND_STEP);
        MimeMessage[] beforeRestart = renkei.smtp().getReceivedMessages();
        assertThat(beforeRestart).as(() -> describe(beforeRestart)).hasSize((int) cases);

        // 2. Down until the second step is overdue; the restart sends it once per case.
        Duration down = Duration.between(Instant.now(), opened.plus(SECOND_STEP).plusSeconds(2));
        if (!down.isNegative()) {
            RenkeiProcess.sleep(down);
        }
        try (RenkeiProcess second = renkei.start("ladder-crash-2", ESCALATING)) {
            assertThat(renkei.smtp().waitForIncomingEmail(60_000, 2 * (int) cases)).as(second.logTail()).isTrue();
            RenkeiProcess.sleep(Duration.ofSeconds(4));
        }
        // 3. And once more: nothing is sent twice.
        try (RenkeiProcess third = renkei.start("ladder-crash-3", ESCALATING)) {
            RenkeiProcess.sleep(Duration.ofSeconds(5));
            RestClient api = renkei.api(third);
            api.get("/api/v1/cases").json().valueStream().map(c -> c.get("id").asLong()).forEach(caseId -> {
                var notices = api.get("/api/v1/notices?case=" + caseId).json();
                assertThat(notices.size()).as("case %d: one notice per step", caseId).isEqualTo(2);
                assertThat(notices.valueStream().map(n -> n.get("state").asString())).containsOnly("sent");
            });
        }

        MimeMessage[] received = renkei.smtp().getReceivedMessages();
        assertThat(received).as(() -> describe(received)).hasSize(2 * (int) cases);
        assertThat(Arrays.stream(received).map(CrashedInstallation::messageId).distinct().count())
                .as("every mail is a different notice").isEqualTo(2 * cases);
    }

    private static void awaitAllSent(RestClient api, int perCase) {
        Instant deadline = Instant.now().plusSeconds(20);
        while (true) {
            boolean allSent = api.get("/api/v1/cases").json().valueStream().map(c -> c.get("id").asLong())
                    .allMatch(caseId -> {
                        var notices = api.get("/api/v1/notices?case=" + caseId).json();
                        return notices.size() == perCase
                                && notices.valueStream().allMatch(n -> n.get("state").asString().equals("sent"));
                    });
            if (allSent) {
                return;
            }
            assertThat(Instant.now()).as("every case's notices marked sent").isBefore(deadline);
            RenkeiProcess.sleep(Duration.ofMillis(200));
        }
    }

    private static int put(String url, String json) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + TOKEN)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json))
                .build();
        try {
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String describe(MimeMessage[] messages) {
        return String.join("\n", Arrays.stream(messages).map(m -> {
            try {
                return m.getAllRecipients()[0] + " " + m.getMessageID() + " " + m.getSubject();
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList());
    }
}
