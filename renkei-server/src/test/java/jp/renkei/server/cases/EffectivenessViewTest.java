package jp.renkei.server.cases;

import static jp.renkei.core.intake.ProblemKind.INFECTED;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.renkei.core.escalation.Channel;
import jp.renkei.server.platform.Accounts;
import jp.renkei.server.platform.Role;
import jp.renkei.server.testing.Browser;
import jp.renkei.server.testing.MovableClock;
import jp.renkei.server.testing.RenkeiTest;
import jp.renkei.server.testing.Sightings;
import jp.renkei.server.testing.Sightings.Sighting;
import jp.renkei.server.testing.Tenants;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;

/**
 * The effectiveness page on a known history: counts, medians and shares per channel of the first
 * notice, one curve per channel, the arms of a ladder experiment, and only the caller's cases.
 */
@RenkeiTest
@Import(MovableClock.Config.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EffectivenessViewTest {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.HOURS);

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    CaseManagement cases;
    @Autowired
    Accounts accounts;
    @Autowired
    MovableClock clock;

    Sightings sightings;
    Tenants.Member isp;
    Tenants.Member otherIsp;
    int subscribers;

    @BeforeAll
    void aKnownHistory() {
        clock.set(NOW);
        sightings = Sightings.in(context);
        Tenants tenants = new Tenants(accounts);
        isp = tenants.newIsp("Effective ISP", Role.AUDITOR);
        otherIsp = tenants.newIsp("Other ISP", Role.OPERATOR);
        long org = isp.organisationId();

        // E-mail, notified 20 days ago: one verified on day 5, one only acknowledged, one silent,
        // one that went quiet (closed unverified).
        Instant email = NOW.minus(Duration.ofDays(20));
        long e1 = notified(org, Channel.EMAIL, email, "default@1 arm A");
        milestones(org, e1, email, 2, 3, 5);
        long e2 = notified(org, Channel.EMAIL, email, "default@1 arm A");
        cases.acknowledge(org, e2, email.plus(Duration.ofDays(4)), "portal");
        notified(org, Channel.EMAIL, email, "");
        long quiet = caseSeen(org, NOW.minus(Duration.ofDays(40)));
        cases.markNotified(org, quiet, Channel.EMAIL, "first notice", email);
        // SMS, 10 days ago: both verified (days 3 and 7).
        Instant sms = NOW.minus(Duration.ofDays(10));
        milestones(org, notified(org, Channel.SMS, sms, "default@1 arm B"), sms, 1, 1, 3);
        milestones(org, notified(org, Channel.SMS, sms, "default@1 arm B"), sms, 3, 3, 7);
        // Walled garden, 5 days ago: verified on day 2.
        Instant garden = NOW.minus(Duration.ofDays(5));
        long g1 = notified(org, Channel.WALLED_GARDEN, garden, "");
        cases.acknowledge(org, g1, garden.plus(Duration.ofHours(12)), "walled-garden");
        cases.reportFixed(org, g1, garden.plus(Duration.ofDays(1)));
        cases.verifyFix(org, g1, garden.plus(Duration.ofDays(2)), "test");
        // A later notice on another channel does not change the first one.
        cases.markNotified(org, g1, Channel.LETTER, "letter", garden.plus(Duration.ofDays(1)));
        cases.closeQuietCases(NOW);

        // The other ISP: one letter case.
        notified(otherIsp.organisationId(), Channel.LETTER, NOW.minus(Duration.ofDays(3)), "");
    }

    @Test
    void showsCountsMediansAndSharesPerChannelOfTheFirstNotice() {
        String page = page(isp, "/cases/effectiveness?lang=en");

        assertThat(cells(row(page, "email"))).containsExactly("E-mail", "4", "2", "3.0", "3.8", "5.0", "5.0",
                "25% (1)", "25% (1)");
        assertThat(cells(row(page, "sms"))).containsExactly("SMS", "2", "2", "2.0", "2.8", "5.0", "6.6",
                "100% (2)", "0% (0)");
        assertThat(cells(row(page, "walled-garden"))).containsExactly("Walled garden", "1", "1", "0.5", "0.5", "2.0",
                "2.0", "100% (1)", "0% (0)");
        assertThat(page).doesNotContain("data-group=\"letter\"");
    }

    @Test
    void drawsOneRemediationCurvePerChannelWithATableOfTheSameNumbers() {
        String page = page(isp, "/cases/effectiveness?lang=en");

        Matcher lines = Pattern.compile("<polyline class=\"curve\" points=\"([^\"]*)\"[^>]*data-group=\"([^\"]+)\"")
                .matcher(page);
        List<String> groups = new ArrayList<>();
        while (lines.find()) {
            groups.add(lines.group(2));
            assertThat(lines.group(1)).isNotBlank();
        }
        assertThat(groups).containsExactly("email", "sms", "walled-garden");
        // The e-mail line: 21 points (days 0-20: notified 20 days ago), 100% until the verified fix on day 5, then 75%.
        String email = points(page, "email");
        assertThat(email.split(" ")).hasSize(21);
        assertThat(page).contains("<th scope=\"row\">5</th>");
        String day5 = rowOf(page, "5");
        assertThat(cells(day5)).containsExactly("5", "75% (n=4)", "50% (n=1)", "0% (n=0)");
        assertThat(cells(rowOf(page, "7"))).containsExactly("7", "75% (n=3)", "0% (n=1)", "–");
        assertThat(cells(rowOf(page, "11"))).containsExactly("11", "75% (n=3)", "–", "–");
        assertThat(cells(rowOf(page, "2"))).containsExactly("2", "100% (n=4)", "100% (n=2)", "0% (n=1)");
        assertThat(page).contains("<title>E-mail</title>").contains("Days since the first notice");
    }

    @Test
    void comparesTheArmsOfALadderExperiment() {
        String page = page(isp, "/cases/effectiveness?by=arm&lang=en");

        assertThat(page).contains("data-ladder=\"default@1\"");
        assertThat(page).contains("+50.0 pt (95% CI");
        assertThat(page).contains("data-group=\"default@1 arm A\"").contains("data-group=\"default@1 arm B\"");
        assertThat(page(isp, "/cases/effectiveness?by=ladder&lang=en")).contains("data-group=\"default@1\"");
    }

    @Test
    void theDashboardCountsVerifiedFixesAndNaturalRemediationAndTheListFiltersThem() {
        String dashboard = page(isp, "/?lang=en");
        assertThat(dashboard).contains("<td class=\"verified\">4</td>").contains("<td class=\"natural\">1</td>")
                .contains("<td class=\"reinfected\">0</td>").contains("/cases/effectiveness");

        String natural = page(isp, "/cases?state=closed-unverified&fixReported=no&lang=en");
        assertThat(natural).contains("EFF-4").contains("badge closed-unverified");
        assertThat(page(isp, "/cases?state=closed-unverified&fixReported=yes&lang=en")).doesNotContain("EFF-4");
        String verified = page(isp, "/cases?state=verified&lang=en");
        assertThat(verified).contains("badge verified").contains("Verified fixed").doesNotContain("EFF-4<");
    }

    @Test
    void anUnknownGroupingIsRefusedNamingTheParameter() {
        Browser browser = new Browser(port);
        browser.signIn(isp.username(), isp.password());
        assertThat(browser.get("/cases/effectiveness?by=colour").status()).isEqualTo(400);
    }

    @Test
    void eachIspSeesOnlyItsOwnCases() {
        String other = page(otherIsp, "/cases/effectiveness?lang=en");
        assertThat(cells(row(other, "letter"))).startsWith("Letter", "1");
        assertThat(other).doesNotContain("data-group=\"email\"").doesNotContain("data-group=\"sms\"");
        assertThat(page(isp, "/cases/effectiveness?lang=ja")).contains("メール").doesNotContain("data-group=\"letter\"");
    }

    // --- helpers

    private long caseSeen(long org, Instant seen) {
        String subscriber = "EFF-" + (++subscribers);
        sightings.record(org, Sighting.of(subscriber, INFECTED, seen, "198.51.100." + subscribers));
        return cases.list(org, new CaseFilter(java.util.Optional.empty(), java.util.Optional.empty(),
                java.util.Optional.of(subscriber)), 1).get(0).id();
    }

    private long notified(long org, Channel channel, Instant at, String ladder) {
        long id = caseSeen(org, at.minus(Duration.ofHours(6)));
        if (!ladder.isEmpty()) {
            cases.recordEvent(org, id, "ladder-started", ladder, at.minus(Duration.ofMinutes(1)));
        }
        cases.markNotified(org, id, channel, "first notice", at);
        return id;
    }

    private void milestones(long org, long id, Instant notified, int ackDay, int fixDay, int verifiedDay) {
        cases.acknowledge(org, id, notified.plus(Duration.ofDays(ackDay)), "portal");
        cases.reportFixed(org, id, notified.plus(Duration.ofDays(fixDay)));
        cases.verifyFix(org, id, notified.plus(Duration.ofDays(verifiedDay)), "test");
    }

    private String page(Tenants.Member who, String path) {
        Browser browser = new Browser(port);
        assertThat(browser.signIn(who.username(), who.password()).location()).doesNotContain("error");
        Browser.Page page = browser.get(path);
        assertThat(page.status()).isEqualTo(200);
        return page.body();
    }

    private static String row(String page, String group) {
        Matcher m = Pattern.compile("<tr data-group=\"" + Pattern.quote(group) + "\">(.*?)</tr>", Pattern.DOTALL)
                .matcher(page);
        assertThat(m.find()).as("row of " + group).isTrue();
        return m.group(1);
    }

    private static String rowOf(String page, String day) {
        Matcher m = Pattern.compile("<tr>\\s*<th scope=\"row\">" + day + "</th>(.*?)</tr>", Pattern.DOTALL)
                .matcher(page);
        assertThat(m.find()).isTrue();
        return "<td>" + day + "</td>" + m.group(1);
    }

    private static String points(String page, String group) {
        Matcher m = Pattern.compile("points=\"([^\"]*)\"[^>]*data-group=\"" + Pattern.quote(group) + "\"").matcher(page);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private static List<String> cells(String row) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("<t[dh][^>]*>(.*?)</t[dh]>", Pattern.DOTALL).matcher(row);
        while (m.find()) {
            out.add(m.group(1).strip());
        }
        return out;
    }
}
