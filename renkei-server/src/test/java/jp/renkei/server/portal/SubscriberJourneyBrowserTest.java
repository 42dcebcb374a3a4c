package jp.renkei.server.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
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
import jp.renkei.server.attribution.DetailFile;
import jp.renkei.server.cases.CaseEvent;
import jp.renkei.server.cases.CaseFilter;
import jp.renkei.server.cases.CaseManagement;
import jp.renkei.server.escalation.HandledStep;
import jp.renkei.server.escalation.LadderRuns;
import jp.renkei.server.intake.ObservationImport;
import jp.renkei.server.intake.ObservationImportRequest;
import jp.renkei.server.intake.ShadowserverFile;
import jp.renkei.server.platform.Accounts;
import jp.renkei.server.platform.Role;
import jp.renkei.server.quarantine.Consents;
import jp.renkei.server.quarantine.QuarantinePolicies;
import jp.renkei.server.quarantine.Quarantines;
import jp.renkei.server.quarantine.web.GardenPort;
import jp.renkei.server.testing.Api;
import jp.renkei.server.testing.Chromium;
import jp.renkei.server.testing.Mailbox;
import jp.renkei.server.testing.MovableClock;
import jp.renkei.server.testing.RenkeiTest;
import jp.renkei.server.testing.Sightings;
import jp.renkei.server.testing.Tenants;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.DynamicPropertyRegistry;

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
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
    /** Day 0 of the journey: a month ago, so every report and session lies in the past. */
    private static final Instant DAY0 = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(30));
    private static final String FEED = "journey-telnet";
    private static final String SUBSCRIBER = "S-JOURNEY";
    private static final String EMAIL = "journey@example.jp";
    private static final ResourceBundle PORTAL = ResourceBundle.getBundle("messages/portal_ja");
    private static final ResourceBundle GARDEN = ResourceBundle.getBundle("messages/quarantine_ja");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", mailbox::host);
        registry.add("spring.mail.port", mailbox::port);
        registry.add("renkei.outbox.poll-interval", () -> "PT0.5S");
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
    ObservationImport observations;
    @Autowired
    LadderRuns ladderRuns;
    @Autowired
    Quarantines quarantines;
    @Autowired
    Consents consents;
    @Autowired
    GardenPort garden;

    long org;
    int fillers;

    @Test
    void theSubscriberGoesFromTheWalledGardenToAVerifiedFixOnTheirPhone() {
        Tenants.Member admin = new Tenants(accounts).newIsp("Journey ISP", Role.ADMINISTRATOR);
        org = admin.organisationId();
        clock.set(DAY0);
        lineWithTwoSessions(admin);
        context.getBean(QuarantinePolicies.class).record(org, new IspPolicy("Infected devices go to the walled garden",
                "Terms of service art. 12 (security measures)", EnumSet.of(Measure.QUARANTINE)), "journey-test", DAY0);

        // 1. The feed's day-1 report shows the device: the case opens, the ladder's first e-mail brings the code.
        report(1, true);
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
            assertFitsThePhone(phone);
            screenshot(phone, "journey-1-garden.png");

            phone.findElement(By.id("release")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("released")));
            assertThat(phone.findElement(By.id("released")).getText()).contains(GARDEN.getString("garden.released"));
            assertFitsThePhone(phone);
            screenshot(phone, "journey-2-released.png");
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
            assertFitsThePhone(phone);
            screenshot(phone, "journey-3-portal.png");

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
            assertFitsThePhone(phone);

            // 7. "I have fixed it".
            clock.advance(Duration.ofHours(2));
            phone.findElement(By.id("fixed")).click();
            wait.until(ExpectedConditions.attributeToBe(By.id("case-status"), "data-state", "fixed-reported"));
            assertStatus(phone, CaseState.FIXED_REPORTED);
            assertThat(phone.findElement(By.id("thanks")).isDisplayed()).isTrue();
            screenshot(phone, "journey-4-fixed.png");

            // 8. Later reports of the same feed without the device: one is not yet enough, two verify the fix.
            report(9, false);
            phone.navigate().refresh();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("case-status")));
            assertStatus(phone, CaseState.FIXED_REPORTED);

            report(10, false);
            phone.navigate().refresh();
            wait.until(ExpectedConditions.attributeToBe(By.id("case-status"), "data-state", "verified"));
            assertStatus(phone, CaseState.VERIFIED);
            assertThat(phone.findElements(By.id("fixed"))).isEmpty();
            assertFitsThePhone(phone);
            screenshot(phone, "journey-5-verified.png");
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

    // --- setup through the ISP's own imports

    /**
     * The subscriber's line, as the ISP's RADIUS accounting shows it: a session on 203.0.113.150
     * until day 5, then a new one on 127.0.0.1 (where the test's phone connects from) still open.
     */
    private void lineWithTwoSessions(Tenants.Member admin) {
        Sightings.in(context).subscriber(org, SUBSCRIBER, "渡辺 由美", EMAIL, "ja");
        String detail = DetailFile.fromNas("192.0.2.40")
                .start(SUBSCRIBER, "journey-1", "203.0.113.150", DAY0.minus(Duration.ofDays(1)))
                .stop(SUBSCRIBER, "journey-1", "203.0.113.150", DAY0.minus(Duration.ofDays(1)), day(5))
                .start(SUBSCRIBER, "journey-2", "127.0.0.1", day(5).plusSeconds(30))
                .toString();
        Api.Answer imported = new Api(port, admin.token()).upload("/api/v1/assignments/import?format=freeradius-detail",
                "detail-journey", detail);
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
    }

    /**
     * The feed's daily report of day {@code n}, scanned that morning and taken in at 20:00, with or
     * without the subscriber's device, plus an address of nobody (a report is never empty).
     */
    private void report(int n, boolean withTheDevice) {
        ShadowserverFile file = ShadowserverFile.of(ShadowserverFile.SCAN_TELNET);
        if (withTheDevice) {
            file.row("timestamp", TIME.format(day(n).plus(Duration.ofHours(6))), "severity", "medium",
                    "ip", "203.0.113.150", "protocol", "tcp", "port", "23");
        }
        file.row("timestamp", TIME.format(day(n).plus(Duration.ofHours(7)).plusSeconds(++fillers)),
                "ip", "198.51.100.200", "protocol", "tcp", "port", "23");
        Instant at = clock.moveTo(day(n).plus(Duration.ofHours(20)));
        observations.importReport(new ObservationImportRequest(org, "test", ObservationImport.SHADOWSERVER,
                        DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC).format(at) + "-scan_telnet-asn-jp.csv",
                        Optional.of("scan_telnet"), Optional.empty(), FEED),
                new ByteArrayInputStream(file.toString().getBytes(StandardCharsets.UTF_8)));
    }

    private static Instant day(int n) {
        return DAY0.plus(Duration.ofDays(n));
    }

    // --- what the phone shows

    private static void assertStatus(ChromeDriver phone, CaseState state) {
        WebElement status = phone.findElement(By.id("case-status"));
        assertThat(status.getDomAttribute("data-state")).isEqualTo(state.code());
        assertThat(status.getText()).isEqualTo(PORTAL.getString("portal.status." + state.code()));
    }

    /** A phone-sized viewport and nothing wider than it: the page never scrolls sideways. */
    private static void assertFitsThePhone(ChromeDriver phone) {
        assertThat((Long) phone.executeScript("return window.innerWidth")).isEqualTo(390L);
        assertThat((Long) phone.executeScript("return document.documentElement.scrollWidth"))
                .as("nothing wider than the phone: %s", phone.executeScript("""
                        return [...document.querySelectorAll('body *')]
                            .filter(e => e.getBoundingClientRect().right > window.innerWidth)
                            .map(e => e.tagName + '#' + e.id + '.' + e.className + ' ' + e.getBoundingClientRect().right)
                            .join(', ')"""))
                .isLessThanOrEqualTo(390L);
    }

    private static List<String> texts(List<WebElement> elements) {
        return elements.stream().map(WebElement::getText).map(String::strip).toList();
    }

    /** Keeps what the phone showed in target/screenshots, for a reviewer's eyes. */
    private static void screenshot(ChromeDriver phone, String name) {
        try {
            java.nio.file.Path dir = java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "screenshots"));
            java.nio.file.Files.write(dir.resolve(name), phone.getScreenshotAs(OutputType.BYTES));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
