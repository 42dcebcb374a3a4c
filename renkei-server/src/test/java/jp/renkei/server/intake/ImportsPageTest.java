package jp.renkei.server.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.renkei.server.platform.Accounts;
import jp.renkei.server.platform.Role;
import jp.renkei.server.testing.Api;
import jp.renkei.server.testing.RenkeiTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** An operator signs in, uploads files on the imports page, and sees what became of them. */
@RenkeiTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImportsPageTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort
    int port;
    @Autowired
    Accounts accounts;

    final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NORMAL).build();

    @BeforeAll
    void signIn() throws Exception {
        long org = new Api(port, RenkeiTest.BOOTSTRAP_TOKEN).get("/api/v1/me").json().get("organisationId").asLong();
        accounts.createUser(org, "ip-operator", "Page operator", "page-operator-pw", Role.OPERATOR);
        String csrf = csrf(get("/login"));
        String form = "username=ip-operator&password=page-operator-pw&_csrf=" + URLEncoder.encode(csrf,
                StandardCharsets.UTF_8);
        browser.send(HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void pageListsUploadFormsInJapaneseByDefault() throws Exception {
        String page = get("/imports");

        assertThat(page).contains("取り込み").contains("action=\"/imports/subscribers\"")
                .contains("action=\"/imports/assignments\"").contains("action=\"/imports/observations\"")
                .contains("利用者を特定できなかった観測");
    }

    @Test
    void uploadRunsTheImportAndShowsItsSummaryAndRejectedLines() throws Exception {
        String page = upload("/imports/subscribers", "page-subscribers.csv",
                "subscriber_id,name,email,phone,language\nIP-1,Page One,one@example.jp,,ja\nIP-2,Bad,nope,,ja\n");

        assertThat(page).contains("id=\"import-outcome\"").contains("page-subscribers.csv")
                .contains("取り込み 1 件").contains("不採用 1 件").contains("3 行目");
        assertThat(page).contains("id=\"import-runs\"");
    }

    @Test
    void unreadableReportIsShownAsAnErrorNotAsZeroImported() throws Exception {
        String page = upload("/imports/observations", "report.csv", "timestamp,ip\n");

        assertThat(page).contains("id=\"import-error\"").contains("report.csv").doesNotContain("id=\"import-outcome\"");
    }

    private String upload(String path, String fileName, String content) throws Exception {
        String csrf = csrf(get("/imports"));
        String boundary = "renkei-" + UUID.randomUUID();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: text/csv\r\n\r\n" + content + "\r\n--" + boundary + "--\r\n";
        HttpResponse<String> response = browser.send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.uri().getPath()).isEqualTo("/imports");
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private String get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = browser.send(HttpRequest.newBuilder(uri(path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }

    private static String csrf(String page) {
        Matcher m = CSRF.matcher(page);
        assertThat(m.find()).as("CSRF field on the page").isTrue();
        return m.group(1);
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
