package jp.renkei.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The two ways an operator starts Renkei: the bare jar on embedded PostgreSQL, and the jar on their own PostgreSQL. */
class RunConfigurationsTest {

    private static final Pattern GENERATED_PASSWORD = Pattern.compile("generated password \\(shown once\\): (\\S+)");

    @TempDir
    Path workDir;

    @Test
    void bareJarKeepsItsDataInTheCurrentDirectoryAndPrintsTheFirstAdministratorsPasswordOnce() throws Exception {
        // No arguments; RENKEI_PORT (and, in RenkeiProcess, the RADIUS port) only so the test does not
        // depend on 8080 and 1813 being free.
        try (RenkeiProcess renkei = RenkeiProcess.start("bare", workDir,
                Map.of("RENKEI_PORT", String.valueOf(RenkeiProcess.freePort())))) {
            assertThat(workDir.resolve("renkei-data/postgres/PG_VERSION")).exists();
            Matcher password = GENERATED_PASSWORD.matcher(renkei.log());
            assertThat(password.find()).as(renkei.logTail()).isTrue();

            assertThat(signIn(renkei, "admin", password.group(1))).doesNotContain("error");
            assertThat(signIn(renkei, "admin", "wrong-password")).contains("error");
        }
        try (RenkeiProcess again = RenkeiProcess.start("bare-again", workDir,
                Map.of("RENKEI_PORT", String.valueOf(RenkeiProcess.freePort())))) {
            assertThat(again.log()).as("the password is shown on the first start only").doesNotContain("generated password");
        }
    }

    @Test
    void renkeiDbUrlPointsRenkeiAtAnExternalPostgresql() throws Exception {
        // The PostgreSQL server this machine runs on 127.0.0.1:5432 (trust authentication).
        String database = "renkei_e2e_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute("postgres", "create database " + database);
        try (RenkeiProcess renkei = RenkeiProcess.start("external-db", workDir, Map.of(
                "RENKEI_PORT", String.valueOf(RenkeiProcess.freePort()),
                "RENKEI_DATA_DIR", workDir.resolve("data").toString(),
                "RENKEI_DB_URL", "jdbc:postgresql://127.0.0.1:5432/" + database,
                "RENKEI_DB_USER", "postgres",
                "RENKEI_BOOTSTRAP_TOKEN", "rk_e2e_external",
                "RENKEI_BOOTSTRAP_ORG", "外部DB ISP"))) {
            var me = new RestClient(renkei.baseUrl(), "rk_e2e_external").get("/api/v1/me");

            assertThat(me.json().get("organisationName").asString()).isEqualTo("外部DB ISP");
            assertThat(workDir.resolve("data/postgres")).doesNotExist();
            try (Connection db = connect(database)) {
                var rs = db.createStatement().executeQuery("select name from organisation");
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("外部DB ISP");
            }
        } finally {
            execute("postgres", "drop database if exists " + database + " with (force)");
        }
    }

    /** Posts the login form (with its CSRF token) and answers where the server redirects to. */
    private static String signIn(RenkeiProcess renkei, String username, String password) throws Exception {
        HttpClient http = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
        String form = http.send(HttpRequest.newBuilder(URI.create(renkei.baseUrl() + "/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*?value=\"([^\"]+)\"").matcher(form);
        assertThat(csrf.find()).isTrue();
        String body = "username=" + username + "&password=" + password + "&_csrf=" + csrf.group(1);
        HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(renkei.baseUrl() + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding());
        return response.headers().firstValue("Location").orElse("");
    }

    private static void execute(String database, String sql) throws SQLException {
        try (Connection db = connect(database)) {
            db.createStatement().execute(sql);
        }
    }

    private static Connection connect(String database) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + database, "postgres", "");
    }
}
