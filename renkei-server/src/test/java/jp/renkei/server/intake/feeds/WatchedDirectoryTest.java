package jp.renkei.server.intake.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import jp.renkei.server.platform.Accounts;
import jp.renkei.server.platform.Role;
import jp.renkei.server.testing.Tenants;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Files dropped into a feed's folder while Renkei runs are imported once, then moved to done/ or failed/. */
@CollectorTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WatchedDirectoryTest {

    @LocalServerPort
    int port;
    @Autowired
    Accounts accounts;
    @Autowired
    JdbcClient jdbc;

    private FeedFixture feeds;
    private Path folder;

    @BeforeAll
    void feedWithAFolder() {
        Tenants.Member member = new Tenants(accounts).newIsp("Folder ISP", Role.OPERATOR);
        feeds = new FeedFixture(port, member.token(), jdbc, member.organisationId());
        folder = Path.of(feeds.put("telnet-drop", """
                {"provider": "Shadowserver", "format": "shadowserver", "source": "directory"}""")
                .path("folder").asText());
    }

    @Test
    void importsFilesAppearingWhileRunningOnlyOnceCompleteAndMovesThemToDone() throws Exception {
        // One file copied in slowly, in pieces; one written under a .part name and renamed when complete.
        String slow = FeedFixture.scanTelnet(40, "slow");
        Path slowFile = folder.resolve("2024-09-24-scan_telnet-slow-jp.csv");
        int half = slow.length() / 2;
        Files.writeString(slowFile, slow.substring(0, half));
        FeedFixture.sleep(100);
        Files.writeString(slowFile, slow.substring(half), StandardOpenOption.APPEND);

        String renamed = FeedFixture.scanTelnet(25, "renamed");
        Path part = folder.resolve("2024-09-24-scan_telnet-renamed-jp.csv.part");
        try (OutputStream out = Files.newOutputStream(part)) {
            out.write(renamed.getBytes(StandardCharsets.UTF_8), 0, 100);
            FeedFixture.sleep(800);
            out.write(renamed.getBytes(StandardCharsets.UTF_8), 100, renamed.length() - 100);
        }
        Files.move(part, folder.resolve("2024-09-24-scan_telnet-renamed-jp.csv"));

        var feed = feeds.awaitFiles("telnet-drop", 2);

        assertThat(feeds.observations("2024-09-24-scan_telnet-slow-jp.csv")).isEqualTo(40);
        assertThat(feeds.observations("2024-09-24-scan_telnet-renamed-jp.csv")).isEqualTo(25);
        assertThat(feed.path("health").path("status").asText()).isEqualTo("ok");
        assertThat(feed.path("health").path("accepted").asLong()).isEqualTo(65);
        assertThat(feed.path("health").path("lastImportAt").isNull()).isFalse();
        assertThat(names(folder.resolve("done"))).contains("2024-09-24-scan_telnet-slow-jp.csv",
                "2024-09-24-scan_telnet-renamed-jp.csv");
        assertThat(names(folder)).doesNotContain("2024-09-24-scan_telnet-slow-jp.csv");
    }

    @Test
    void aFileWhoseContentWasAlreadyTakenInIsRecognisedAndNotImportedAgain() throws Exception {
        String report = FeedFixture.scanTelnet(12, "again");
        Files.writeString(folder.resolve("2024-09-24-scan_telnet-again-jp.csv"), report);
        feeds.awaitFiles("telnet-drop", countFiles() + 1);
        long before = feeds.observations("2024-09-24-scan_telnet-again-jp.csv");

        // The same bytes again, under the same name (as a re-sent report would arrive).
        Files.writeString(folder.resolve("2024-09-24-scan_telnet-again-jp.csv"), report);
        feeds.awaitFiles("telnet-drop", countFiles() + 1);

        assertThat(before).isEqualTo(12);
        assertThat(feeds.observations("2024-09-24-scan_telnet-again-jp.csv")).isEqualTo(12);
        assertThat(feeds.states("telnet-drop")).last().isEqualTo("duplicate");
        assertThat(names(folder.resolve("done"))).contains("1-2024-09-24-scan_telnet-again-jp.csv");
    }

    @Test
    void aFileTheFormatCannotReadMovesToFailedAndTheFeedShowsTheError() throws Exception {
        Files.writeString(folder.resolve("2024-09-24-scan_telnet-broken-jp.csv"), "not,a,report\n1,2,3\n");
        feeds.awaitFiles("telnet-drop", countFiles() + 1);

        var feed = feeds.get("telnet-drop");
        assertThat(feeds.states("telnet-drop")).last().isEqualTo("failed");
        assertThat(feed.path("health").path("status").asText()).isEqualTo("error");
        assertThat(feed.path("health").path("detail").asText()).isNotBlank();
        assertThat(names(folder.resolve("failed"))).contains("2024-09-24-scan_telnet-broken-jp.csv");
    }

    private int countFiles() {
        return feeds.states("telnet-drop").size();
    }

    private static java.util.List<String> names(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return java.util.List.of();
        }
        try (var files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).toList();
        }
    }
}
