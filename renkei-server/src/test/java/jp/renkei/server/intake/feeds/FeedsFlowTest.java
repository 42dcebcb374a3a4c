package jp.renkei.server.intake.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import jp.renkei.server.platform.Accounts;
import jp.renkei.server.platform.Role;
import jp.renkei.server.testing.Browser;
import jp.renkei.server.testing.Tenants;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Operators manage their organisation's feeds over the API and the feeds page, and see alarms there. */
@CollectorTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FeedsFlowTest {

    @LocalServerPort
    int port;
    @Autowired
    Accounts accounts;
    @Autowired
    JdbcClient jdbc;

    private Tenants.Member operator;
    private FeedFixture feeds;

    @BeforeAll
    void organisation() {
        operator = new Tenants(accounts).newIsp("Feeds ISP", Role.OPERATOR);
        feeds = new FeedFixture(port, operator.token(), jdbc, operator.organisationId());
    }

    @Test
    void savesAFeedAndNeverShowsItsPassword() {
        JsonNode saved = feeds.put("abuse-mail", """
                {"provider": "JPCERT/CC", "format": "xarf", "source": "imap", "schedule": "PT15M",
                 "settings": {"host": "imap.example.jp", "user": "abuse", "security": "ssl"},
                 "password": "s3cret-imap"}""");

        assertThat(saved.path("name").asText()).isEqualTo("abuse-mail");
        assertThat(saved.path("passwordSet").asBoolean()).isTrue();
        assertThat(saved.path("health").path("status").asText()).isEqualTo("idle");
        String listed = feeds.api().get("/api/v1/feeds").body();
        assertThat(listed).contains("abuse-mail").doesNotContain("s3cret-imap");

        // Saving again without a password keeps the stored one.
        feeds.put("abuse-mail", """
                {"provider": "JPCERT/CC", "format": "xarf", "source": "imap", "schedule": "PT30M",
                 "settings": {"host": "imap.example.jp", "user": "abuse"}}""");
        assertThat(feeds.get("abuse-mail").path("passwordSet").asBoolean()).isTrue();
        assertThat(feeds.get("abuse-mail").path("schedule").asText()).isEqualTo("PT30M");
    }

    @Test
    void refusesAFeedItCouldNotRunNamingTheField() {
        assertThat(feeds.send("PUT", "/api/v1/feeds/bad", """
                {"format": "pdf", "source": "url", "settings": {"url": "https://x.example"}}""").body())
                .contains("bad-feed").contains("format");
        assertThat(feeds.send("PUT", "/api/v1/feeds/bad", """
                {"format": "shadowserver", "source": "url", "settings": {"url": "http://plain.example/r.csv"}}""")
                .body()).contains("settings.url");
        assertThat(feeds.send("PUT", "/api/v1/feeds/bad", """
                {"format": "shadowserver", "source": "directory", "schedule": "every hour"}""").body())
                .contains("schedule");
        assertThat(feeds.send("PUT", "/api/v1/feeds/..", """
                {"format": "shadowserver", "source": "directory"}""").status()).isIn(400, 404);
        assertThat(feeds.api().get("/api/v1/feeds/bad").status()).isEqualTo(404);
    }

    @Test
    void anotherOrganisationSeesNoneOfTheFeedsAndAuditorsCannotChangeThem() {
        feeds.put("mine", """
                {"format": "shadowserver", "source": "upload"}""");
        Tenants.Member other = new Tenants(accounts).newIsp("Other ISP", Role.ADMINISTRATOR);
        FeedFixture theirs = new FeedFixture(port, other.token(), jdbc, other.organisationId());
        assertThat(theirs.api().get("/api/v1/feeds/mine").status()).isEqualTo(404);
        assertThat(theirs.api().get("/api/v1/feeds").body()).doesNotContain("mine");
        assertThat(theirs.send("POST", "/api/v1/feeds/mine/collect", null).status()).isEqualTo(404);

        Tenants.Member auditor = new Tenants(accounts).member(operator.organisationId(), Role.AUDITOR);
        FeedFixture reader = new FeedFixture(port, auditor.token(), jdbc, operator.organisationId());
        assertThat(reader.api().get("/api/v1/feeds/mine").status()).isEqualTo(200);
        assertThat(reader.send("PUT", "/api/v1/feeds/mine", """
                {"format": "csv", "source": "upload"}""").status()).isEqualTo(403);
    }

    @Test
    void theFeedsPageShowsHealthAndTheAlarmAnImportRaised() {
        feeds.put("sensor-b", """
                {"provider": "own honeypots", "format": "shadowserver", "source": "rest"}""");
        // An import whose report type no mapping knew: the run carries the alarm, the data was kept.
        long run = jdbc.sql("""
                insert into import_run (organisation_id, kind, format, file_name, content_sha256, actor, started_at,
                    finished_at, accepted, duplicates, rejected_count, alarms)
                values (?, 'observations', 'shadowserver', '2024-09-24-scan_new_thing-jp.csv', 'abc', 'api',
                    now(), now(), 7, 0, 0,
                    '[{"kind": "unknown-report-type", "detail": "scan_new_thing: kept as unmapped observations"}]')
                returning id""").param(operator.organisationId()).query(Long.class).single();
        jdbc.sql("""
                insert into feed_delivery (organisation_id, feed_name, format, actor, origin, file_name, spool_path,
                    size_bytes, content_sha256, state, import_run_id, finished_at)
                values (?, 'sensor-b', 'shadowserver', 'api', 'api', '2024-09-24-scan_new_thing-jp.csv', '/x', 10,
                    'abc', 'imported', ?, now())""").params(operator.organisationId(), run).update();

        assertThat(feeds.get("sensor-b").path("health").path("status").asText()).isEqualTo("alarm");
        assertThat(feeds.get("sensor-b").path("health").path("alarms").get(0).path("kind").asText())
                .isEqualTo("unknown-report-type");

        Browser browser = new Browser(port);
        browser.signIn(operator.username(), operator.password());
        String page = browser.get("/feeds?lang=en").body();
        assertThat(page).contains("id=\"feed-sensor-b\"").contains("data-status=\"alarm\"")
                .contains("unknown-report-type").contains("scan_new_thing: kept as unmapped observations")
                .contains("id=\"alarmed-runs\"").contains("2024-09-24-scan_new_thing-jp.csv")
                .contains("id=\"upload-form\"").contains("id=\"feed-form\"");
        assertThat(browser.get("/feeds?lang=ja").body()).contains("警告");
    }

    @Test
    void filesPostedIntoARestFeedAreTakenOnceByContent() {
        feeds.put("sensor-c", """
                {"provider": "own sensors", "format": "shadowserver", "source": "rest"}""");
        String report = FeedFixture.scanTelnet(7, "rest") + "\"bad\"\r\n";

        var first = feeds.api().upload("/api/v1/feeds/sensor-c/files", "2024-09-24-scan_telnet-rest-jp.csv", report);
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().path("state").asText()).isEqualTo("imported");
        assertThat(first.json().path("accepted").asLong()).isEqualTo(7);
        assertThat(first.json().path("rejected").get(0).path("line").asLong()).isEqualTo(9);

        var again = feeds.api().upload("/api/v1/feeds/sensor-c/files", "renamed.csv", report);
        assertThat(again.json().path("state").asText()).isEqualTo("duplicate");
        assertThat(again.json().path("importRun").asLong()).isEqualTo(first.json().path("importRun").asLong());
        assertThat(feeds.observations("2024-09-24-scan_telnet-rest-jp.csv")).isEqualTo(7);
        assertThat(feeds.observations("renamed.csv")).isZero();
        assertThat(feeds.get("sensor-c").path("health").path("files").asLong()).isEqualTo(2);

        assertThat(feeds.api().upload("/api/v1/feeds/no-such-feed/files", "x.csv", report).status()).isEqualTo(404);
    }

    @Test
    void operatorsAddFeedsThroughTheForm() {
        Browser browser = new Browser(port);
        browser.signIn(operator.username(), operator.password());
        browser.get("/feeds");
        var answer = browser.post("/feeds", java.util.Map.of("name", "nicter-pull", "provider", "NICT",
                "format", "csv", "mapping", "nicter", "source", "url", "schedule", "0 0 6 * * *",
                "url", "https://feeds.example.jp/nicter.csv", "security", "ssl", "enabled", "on"));
        assertThat(answer.status()).isEqualTo(302);
        JsonNode saved = feeds.get("nicter-pull");
        assertThat(saved.path("source").asText()).isEqualTo("url");
        assertThat(saved.path("mapping").asText()).isEqualTo("nicter");
        assertThat(saved.path("settings").path("url").asText()).isEqualTo("https://feeds.example.jp/nicter.csv");
        assertThat(saved.path("settings").has("security")).isFalse();
        assertThat(browser.get("/feeds?edit=nicter-pull").body()).contains("value=\"nicter-pull\"");
    }
}
