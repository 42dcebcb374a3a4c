package jp.renkei.server.cases;

import static jp.renkei.core.intake.ProblemKind.EXPOSED_TELNET;
import static jp.renkei.core.intake.ProblemKind.INFECTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import jp.renkei.core.cases.CaseState;
import jp.renkei.server.platform.Accounts;
import jp.renkei.server.platform.AuditLog;
import jp.renkei.server.platform.Role;
import jp.renkei.server.testing.Api;
import jp.renkei.server.testing.Browser;
import jp.renkei.server.testing.RenkeiTest;
import jp.renkei.server.testing.Sightings;
import jp.renkei.server.testing.Sightings.Sighting;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import tools.jackson.databind.JsonNode;

/** How observations become cases: one case per subscriber and problem, extended, reopened, closed when quiet. */
@RenkeiTest
@RecordApplicationEvents
class CaseFlowTest {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    CaseManagement cases;

    @Autowired
    ApplicationEvents events;

    Sightings sightings;
    long org;
    final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @BeforeEach
    void setUp() {
        sightings = Sightings.in(context);
        org = sightings.organisation("Demo ISP");
    }

    @Test
    void observationsOfOneSubscriberAndProblemOpenOneCase() {
        sightings.record(org,
                Sighting.of("S-ONE", EXPOSED_TELNET, now.minus(Duration.ofHours(5)), "203.0.113.10"),
                Sighting.of("S-ONE", EXPOSED_TELNET, now.minus(Duration.ofHours(3)), "203.0.113.10"),
                Sighting.of("S-ONE", EXPOSED_TELNET, now.minus(Duration.ofHours(4)), "203.0.113.11"));

        List<SubscriberCase> found = casesOf("S-ONE");
        assertThat(found).hasSize(1);
        SubscriberCase c = found.get(0);
        assertThat(c.state()).isEqualTo(CaseState.OPEN);
        assertThat(c.kind()).isEqualTo(EXPOSED_TELNET);
        assertThat(c.observationCount()).isEqualTo(3);
        assertThat(c.firstSeen()).isEqualTo(now.minus(Duration.ofHours(5)));
        assertThat(c.lastSeen()).isEqualTo(now.minus(Duration.ofHours(3)));
        assertThat(cases.observationIds(org, c.id())).hasSize(3);
        assertThat(events.stream(CaseOpened.class).filter(e -> e.subscriberId().equals("S-ONE")))
                .containsExactly(new CaseOpened(org, c.id(), "S-ONE", EXPOSED_TELNET));
    }

    @Test
    void laterObservationsExtendTheOpenCaseWithoutOpeningAnother() {
        sightings.record(org, Sighting.of("S-EXT", EXPOSED_TELNET, now.minus(Duration.ofDays(2)), "203.0.113.20"));
        sightings.record(org,
                Sighting.of("S-EXT", EXPOSED_TELNET, now.minus(Duration.ofDays(3)), "203.0.113.21"),
                Sighting.of("S-EXT", EXPOSED_TELNET, now.minus(Duration.ofHours(1)), "203.0.113.22"));

        SubscriberCase c = single("S-EXT");
        assertThat(c.observationCount()).isEqualTo(3);
        assertThat(c.firstSeen()).isEqualTo(now.minus(Duration.ofDays(3)));
        assertThat(c.lastSeen()).isEqualTo(now.minus(Duration.ofHours(1)));
        assertThat(cases.timeline(org, c.id())).extracting(CaseEvent::kind).startsWith("opened").contains("observation");
        assertThat(events.stream(CaseOpened.class).filter(e -> e.subscriberId().equals("S-EXT"))).hasSize(1);
    }

    @Test
    void aSecondProblemOfTheSameSubscriberOpensASecondCase() {
        sightings.record(org,
                Sighting.of("S-TWO", EXPOSED_TELNET, now.minus(Duration.ofHours(2)), "203.0.113.30"),
                Sighting.of("S-TWO", INFECTED, now.minus(Duration.ofHours(1)), "203.0.113.30"));

        assertThat(casesOf("S-TWO")).extracting(SubscriberCase::kind).containsExactlyInAnyOrder(EXPOSED_TELNET, INFECTED);
    }

    @Test
    void unattributedObservationsOpenNoCase() {
        long before = total();
        sightings.record(org, Sighting.unattributed(EXPOSED_TELNET, now.minus(Duration.ofHours(1)), "198.51.100.99"));

        assertThat(total()).isEqualTo(before);
    }

