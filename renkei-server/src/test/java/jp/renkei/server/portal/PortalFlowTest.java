package jp.renkei.server.portal;

import static jp.renkei.core.intake.ProblemKind.INFECTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jp.renkei.core.Language;
import jp.renkei.core.cases.CaseState;
import jp.renkei.core.remediation.RemediationGuide;
import jp.renkei.server.cases.CaseEvent;
import jp.renkei.server.cases.CaseFilter;
import jp.renkei.server.cases.CaseManagement;
import jp.renkei.server.cases.SubscriberCase;
import jp.renkei.server.testing.Browser;
import jp.renkei.server.testing.Mailbox;
import jp.renkei.server.testing.RenkeiTest;
import jp.renkei.server.testing.Sightings;
import jp.renkei.server.testing.Sightings.Sighting;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.util.HtmlUtils;

/** A subscriber types the code from their notice on the portal, reads the steps and says "fixed". */
@RenkeiTest
class PortalFlowTest {

    static final Mailbox mailbox = new Mailbox().start();

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        mailbox.serveAsSmtp(registry);
    }

    @AfterAll
    static void stopMailServer() {
        mailbox.stop();
    }

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    CaseManagement cases;

    final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @Test
    void theCodeFromTheMailOpensTheCaseWithItsStepsAndFixedMovesItToFixedReported() {
        Sightings sightings = Sightings.in(context);
        long org = sightings.organisation("Demo ISP");
        sightings.subscriber(org, "S-PORTAL", "田中 美咲", "misaki@example.jp", "ja");
        sightings.record(org, Sighting.of("S-PORTAL", INFECTED, now.minus(Duration.ofHours(3)), "203.0.113.90")
                .device("ExampleCam", "EC-200"));
        await().atMost(Duration.ofSeconds(30)).until(() -> !mailbox.to("misaki@example.jp").isEmpty());
        String code = Mailbox.accessCode(mailbox.to("misaki@example.jp").get(0));

        Browser subscriber = new Browser(port);
        assertThat(subscriber.get("/portal").body()).contains("id=\"code\"", "id=\"open-case\"");
        // Typed the way people type: lower case, no hyphens.
        Browser.Page opened = subscriber.post("/portal", Map.of("code", code.replace("-", "").toLowerCase(Locale.ROOT)));
        assertThat(opened.status()).isEqualTo(302);
        assertThat(opened.location()).endsWith("/portal/case");

        String page = subscriber.get("/portal/case").body();
        assertThat(page).contains("Demo ISP", "EC-200", "id=\"case-status\"", "id=\"fixed\"");
        RemediationGuide.forProblem(INFECTED, Language.JA).steps().forEach(step -> assertThat(page).contains(HtmlUtils.htmlEscape(step)));

        Browser.Page fixed = subscriber.post("/portal/case/fixed", Map.of());
        assertThat(fixed.status()).isEqualTo(302);
        String thanks = subscriber.get("/portal/case").body();
        assertThat(thanks).contains("id=\"thanks\"", "data-state=\"fixed-reported\"").doesNotContain("id=\"fixed\"");

        SubscriberCase c = cases.list(org, new CaseFilter(Optional.empty(), Optional.empty(), Optional.of("S-PORTAL")), 1).get(0);
        assertThat(c.state()).isEqualTo(CaseState.FIXED_REPORTED);
        assertThat(c.fixReportedAt()).isPresent();
        assertThat(cases.timeline(org, c.id())).extracting(CaseEvent::kind).contains("fix-reported");

        Browser english = new Browser(port);
        english.get("/portal?lang=en");
        english.post("/portal", Map.of("code", code));
        assertThat(english.get("/portal/case").body())
                .contains(HtmlUtils.htmlEscape(RemediationGuide.forProblem(INFECTED, Language.EN).steps().get(0)));
    }

    @Test
    void aWrongCodeShowsOneFriendlyErrorAndRevealsNothing() {
        Browser stranger = new Browser(port);
        stranger.get("/portal");
        for (String wrong : new String[] {"ABCD-EFGH-JK", "not a code", ""}) {
            Browser.Page page = stranger.post("/portal", Map.of("code", wrong));
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body()).contains("id=\"code-error\"", "id=\"code\"")
                    .doesNotContain("id=\"case-status\"", "Demo ISP", "S-PORTAL");
        }
        Browser.Page withoutCode = stranger.get("/portal/case");
        assertThat(withoutCode.status()).isEqualTo(302);
        assertThat(withoutCode.location()).endsWith("/portal");
    }
}
