package jp.renkei.server.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.ResourceBundle;

import jakarta.mail.internet.MimeMessage;
import jp.renkei.core.cases.CaseState;
import jp.renkei.core.escalation.Channel;
import jp.renkei.core.quarantine.ConsentLevel;
import jp.renkei.core.quarantine.IspPolicy;
import jp.renkei.core.quarantine.Measure;
import jp.renkei.server.cases.CaseEvent;
import jp.renkei.server.cases.CaseFilter;
import jp.renkei.server.cases.CaseManagement;
import jp.renkei.server.escalation.HandledStep;
import jp.renkei.server.escalation.LadderRuns;
import jp.renkei.server.platform.Accounts;
import jp.renkei.server.platform.Role;
import jp.renkei.server.quarantine.Consents;
import jp.renkei.server.quarantine.QuarantinePolicies;
import jp.renkei.server.quarantine.Quarantines;
import jp.renkei.server.quarantine.web.GardenPort;
import jp.renkei.server.testing.Chromium;
import jp.renkei.server.testing.Mailbox;
import jp.renkei.server.testing.MovableClock;
import jp.renkei.server.testing.PhoneScreen;
import jp.renkei.server.testing.RenkeiTest;
import jp.renkei.server.testing.Tenants;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 5's whole subscriber journey in one phone (chromium, 390×844): a named feed reports the
 * subscriber's device, the case opens and the first e-mail brings the access code; nobody reacts,
 * so on day 7 the ladder puts the line in the walled garden (the ISP's recorded policy allows it).
 * Whatever site the phone opens shows the problem and the steps; the subscriber releases themselves,
 * opens the portal with the code, sets their consent, ticks a step (still ticked after a reload),
 * reports the fix, and after two later reports of the same feed without the device the portal
 * says the fix is verified.
 *
 * <p>The garden comes before the portal on purpose: opening the portal acknowledges the case and an
 * acknowledgement stops the ladder, so a subscriber who had already used the portal would never
 * reach day 7's walled garden. The quarantine therefore rests on the ISP's policy, not on consent.
 */
@RenkeiTest
@Import(MovableClock.Config.class)
class SubscriberJourneyBrowserTest {

    static final Mailbox mailbox = new Mailbox().start();
    /** Day 0 of the journey: a month ago, so every report and session lies in the past. */
    private static final Instant DAY0 = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(30));
    private static final String SUBSCRIBER = JourneyLine.SUBSCRIBER;
    private static final String EMAIL = JourneyLine.EMAIL;
    private static final ResourceBundle PORTAL = ResourceBundle.getBundle("messages/portal_ja");
    private static final ResourceBundle GARDEN = ResourceBundle.getBundle("messages/quarantine_ja");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        mailbox.serveAsSmtp(registry);
        // The test climbs the ladder itself, with the clock it moves.
        registry.add("renkei.escalation.poll-interval", () -> "PT1H");
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
    MovableClock clock;
    @Autowired
    Accounts accounts;
    @Autowired
    CaseManagement cases;
    @Autowired
    LadderRuns ladderRuns;
    @Autowired
    Quarantines quarantines;
    @Autowired
    Consents consents;
    @Autowired
    GardenPort garden;

    @Test
    void theSubscriberGoesFromTheWalledGardenToAVerifiedFixOnTheirPhone() {
        Tenants.Member admin = new Tenants(accounts).newIsp("Journey ISP", Role.ADMINISTRATOR);
        long org = admin.organisationId();
        clock.set(DAY0);
        JourneyLine line = new JourneyLine(context, clock, DAY0, org);
        line.subscriberWithTwoSessions(admin, port);
        context.getBean(QuarantinePolicies.class).record(org, new IspPolicy("Infected devices go to the walled garden",
                "Terms of service art. 12 (security measures)", EnumSet.of(Measure.QUARANTINE)), "journey-test", DAY0);

        // 1. The feed's day-1 report shows the device: the case opens, the ladder's first e-mail brings the code.
        line.report(1, true);
        long caseId = cases.list(org, new CaseFilter(Optional.empty(), Optional.empty(), Optional.of(SUBSCRIBER)), 10)
                .get(0).id();
        await().atMost(Duration.ofSeconds(30)).until(() -> mailbox.to(EMAIL).size() == 1);
        MimeMessage first = mailbox.to(EMAIL).get(0);
        String code = Mailbox.accessCode(first);
        assertThat(Mailbox.text(first)).contains("確認コード: " + code, "https://portal.example-isp.jp/renkei");

        // 2. Nobody reacts; on day 7 the ladder's walled-garden step quarantines the line.
        clock.advance(Duration.ofDays(7).plusHours(1));
        ladderRuns.advanceDue();
        assertThat(ladderRuns.handledSteps(org, caseId)).filteredOn(s -> s.channel() == Channel.WALLED_GARDEN)
                .singleElement().satisfies(s -> assertThat(s.sent()).as(s.reason().orElse("")).isTrue());
        assertThat(quarantines.active(org, SUBSCRIBER)).isPresent();

        ChromeDriver phone = Chromium.phone(390, 844, "--host-resolver-rules=MAP * 127.0.0.1", "--disable-quic");
        try {
            WebDriverWait wait = new WebDriverWait(phone, Duration.ofSeconds(20));
            // Every form reloads the page: an element found just before the reload goes stale.
            wait.ignoring(StaleElementReferenceException.class);

            // 3. Any site on the phone is the garden: the problem, the steps, and the self-release.
            phone.get("http://news.example.com:" + garden.port().orElseThrow() + "/today");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("garden")));
            assertThat(phone.findElement(By.tagName("h1")).getText()).isEqualTo(GARDEN.getString("garden.heading"));
            String problem = phone.findElement(By.id("problem")).getText();
            List<String> gardenSteps = texts(phone.findElements(By.cssSelector("#steps li")));
            assertThat(problem).isNotBlank();
            assertThat(gardenSteps).isNotEmpty().allSatisfy(step -> assertThat(Mailbox.text(first)).contains(step));
            PhoneScreen.assertFits(phone, 390);
            PhoneScreen.screenshot(phone, "journey-1-garden.png");

            phone.findElement(By.id("release")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("released")));
            assertThat(phone.findElement(By.id("released")).getText()).contains(GARDEN.getString("garden.released"));
            PhoneScreen.assertFits(phone, 390);
            PhoneScreen.screenshot(phone, "journey-2-released.png");
            assertThat(quarantines.active(org, SUBSCRIBER)).isEmpty();

            // 4. The portal with the code from the mail: the same problem and steps as the garden showed.
            clock.advance(Duration.ofMinutes(20));
            phone.get("http://localhost:" + port + "/portal");
            phone.findElement(By.id("code")).sendKeys(code);
            phone.findElement(By.id("open-case")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("case-status")));
            assertStatus(phone, CaseState.ACKNOWLEDGED);
            assertThat(phone.findElement(By.tagName("h1")).getText()).isEqualTo(problem);
            assertThat(texts(phone.findElements(By.cssSelector("ol.steps li > span:first-child"))))
                    .isEqualTo(gardenSteps);
            PhoneScreen.assertFits(phone, 390);
            PhoneScreen.screenshot(phone, "journey-3-portal.png");

            // 5. Consent, chosen by the subscriber, shown as stored.
            phone.findElement(By.id("consent-quarantine-allowed")).click();
            phone.findElement(By.id("save-consent")).click();
            wait.until(ExpectedConditions.attributeToBe(By.id("consent-current"), "data-level", "quarantine-allowed"));
            assertThat(phone.findElement(By.id("consent-current")).getText())
                    .contains(PORTAL.getString("portal.consent.quarantine-allowed"));

            // 6. Step 1 ticked, and still ticked when the page is loaded again.
            phone.findElement(By.id("step-done-1")).click();
            wait.until(ExpectedConditions.attributeToBe(By.id("step-1"), "data-done", "true"));
            phone.navigate().refresh();
            wait.until(ExpectedConditions.attributeToBe(By.id("step-1"), "data-done", "true"));
            assertThat(phone.findElement(By.id("step-1")).getText()).contains(PORTAL.getString("portal.steps.done"));
            assertThat(phone.findElements(By.id("step-done-1"))).isEmpty();
            assertThat(phone.findElements(By.id("step-done-2"))).hasSize(1);
            PhoneScreen.assertFits(phone, 390);

            // 7. "I have fixed it".
            clock.advance(Duration.ofHours(2));
            phone.findElement(By.id("fixed")).click();
            wait.until(ExpectedConditions.attributeToBe(By.id("case-status"), "data-state", "fixed-reported"));
            assertStatus(phone, CaseState.FIXED_REPORTED);
            assertThat(phone.findElement(By.id("thanks")).isDisplayed()).isTrue();
            PhoneScreen.screenshot(phone, "journey-4-fixed.png");

            // 8. Later reports of the same feed without the device: one is not yet enough, two verify the fix.
            line.report(9, false);
            phone.navigate().refresh();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("case-status")));
            assertStatus(phone, CaseState.FIXED_REPORTED);

            line.report(10, false);
            phone.navigate().refresh();
            wait.until(ExpectedConditions.attributeToBe(By.id("case-status"), "data-state", "verified"));
            assertStatus(phone, CaseState.VERIFIED);
            assertThat(phone.findElements(By.id("fixed"))).isEmpty();
            PhoneScreen.assertFits(phone, 390);
            PhoneScreen.screenshot(phone, "journey-5-verified.png");
        } finally {
            phone.quit();
        }

        assertThat(cases.find(org, caseId).orElseThrow().state()).isEqualTo(CaseState.VERIFIED);
        assertThat(cases.timeline(org, caseId)).extracting(CaseEvent::kind).containsSubsequence(
                "ladder-step", "acknowledged", "consent", "step-done", "fix-reported", "clean-report", "verified");
        assertThat(consents.current(org, SUBSCRIBER).orElseThrow().level()).isEqualTo(ConsentLevel.QUARANTINE_ALLOWED);
        assertThat(quarantines.list(org, 10)).singleElement()
                .satisfies(q -> assertThat(q.releasedBy()).contains("subscriber"));
        assertThat(mailbox.to(EMAIL)).as("e-mail is the ladder's first step only").hasSize(1);
        assertThat(ladderRuns.handledSteps(org, caseId)).extracting(HandledStep::channel)
                .containsExactly(Channel.EMAIL, Channel.SMS, Channel.WALLED_GARDEN);
    }

    // --- what the phone shows

    private static void assertStatus(ChromeDriver phone, CaseState state) {
        WebElement status = phone.findElement(By.id("case-status"));
        assertThat(status.getDomAttribute("data-state")).isEqualTo(state.code());
        assertThat(status.getText()).isEqualTo(PORTAL.getString("portal.status." + state.code()));
    }

    private static List<String> texts(List<WebElement> elements) {
        return elements.stream().map(WebElement::getText).map(String::strip).toList();
    }
}
