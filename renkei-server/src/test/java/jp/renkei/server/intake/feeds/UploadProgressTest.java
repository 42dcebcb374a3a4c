package jp.renkei.server.intake.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.renkei.server.platform.Accounts;
import jp.renkei.server.platform.Role;
import jp.renkei.server.testing.Tenants;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** An operator uploads a report as htmx does, follows its progress, and reads the result summary. */
@CollectorTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UploadProgressTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*?value=\"([^\"]+)\"");
    private static final Pattern POLL = Pattern.compile("hx-get=\"(/uploads/\\d+)\"");

    @LocalServerPort
    int port;
    @Autowired
    Accounts accounts;
    @Autowired
    JdbcClient jdbc;

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private Tenants.Member operator;

    @BeforeAll
    void signIn() throws Exception {
        operator = new Tenants(accounts).newIsp("Upload ISP", Role.OPERATOR);
        String csrf = csrf(get("/login").body());
        String form = "username=" + URLEncoder.encode(operator.username(), StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(operator.password(), StandardCharsets.UTF_8) + "&_csrf=" + csrf;
        http.send(HttpRequest.newBuilder(uri("/login")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        get("/imports?lang=en");
    }

    @Test
    void uploadShowsAProgressBarThatFollowsTheImportAndEndsInTheResultSummary() throws Exception {
        String report = FeedFixture.scanTelnet(3_000, "upload") + "\"not a time\",\"x\",\"bad-ip\"\r\n";
        HttpResponse<String> started = upload("2024-09-24-scan_telnet-upload-jp.csv", report, "");

        assertThat(started.statusCode()).isEqualTo(200);
        assertThat(started.body()).contains("id=\"import-progress\"").contains("hx-trigger=\"every 400ms\"");
        Matcher poll = POLL.matcher(started.body());
        assertThat(poll.find()).isTrue();

        String fragment = started.body();
        int polls = 0;
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (!fragment.contains("id=\"upload-summary\"")) {
            assertThat(Instant.now()).as("upload never finished: %s", fragment).isBefore(deadline);
            Thread.sleep(200);
            fragment = htmxGet(poll.group(1)).body();
            polls++;
        }
        assertThat(polls).isPositive();
        assertThat(fragment).contains("data-state=\"imported\"").contains("value=\"100\"")
                .contains("3,000 accepted, 0 duplicates, 1 rejected.").contains("line 3002:")
                .doesNotContain("hx-trigger");

        // The same file again: recognised, nothing imported twice.
        HttpResponse<String> again = upload("2024-09-24-scan_telnet-upload-jp.csv", report, "");
        Matcher pollAgain = POLL.matcher(again.body());
        String second = again.body();
        while (pollAgain.find(0) && !second.contains("id=\"upload-summary\"")) {
            Thread.sleep(100);
            second = htmxGet(pollAgain.group(1)).body();
        }
        assertThat(second).contains("data-state=\"duplicate\"").contains("was already taken in");
    }

    @Test
    void anUnknownFormatIsRefusedAndAnotherOrganisationCannotFollowTheJob() throws Exception {
        HttpResponse<String> refused = upload("r.csv", "a,b\n", "pdf");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("id=\"upload-error\"").contains("format");

        HttpResponse<String> mine = upload("2024-09-24-scan_telnet-private-jp.csv", FeedFixture.scanTelnet(2, "p"), "");
        Matcher poll = POLL.matcher(mine.body());
        String path = poll.find() ? poll.group(1) : "/uploads/" + lastDelivery();
        UploadProgressTest other = new UploadProgressTest();
        other.port = port;
        other.accounts = accounts;
        other.signIn();
        assertThat(other.htmxGet(path).statusCode()).isEqualTo(404);
    }

    private long lastDelivery() {
        return jdbc.sql("select max(id) from feed_delivery where organisation_id = ?")
                .param(operator.organisationId()).query(Long.class).single();
    }

    private HttpResponse<String> upload(String fileName, String content, String format) throws Exception {
        String csrf = csrf(get("/feeds").body());
        String boundary = "renkei-" + UUID.randomUUID();
        String body = part(boundary, "_csrf", csrf) + part(boundary, "format", format)
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: text/csv\r\n\r\n" + content + "\r\n--" + boundary + "--\r\n";
        return http.send(HttpRequest.newBuilder(uri("/uploads")).header("HX-Request", "true")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String part(String boundary, String name, String value) {
        return "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n";
    }

    private HttpResponse<String> htmxGet(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).header("HX-Request", "true").GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String csrf(String page) {
        Matcher m = CSRF.matcher(page);
        assertThat(m.find()).as("CSRF field").isTrue();
        return m.group(1);
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
