package jp.renkei.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 3, acceptance 3, with a real process and a real kill -9: a report dropped into a watched
 * folder is being imported when the process dies; after restart it is imported to the end and
 * every record is there exactly once.
 */
class ImportSurvivesKillTest {

    private static final String TOKEN = "rk_e2e_import_kill";
    private static final int ROWS = 60_000;
    private static final String FILE = "2024-09-24-scan_telnet-killed-jp.csv";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path dataDir;
    @TempDir
    Path staging;

    private final int port = RenkeiProcess.freePort();

    @Test
    void aReportImportKilledHalfwayEndsWithEveryRecordExactlyOnceAfterRestart() throws Exception {
        Path report = ReportFiles.scanTelnet(staging.resolve(FILE), ROWS);
        Path folder;
        RenkeiProcess first = RenkeiProcess.start("import-kill-1", env());
        try {
            JsonNode feed = put(first, "/api/v1/feeds/sensor-drop",
                    "{\"format\": \"shadowserver\", \"source\": \"directory\", \"provider\": \"e2e\"}");
            folder = Path.of(feed.path("folder").asText());
            Files.createDirectories(folder);
            // Complete before it appears under its final name, as the .part convention asks.
            Files.copy(report, folder.resolve(FILE + ".part"));
            Files.move(folder.resolve(FILE + ".part"), folder.resolve(FILE));

            RestClient api = new RestClient(first.baseUrl(), TOKEN);
            Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
            while (api.get("/api/v1/observations?attributed=false&limit=1").json().size() == 0) {
                assertThat(Instant.now()).as("the import never started:\n" + first.logTail()).isBefore(deadline);
                RenkeiProcess.sleep(Duration.ofMillis(20));
            }
            assertThat(get(first, "/api/v1/feeds/sensor-drop").path("health").path("accepted").asLong())
                    .as("killed while importing, not after").isZero();
        } finally {
            first.kill();
        }
        assertThat(folder.resolve("processing").resolve(FILE)).as("the file is kept until its run is recorded")
                .exists();

        try (RenkeiProcess second = RenkeiProcess.start("import-kill-2", env())) {
            Instant deadline = Instant.now().plus(Duration.ofMinutes(4));
            JsonNode health = get(second, "/api/v1/feeds/sensor-drop").path("health");
            while (health.path("lastImportAt").isNull() || health.path("lastImportAt").isMissingNode()) {
                assertThat(Instant.now()).as("never finished:\n" + second.logTail()).isBefore(deadline);
                RenkeiProcess.sleep(Duration.ofMillis(500));
                health = get(second, "/api/v1/feeds/sensor-drop").path("health");
            }
            long accepted = health.path("accepted").asLong();
            long duplicates = health.path("duplicates").asLong();
            assertThat(duplicates).as("rows committed before the kill").isPositive();
            assertThat(accepted + duplicates).isEqualTo(ROWS);

            List<String> exported = new RestClient(second.baseUrl(), TOKEN)
                    .get("/api/v1/observations/export?format=csv&prefix=10.0.0.0/8").body().lines().skip(1).toList();
            assertThat(exported).hasSize(ROWS);
            assertThat(exported.stream().map(l -> l.split(",")[1]).distinct().count()).isEqualTo(ROWS);
            assertThat(folder.resolve("done").resolve(FILE)).exists();
        }
    }

    private Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put("RENKEI_PORT", String.valueOf(port));
        env.put("RENKEI_DATA_DIR", dataDir.toString());
        env.put("RENKEI_BOOTSTRAP_TOKEN", TOKEN);
        env.put("RENKEI_COLLECT_INTERVAL", "PT0.5S");
        env.put("RENKEI_FILE_SETTLE", "PT0.2S");
        return env;
    }

    private static JsonNode put(RenkeiProcess renkei, String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(renkei.baseUrl() + path))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    private static JsonNode get(RenkeiProcess renkei, String path) {
        return send(HttpRequest.newBuilder(URI.create(renkei.baseUrl() + path)).GET());
    }

    private static JsonNode send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(
                    request.header("Authorization", "Bearer " + TOKEN).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