    @Test
    void anObservationAfterAReportedFixReopensTheCaseButAnOlderLateReportDoesNot() {
        sightings.record(org, Sighting.of("S-FIX", INFECTED, now.minus(Duration.ofDays(2)), "203.0.113.40"));
        long id = single("S-FIX").id();
        Instant fixedAt = now.minus(Duration.ofDays(1));
        assertThat(cases.reportFixed(org, id, fixedAt).state()).isEqualTo(CaseState.FIXED_REPORTED);

        // A report that arrives late about a sighting before the fix says nothing about the fix.
        sightings.record(org, Sighting.of("S-FIX", INFECTED, fixedAt.minus(Duration.ofHours(2)), "203.0.113.40"));
        assertThat(single("S-FIX").state()).isEqualTo(CaseState.FIXED_REPORTED);

        sightings.record(org, Sighting.of("S-FIX", INFECTED, fixedAt.plus(Duration.ofHours(3)), "203.0.113.41"));
        SubscriberCase reopened = single("S-FIX");
        assertThat(reopened.id()).isEqualTo(id);
        assertThat(reopened.state()).isEqualTo(CaseState.REINFECTED);
        assertThat(cases.timeline(org, id)).extracting(CaseEvent::kind).contains("fix-reported", "reinfected");
    }

    @Test
    void aCaseQuietForTheQuietPeriodIsResolvedUnverifiedAndANewSightingOpensANewCase() {
        Instant longAgo = now.minus(Duration.ofDays(400));
        sightings.record(org, Sighting.of("S-QUIET", EXPOSED_TELNET, longAgo, "203.0.113.50"));
        long id = single("S-QUIET").id();

        cases.closeQuietCases(longAgo.plus(Duration.ofDays(29)));
        assertThat(cases.find(org, id).orElseThrow().state()).isEqualTo(CaseState.OPEN);

        cases.closeQuietCases(longAgo.plus(Duration.ofDays(30)));
        SubscriberCase closed = cases.find(org, id).orElseThrow();
        assertThat(closed.state()).isEqualTo(CaseState.CLOSED_UNVERIFIED);
        assertThat(closed.closedAt()).contains(longAgo.plus(Duration.ofDays(30)));
        assertThat(cases.timeline(org, id)).extracting(CaseEvent::kind).contains("closed-unverified");

        sightings.record(org, Sighting.of("S-QUIET", EXPOSED_TELNET, now.minus(Duration.ofHours(1)), "203.0.113.51"));
        assertThat(casesOf("S-QUIET")).extracting(SubscriberCase::state)
                .containsExactlyInAnyOrder(CaseState.CLOSED_UNVERIFIED, CaseState.OPEN);
    }

    @Test
    void apiListsCasesWithFiltersAndShowsObservationsTimelineAndNotices() {
        sightings.subscriber(org, "S-API", "山田 太郎", "yamada@example.jp", "ja");
        sightings.record(org, Sighting.of("S-API", EXPOSED_TELNET, now.minus(Duration.ofHours(6)), "203.0.113.60")
                .device("ExampleCam", "EC-100"));
        Api api = new Api(port, RenkeiTest.BOOTSTRAP_TOKEN);

        JsonNode list = api.get("/api/v1/cases?subscriber=S-API&kind=exposed-telnet&state=open").json();
        assertThat(list.size()).isEqualTo(1);
        JsonNode item = list.get(0);
        assertThat(item.get("subscriberId").asString()).isEqualTo("S-API");
        assertThat(item.get("kind").asString()).isEqualTo("exposed-telnet");
        assertThat(item.get("state").asString()).isEqualTo("open");
        assertThat(item.get("observationCount").asLong()).isEqualTo(1);
        assertThat(Instant.parse(item.get("firstSeen").asString())).isEqualTo(now.minus(Duration.ofHours(6)));
        assertThat(Instant.parse(item.get("lastSeen").asString())).isEqualTo(now.minus(Duration.ofHours(6)));
        assertThat(api.get("/api/v1/cases?subscriber=S-API&kind=infected").json().size()).isZero();
        assertThat(api.get("/api/v1/cases?state=nonsense").status()).isEqualTo(400);

        Api.Answer detail = api.get("/api/v1/cases/" + item.get("id").asLong());
        assertThat(detail.status()).isEqualTo(200);
        JsonNode observation = detail.json().get("observations").get(0);
        assertThat(observation.get("ip").asString()).isEqualTo("203.0.113.60");
        assertThat(observation.get("deviceModel").asString()).isEqualTo("EC-100");
        assertThat(observation.get("attribution").get("subscriberId").asString()).isEqualTo("S-API");
        assertThat(observation.get("attribution").get("source").asString()).isEqualTo("radius");
        assertThat(observation.get("attribution").get("sessionFrom").isNull()).isFalse();
        assertThat(detail.json().get("timeline").get(0).get("kind").asString()).isEqualTo("opened");
        JsonNode notice = detail.json().get("notices").get(0);
        assertThat(notice.get("channel").asString()).isEqualTo("email");
        // No SMTP server in this context: the notice waits, and says why.
        assertThat(notice.get("state").asString()).isEqualTo("pending");
        assertThat(detail.body()).doesNotContain("yamada@example.jp");

        assertThat(api.get("/api/v1/cases/999999999").json().get("reason").asString()).isEqualTo("not-found");
    }

