package jp.renkei.server.quarantine;

import static jp.renkei.core.intake.ProblemKind.INFECTED;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.renkei.core.quarantine.Consent;
import jp.renkei.core.quarantine.ConsentLevel;
import jp.renkei.server.attribution.AttributionSettings;
import jp.renkei.server.attribution.DetailFile;
import jp.renkei.server.cases.CaseFilter;
import jp.renkei.server.cases.CaseManagement;
import jp.renkei.server.testing.Api;
import jp.renkei.server.testing.Sightings;
import jp.renkei.server.testing.Sightings.Sighting;
import jp.renkei.server.testing.Tenants;
import org.springframework.context.ApplicationContext;

/**
 * Test data for quarantine scenarios: a subscriber whose line holds an address now (an open RADIUS
 * session imported as a FreeRADIUS detail file, as an ISP would), an infected-device case, and
 * a consent given in the portal.
 */
final class GardenFixtures {

    /** A subscriber's line with an open case. */
    record Line(long organisationId, String subscriberId, String address, long caseId) {}

    private final ApplicationContext context;
    private final int port;

    GardenFixtures(ApplicationContext context, int port) {
        this.context = context;
        this.port = port;
    }

    /** A subscriber holding {@code address} since an hour ago through {@code nas}, with an infected camera. */
    Line line(Tenants.Member admin, String subscriberId, String address, String nas, String sessionId) {
        long org = admin.organisationId();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Sightings sightings = Sightings.in(context);
        sightings.subscriber(org, subscriberId, "山田 太郎", subscriberId.toLowerCase() + "@example.jp", "ja");
        Api.Answer imported = new Api(port, admin.token()).upload("/api/v1/assignments/import?format=freeradius-detail",
                "detail-" + subscriberId, DetailFile.fromNas(nas).start(subscriberId, sessionId, address,
                        now.minus(Duration.ofHours(1))).toString());
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        sightings.record(org, Sighting.of(subscriberId, INFECTED, now.minus(Duration.ofMinutes(30)), address)
                .device("ExampleCam", "EC-200"));
        long caseId = context.getBean(CaseManagement.class)
                .list(org, new CaseFilter(Optional.empty(), Optional.empty(), Optional.of(subscriberId)), 1).get(0).id();
        return new Line(org, subscriberId, address, caseId);
    }

    /**
     * The ISP declares its address pools (replacing any earlier ones), as the attribution settings
     * page does: the garden asks only an organisation whose pools hold the client's address.
     */
    void declarePools(Tenants.Member admin, String... prefixes) {
        context.getBean(AttributionSettings.class).putPolicy(admin.organisationId(), admin.username(), Duration.ZERO,
                List.of(prefixes), List.of());
    }

    void consent(Line line, ConsentLevel level) {
        context.getBean(Consents.class).record(line.organisationId(), line.subscriberId(),
                new Consent(level, "v3", Instant.now()), "portal");
    }

    /** A cookie-keeping HTTP client on the garden port, as the client at {@code address} behind the trusted proxy. */
    static final class GardenVisitor {

        private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*?value=\"([^\"]+)\"");

        private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        private final String base;
        private final String address;
        private String csrf = "";

        GardenVisitor(int gardenPort, String address) {
            this.base = "http://127.0.0.1:" + gardenPort;
            this.address = address;
        }

        HttpResponse<String> get(String path) {
            HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + path)).GET());
            Matcher m = CSRF.matcher(r.body());
            if (m.find()) {
                csrf = m.group(1);
            }
            return r;
        }

        HttpResponse<String> release() {
            return send(HttpRequest.newBuilder(URI.create(base + "/walled-garden/release"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8))));
        }

        private HttpResponse<String> send(HttpRequest.Builder request) {
            try {
                return http.send(request.header("X-Forwarded-For", address).build(),
                        HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
