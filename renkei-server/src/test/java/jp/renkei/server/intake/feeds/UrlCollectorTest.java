package jp.renkei.server.intake.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import jp.renkei.server.platform.Accounts;
import jp.renkei.server.platform.Role;
import jp.renkei.server.testing.Tenants;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Scheduled HTTPS pulls against a local HTTPS server whose self-signed certificate keytool makes
 * at test time: the feed trusts that one certificate, fetches conditionally, takes each new file
 * once, and follows redirects only to where a feed may fetch from (127.0.0.1 is allowed in these
 * tests, 127.0.0.2 and the cloud metadata address are not).
 */
@CollectorTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UrlCollectorTest {

    private static final String PATH = "/reports/2024-09-24-scan_telnet-pull-jp.csv";

    @LocalServerPort
    int port;
    @Autowired
    Accounts accounts;
    @Autowired
    JdbcClient jdbc;

    private HttpsServer server;
    private String certificatePem;
    private volatile String body = FeedFixture.scanTelnet(6, "pull-v1");
    private volatile String etag = "\"v1\"";
    private final List<String> conditionals = new CopyOnWriteArrayList<>();
    private final AtomicInteger redirected = new AtomicInteger();
    private FeedFixture feeds;

    @BeforeAll
    void httpsServer() throws Exception {
        Path keystore = Files.createTempDirectory("renkei-feed-tls").resolve("server.p12");
        keytool("-genkeypair", "-alias", "feed", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=127.0.0.1",
                "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-validity", "2", "-keystore", keystore.toString(),
                "-storetype", "PKCS12", "-storepass", "changeit", "-keypass", "changeit");
        certificatePem = keytool("-exportcert", "-rfc", "-alias", "feed", "-keystore", keystore.toString(),
                "-storepass", "changeit");

        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            ks.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, "changeit".toCharArray());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(kmf.getKeyManagers(), null, null);
        server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        server.createContext("/reports/", exchange -> {
            String ifNoneMatch = exchange.getRequestHeaders().getFirst("If-None-Match");
            conditionals.add(String.valueOf(ifNoneMatch));
            if (!exchange.getRequestURI().getPath().equals(PATH)) {
                exchange.sendResponseHeaders(404, -1);
            } else if (etag.equals(ifNoneMatch)) {
                exchange.sendResponseHeaders(304, -1);
            } else {
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("ETag", etag);
                exchange.getResponseHeaders().add("Content-Type", "text/csv");
                exchange.sendResponseHeaders(200, bytes.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
            exchange.close();
        });
        server.createContext("/elsewhere/", exchange -> {
            redirected.incrementAndGet();
            byte[] bytes = FeedFixture.scanTelnet(3, "redirected").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
            exchange.close();
        });
        // /moved/<name>?to=<where>: a redirect to where the "to" parameter says.
        server.createContext("/moved/", exchange -> {
            String to = java.net.URLDecoder.decode(exchange.getRequestURI().getRawQuery().substring("to=".length()),
                    StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Location", to);
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        server.createContext("/loop/", exchange -> {
            exchange.getResponseHeaders().add("Location", "/loop/");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        server.start();

        Tenants.Member member = new Tenants(accounts).newIsp("Pull ISP", Role.OPERATOR);
        feeds = new FeedFixture(port, member.token(), jdbc, member.organisationId());
    }

    @AfterAll
    void stop() {
        server.stop(0);
    }

    @Test
    void pullsTheReportOverHttpsTrustingTheConfiguredCertificateAndFetchesOnlyWhatChanged() {
        feeds.put("shadowserver-pull", """
                {"provider": "Shadowserver", "format": "shadowserver", "source": "url", "schedule": "PT1H",
                 "settings": {"url": "%s", "trustCertificate": %s}}""".formatted(url(), json(certificatePem)));
        var feed = feeds.awaitFiles("shadowserver-pull", 1);
        assertThat(feed.path("lastRunStatus").asText()).isEqualTo("ok");
        assertThat(feeds.observations("2024-09-24-scan_telnet-pull-jp.csv")).isEqualTo(6);

        // Unchanged: a conditional GET answered 304, nothing new is taken.
        collectNow();
        assertThat(conditionals).last().isEqualTo("\"v1\"");
        assertThat(feeds.get("shadowserver-pull").path("lastRunDetail").asText()).isEqualTo("not modified");
        assertThat(feeds.states("shadowserver-pull")).hasSize(1);

        // Changed: the new version is taken in.
        body = FeedFixture.scanTelnet(8, "pull-v2");
        etag = "\"v2\"";
        collectNow();
        feeds.awaitFiles("shadowserver-pull", 2);
        assertThat(feeds.states("shadowserver-pull")).containsExactly("imported", "imported");
        assertThat(feeds.observations("2024-09-24-scan_telnet-pull-jp.csv")).isEqualTo(14);
    }

    @Test
    void aServerCertificateNobodyTrustsIsAnErrorOnTheFeed() {
        feeds.put("untrusted-pull", """
                {"format": "shadowserver", "source": "url", "schedule": "PT1H", "settings": {"url": "%s"}}"""
                .formatted(url()));
        var feed = feeds.await("untrusted-pull", f -> f.path("lastRunStatus").asText().equals("error"));
        assertThat(feed.path("health").path("status").asText()).isEqualTo("error");
        assertThat(feeds.states("untrusted-pull")).isEmpty();
    }

    @Test
    void aRedirectIsFollowedWhenItStaysWhereFeedsMayFetchFrom() {
        feeds.put("moved-pull", """
                {"format": "shadowserver", "source": "url", "schedule": "PT1H",
                 "settings": {"url": "%s", "trustCertificate": %s}}"""
                .formatted(moved("/elsewhere/scan_telnet.csv"), json(certificatePem)));

        var feed = feeds.awaitFiles("moved-pull", 1);

        assertThat(feed.path("lastRunStatus").asText()).as(feed.toString()).isEqualTo("ok");
        assertThat(feeds.states("moved-pull")).containsExactly("imported");
        assertThat(redirected.get()).isEqualTo(1);
    }

    @Test
    void aRedirectToTheCloudMetadataServiceIsRefusedAndNothingIsFetchedThere() {
        feeds.put("metadata-pull", """
                {"format": "shadowserver", "source": "url", "schedule": "PT1H",
                 "settings": {"url": "%s", "trustCertificate": %s}}"""
                .formatted(moved("https://169.254.169.254/latest/meta-data/"), json(certificatePem)));

        var feed = feeds.await("metadata-pull", f -> f.path("lastRunStatus").asText().equals("error"));

        assertThat(feed.path("health").path("status").asText()).isEqualTo("error");
        assertThat(feed.path("lastRunDetail").asText()).contains("feed 'metadata-pull'",
                "https://169.254.169.254/latest/meta-data/ refused: 169.254.169.254 is a link-local address",
                "redirected from " + moved("https://169.254.169.254/latest/meta-data/"));
        assertThat(feeds.states("metadata-pull")).isEmpty();
    }

    @Test
    void aRedirectToALoopbackAddressOutsideTheAllowedNetworksIsRefused() {
        String elsewhere = "https://127.0.0.2:" + server.getAddress().getPort() + "/elsewhere/scan_telnet.csv";
        feeds.put("loopback-pull", """
                {"format": "shadowserver", "source": "url", "schedule": "PT1H",
                 "settings": {"url": "%s", "trustCertificate": %s}}""".formatted(moved(elsewhere), json(certificatePem)));

        var feed = feeds.await("loopback-pull", f -> f.path("lastRunStatus").asText().equals("error"));

        assertThat(feed.path("lastRunDetail").asText())
                .contains(elsewhere + " refused: 127.0.0.2 is a loopback address", "renkei.outbound.allowed-private-networks");
        assertThat(feeds.states("loopback-pull")).isEmpty();
    }

    @Test
    void aRedirectToPlainHttpIsRefused() {
        String plain = "http://127.0.0.1:" + server.getAddress().getPort() + "/elsewhere/scan_telnet.csv";
        feeds.put("downgraded-pull", """
                {"format": "shadowserver", "source": "url", "schedule": "PT1H",
                 "settings": {"url": "%s", "trustCertificate": %s}}""".formatted(moved(plain), json(certificatePem)));

        var feed = feeds.await("downgraded-pull", f -> f.path("lastRunStatus").asText().equals("error"));

        assertThat(feed.path("lastRunDetail").asText()).contains(plain + " refused: only https:// URLs are fetched");
        assertThat(feeds.states("downgraded-pull")).isEmpty();
    }

    @Test
    void aRedirectLoopEndsAfterFiveRedirects() {
        // /loop/ redirects to itself.
        feeds.put("loop-pull", """
                {"format": "shadowserver", "source": "url", "schedule": "PT1H",
                 "settings": {"url": "%s", "trustCertificate": %s}}""".formatted(url().replace(PATH, "/loop/"), json(certificatePem)));

        var feed = feeds.await("loop-pull", f -> f.path("lastRunStatus").asText().equals("error"));

        assertThat(feed.path("lastRunDetail").asText()).contains("feed 'loop-pull'", "redirected more than 5 times");
        assertThat(feeds.states("loop-pull")).isEmpty();
    }

    private void collectNow() {
        assertThat(feeds.send("POST", "/api/v1/feeds/shadowserver-pull/collect", null).status()).isEqualTo(200);
    }

    /** A URL on the test server that redirects to {@code to}. */
    private String moved(String to) {
        return url().replace(PATH, "/moved/2024-09-24-scan_telnet-moved-jp.csv?to="
                + java.net.URLEncoder.encode(to, StandardCharsets.UTF_8));
    }

    private String url() {
        return "https://127.0.0.1:" + server.getAddress().getPort() + PATH;
    }

    private static String json(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\r", "").replace("\n", "\\n") + "\"";
    }

    private static String keytool(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }
}