    @Test
    void deskPagesShowTheCaseAndAuditTheViewOfTheSubscribersIdentity() {
        sightings.subscriber(org, "S-WEB", "伊藤 さくら", "sakura@example.jp", "ja");
        sightings.record(org, Sighting.of("S-WEB", INFECTED, now.minus(Duration.ofHours(2)), "203.0.113.65")
                .device("ExampleRouter", "ER-1"));
        long id = single("S-WEB").id();
        String username = "desk-" + id;
        context.getBean(Accounts.class).createUser(org, username, "Desk operator", "desk-operator-password", Role.OPERATOR);
        Browser desk = new Browser(port);
        desk.signIn(username, "desk-operator-password");

        Browser.Page dashboard = desk.get("/");
        assertThat(dashboard.status()).isEqualTo(200);
        assertThat(dashboard.body()).contains("id=\"counts\"", "id=\"by-kind\"", "class=\"bar\"").doesNotContain("??");
        Browser.Page list = desk.get("/cases?state=open&kind=infected&subscriber=S-WEB");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains("/cases/" + id);
        assertThat(desk.get("/cases?subscriber=nobody").body()).doesNotContain("/cases/" + id + "\"");

        Browser.Page detail = desk.get("/cases/" + id);
        assertThat(detail.status()).isEqualTo(200);
        assertThat(detail.body()).contains("伊藤 さくら", "sakura@example.jp", "203.0.113.65", "ER-1", "radius",
                "id=\"timeline\"", "id=\"notices\"").doesNotContain("??");
        List<AuditLog.AuditEvent> audit = context.getBean(AuditLog.class).recent(org, 50);
        assertThat(audit).anySatisfy(e -> {
            assertThat(e.actor()).isEqualTo(username);
            assertThat(e.action()).isEqualTo("subscriber-identity-read");
            assertThat(e.subject()).isEqualTo("S-WEB");
        });
    }

    @Test
    void aSubscriberWithoutEmailGetsAFailedNoticeAndWithoutSmtpNoticesWaitWithAReason() {
        sightings.subscriber(org, "S-NOMAIL", "小林 次郎", "", "ja");
        sightings.subscriber(org, "S-MAIL", "中村 三郎", "saburo@example.jp", "ja");
        sightings.record(org,
                Sighting.of("S-NOMAIL", EXPOSED_TELNET, now.minus(Duration.ofHours(1)), "203.0.113.66"),
                Sighting.of("S-MAIL", EXPOSED_TELNET, now.minus(Duration.ofHours(1)), "203.0.113.67"),
                Sighting.of("S-UNKNOWN", EXPOSED_TELNET, now.minus(Duration.ofHours(1)), "203.0.113.68"));
        CaseNotices notices = context.getBean(CaseNotices.class);

        CaseNotice noMail = notices.forCase(org, single("S-NOMAIL").id()).get(0);
        assertThat(noMail.state()).isEqualTo("failed");
        assertThat(noMail.lastError()).hasValueSatisfying(e -> assertThat(e).contains("no e-mail address"));
        CaseNotice unknown = notices.forCase(org, single("S-UNKNOWN").id()).get(0);
        assertThat(unknown.state()).isEqualTo("failed");
        assertThat(unknown.lastError()).hasValueSatisfying(e -> assertThat(e).contains("not in the subscriber directory"));
        assertThat(cases.timeline(org, single("S-NOMAIL").id())).extracting(CaseEvent::kind).contains("notice-failed");

        long withMail = single("S-MAIL").id();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            CaseNotice pending = notices.forCase(org, withMail).get(0);
            assertThat(pending.state()).isEqualTo("pending");
            assertThat(pending.lastError()).contains("no SMTP server configured (set RENKEI_SMTP_HOST)");
        });
        assertThat(single("S-MAIL").state()).isEqualTo(CaseState.OPEN);
    }

    private List<SubscriberCase> casesOf(String subscriberId) {
        return cases.list(org, new CaseFilter(Optional.empty(), Optional.empty(), Optional.of(subscriberId)), 100);
    }

    private SubscriberCase single(String subscriberId) {
        List<SubscriberCase> found = casesOf(subscriberId);
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    private long total() {
        return cases.countsByState(org).values().stream().mapToLong(Long::longValue).sum();
    }
}
