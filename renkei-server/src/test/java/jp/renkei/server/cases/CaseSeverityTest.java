package jp.renkei.server.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import jp.renkei.server.attribution.DetailFile;
import jp.renkei.server.intake.ShadowserverFile;
import jp.renkei.server.platform.Accounts;
import jp.renkei.server.platform.Role;
import jp.renkei.server.testing.Api;
import jp.renkei.server.testing.Browser;
import jp.renkei.server.testing.RenkeiTest;
import jp.renkei.server.testing.Tenants;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * A case's severity is the worst any feed's report gave it, or its problem kind's default when no
 * report gave one; the case list filters and orders by it. Real Shadowserver imports through the API,
 * from two feeds, attributed through real RADIUS accounting.
 */
@RenkeiTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaseSeverityTest {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);
    /** Recent, so the quiet-case sweep cannot close a case between two imports. */
    private static final Instant DAY0 = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(5));

    @LocalServerPort
    int port;
    @Autowired
    Accounts accounts;

    Api api;
    Tenants.Member operator;
    int files;

    @BeforeAll
    void subscribersAndTheirSessions() {
        operator = new Tenants(accounts).newIsp("Severity ISP", Role.OPERATOR);
        api = new Api(port, operator.token());
        api.upload("/api/v1/subscribers/import", "subscribers.csv", """
                subscriber_id,name,email,phone,language
                SV-1,重大 一郎,sv1@example.jp,,ja
                SV-2,重大 次郎,sv2@example.jp,,ja
                SV-3,重大 三郎,sv3@example.jp,,ja
                SV-4,重大 四郎,sv4@example.jp,,ja
                SV-5,重大 五郎,sv5@example.jp,,ja
                """);
        DetailFile detail = DetailFile.fromNas("192.0.2.50");
        for (int i = 1; i <= 5; i++) {
            detail.start("SV-" + i, "sv-" + i, ip(i), DAY0.minus(Duration.ofDays(2)));
        }
        assertThat(api.upload("/api/v1/assignments/import?format=freeradius-detail", "detail-severity",
                detail.toString()).status()).isEqualTo(200);
    }

    @Test
    void aCaseTakesTheWorstSeverityAcrossBothFeedsReports() {
        telnet("sv-alpha", 1, DAY0.plus(Duration.ofHours(1)), "medium");
        assertThat(caseOf("SV-1").get("severity").asString()).isEqualTo("medium");

        telnet("sv-beta", 1, DAY0.plus(Duration.ofDays(1)), "high");
        telnet("sv-alpha", 1, DAY0.plus(Duration.ofDays(2)), "low");

        JsonNode c = caseOf("SV-1");
        assertThat(c.get("observationCount").asLong()).isEqualTo(3);
        assertThat(c.get("severity").asString()).isEqualTo("high");
        assertThat(c.get("severityReported").asBoolean()).isTrue();
        JsonNode detail = api.get("/api/v1/cases/" + c.get("id").asLong()).json();
        assertThat(detail.get("severity").asString()).isEqualTo("high");
        List<String> changes = new ArrayList<>();
        detail.get("timeline").forEach(e -> {
            if (e.get("kind").asString().equals("severity")) {
                changes.add(e.get("detail").asString());
            }
        });
        assertThat(changes).containsExactly("medium → high");
    }

    @Test
    void aReportLinkedToAnotherFeedsSightingStillGradesTheCase() {
        telnet("sv-alpha", 2, DAY0.plus(Duration.ofHours(3)), "low");
        // The same device ten minutes later from the other feed: linked, not counted twice, but critical.
        telnet("sv-beta", 2, DAY0.plus(Duration.ofHours(3)).plus(Duration.ofMinutes(10)), "critical");

        JsonNode c = caseOf("SV-2");
        assertThat(c.get("observationCount").asLong()).isEqualTo(1);
        assertThat(c.get("severity").asString()).isEqualTo("critical");
    }

    @Test
    void withoutAGradeTheKindsDefaultHoldsUntilAReportGivesOne() {
        telnet("sv-alpha", 3, DAY0.plus(Duration.ofHours(5)), "");
        sinkhole("sv-beta", 3, DAY0.plus(Duration.ofHours(6)));

        JsonNode telnet = caseOf("SV-3", "exposed-telnet");
        assertThat(telnet.get("severity").asString()).isEqualTo("medium");
        assertThat(telnet.get("severityReported").asBoolean()).isFalse();
        JsonNode infected = caseOf("SV-3", "infected");
        assertThat(infected.get("severity").asString()).isEqualTo("high");
        assertThat(infected.get("severityReported").asBoolean()).isFalse();

        // A report's own grade replaces the default, even a milder one: the report knows the device.
        telnet("sv-beta", 3, DAY0.plus(Duration.ofDays(1)), "low");
        JsonNode graded = caseOf("SV-3", "exposed-telnet");
        assertThat(graded.get("severity").asString()).isEqualTo("low");
        assertThat(graded.get("severityReported").asBoolean()).isTrue();
    }

    @Test
    void theListFiltersBySeverityAndOrdersTheMostSevereFirst() {
        telnet("sv-alpha", 4, DAY0.plus(Duration.ofHours(8)), "critical");
        telnet("sv-alpha", 5, DAY0.plus(Duration.ofDays(3)), "info");

        // SV-2's case may be critical too (another scenario of this class): only critical cases, SV-4's among them.
        JsonNode critical = api.get("/api/v1/cases?severity=critical").json();
        assertThat(subscribers(critical)).contains("SV-4").doesNotContain("SV-5", "SV-1");
        critical.forEach(c -> assertThat(c.get("severity").asString()).isEqualTo("critical"));
        assertThat(subscribers(api.get("/api/v1/cases?severity=info").json())).containsExactly("SV-5");
        assertThat(subscribers(api.get("/api/v1/cases?severity=critical&state=open&kind=infected").json())).isEmpty();
        Api.Answer bad = api.get("/api/v1/cases?severity=severe");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("detail").asString()).contains("severity");
        assertThat(api.get("/api/v1/cases?sort=worst").status()).isEqualTo(400);

        List<String> ordered = new ArrayList<>();
        api.get("/api/v1/cases?sort=severity").json().forEach(c -> ordered.add(c.get("severity").asString()));
        List<String> rank = List.of("critical", "high", "medium", "low", "info");
        assertThat(ordered).first().isEqualTo("critical");
        assertThat(ordered).contains("info");
        assertThat(ordered).isSortedAccordingTo((a, b) -> rank.indexOf(a) - rank.indexOf(b));

        Browser desk = new Browser(port);
        desk.signIn(operator.username(), operator.password());
        Browser.Page list = desk.get("/cases?severity=critical&sort=severity");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains("SV-4", "data-severity=\"critical\"").doesNotContain("SV-5", "??");
        Browser.Page dashboard = desk.get("/");
        assertThat(dashboard.body()).contains("badge severity", "id=\"severest-first\"").doesNotContain("??");
        long sv4 = caseOf("SV-4").get("id").asLong();
        Browser.Page detail = desk.get("/cases/" + sv4);
        assertThat(detail.body()).contains("id=\"case-severity\"", "data-severity=\"critical\"").doesNotContain("??");
    }

    private void telnet(String feed, int subscriber, Instant at, String severity) {
        String file = ShadowserverFile.of(ShadowserverFile.SCAN_TELNET)
                .row("timestamp", TIME.format(at), "severity", severity, "ip", ip(subscriber), "protocol", "tcp",
                        "port", "23")
                .toString();
        upload(feed, DAY.format(at) + "-scan_telnet-sv" + (++files) + "-jp.csv", file);
    }

    private void sinkhole(String feed, int subscriber, Instant at) {
        String file = ShadowserverFile.of(ShadowserverFile.EVENT4_SINKHOLE)
                .row("timestamp", TIME.format(at), "protocol", "tcp", "src_ip", ip(subscriber), "src_port", "40000",
                        "infection", "mirai", "family", "mirai", "dst_ip", "203.0.113.200", "dst_port", "80")
                .toString();
        upload(feed, DAY.format(at) + "-event4_sinkhole-sv" + (++files) + "-jp.csv", file);
    }

    private void upload(String feed, String name, String file) {
        Api.Answer answer = api.upload("/api/v1/observations/import?format=shadowserver&feed=" + feed, name, file);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().get("accepted").asLong()).as(answer.body()).isEqualTo(1);
    }

    private JsonNode caseOf(String subscriber) {
        return caseOf(subscriber, "exposed-telnet");
    }

    private JsonNode caseOf(String subscriber, String kind) {
        JsonNode found = api.get("/api/v1/cases?subscriber=" + subscriber + "&kind=" + kind).json();
        assertThat(found.size()).isEqualTo(1);
        return found.get(0);
    }

    private static List<String> subscribers(JsonNode cases) {
        List<String> ids = new ArrayList<>();
        cases.forEach(c -> ids.add(c.get("subscriberId").asString()));
        return ids;
    }

    private static String ip(int subscriber) {
        return "198.51.100." + (180 + subscriber);
    }
}
