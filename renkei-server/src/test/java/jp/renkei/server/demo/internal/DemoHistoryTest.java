package jp.renkei.server.demo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jp.renkei.core.cases.CaseState;
import jp.renkei.server.cases.CaseManagement;
import jp.renkei.server.cases.CaseOutcomes;
import jp.renkei.server.cases.effectiveness.CurvePoint;
import jp.renkei.server.cases.effectiveness.EffectivenessQueries;
import jp.renkei.server.cases.effectiveness.GroupFigures;
import jp.renkei.server.cases.effectiveness.Grouping;
import jp.renkei.server.platform.Accounts;
import jp.renkei.server.platform.Role;
import jp.renkei.server.testing.Browser;
import jp.renkei.server.testing.RenkeiTest;
import jp.renkei.server.testing.Tenants;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The demo's history gives the effectiveness view remediation curves by channel, through the real imports. */
@RenkeiTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoHistoryTest {

    @LocalServerPort
    int port;
    @Autowired
    DemoHistory history;
    @Autowired
    CaseManagement cases;
    @Autowired
    EffectivenessQueries effectiveness;
    @Autowired
    Accounts accounts;

    Tenants.Member isp;
    List<HistoryPlan.Device> devices;

    @BeforeAll
    void loadTheHistory() {
        isp = new Tenants(accounts).newIsp("History ISP", Role.OPERATOR);
        devices = history.load(isp.organisationId(), Instant.now(), 2026);
    }

    @Test
    void everyPlannedDeviceIsACaseNotifiedOnItsChannel() {
        Map<String, GroupFigures> byChannel = effectiveness.figures(isp.organisationId(), Grouping.CHANNEL).stream()
                .collect(Collectors.toMap(GroupFigures::group, Function.identity()));
        assertThat(byChannel.keySet()).containsExactlyInAnyOrder("email", "sms", "line", "letter", "walled-garden");
        byChannel.values().forEach(g -> assertThat(g.cases()).isEqualTo(HistoryPlan.PER_CHANNEL));
        // The evidence's ordering: the walled garden far ahead, e-mail alone near the background.
        assertThat(byChannel.get("walled-garden").shareVerified()).isGreaterThan(byChannel.get("sms").shareVerified());
        assertThat(byChannel.get("email").shareVerified()).isLessThan(0.35);
        Map<String, CurvePoint> day14 = effectiveness.curves(isp.organisationId(), Grouping.CHANNEL, Instant.now())
                .stream().filter(p -> p.day() == 14).collect(Collectors.toMap(CurvePoint::group, Function.identity()));
        assertThat(day14.get("walled-garden").shareAffected()).isLessThan(0.3);
        assertThat(day14.get("email").shareAffected()).isGreaterThan(0.7);
        // Recently notified cases leave the estimate rather than bend it: a curve never rises.
        Map<String, List<CurvePoint>> curves = effectiveness.curves(isp.organisationId(), Grouping.CHANNEL,
                Instant.now()).stream().collect(Collectors.groupingBy(CurvePoint::group));
        curves.forEach((channel, points) -> assertThat(points).extracting(CurvePoint::shareAffected)
                .as(channel).isSortedAccordingTo(java.util.Comparator.reverseOrder()));
    }

    @Test
    void theHistoryEndsVerifiedReinfectedAndNaturallyQuiet() {
        CaseOutcomes outcomes = cases.outcomes(isp.organisationId());
        long plannedVerified = devices.stream().filter(d -> d.cleanReports().size() == 2 && !d.reinfected()).count();
        long plannedReinfected = devices.stream().filter(HistoryPlan.Device::reinfected).count();
        assertThat(plannedReinfected).isPositive();
        assertThat(outcomes.verified()).isEqualTo(plannedVerified);
        // Reinfected for real: today's report showed the device again after its verified fix.
        assertThat(outcomes.reinfected()).isEqualTo(plannedReinfected);
        assertThat(outcomes.naturalRemediation()).isPositive();
        assertThat(cases.countsByState(isp.organisationId()).get(CaseState.CLOSED_UNVERIFIED))
                .isGreaterThanOrEqualTo(outcomes.naturalRemediation());
    }

    @Test
    void theEffectivenessPageDrawsACurvePerChannel() {
        Browser browser = new Browser(port);
        browser.signIn(isp.username(), isp.password());
        Browser.Page page = browser.get("/cases/effectiveness?lang=en");
        assertThat(page.status()).isEqualTo(200);

        Matcher lines = Pattern.compile("<polyline class=\"curve\" points=\"([^\"]*)\"[^>]*data-group=\"([^\"]+)\"")
                .matcher(page.body());
        int curves = 0;
        while (lines.find()) {
            curves++;
            // A curve over weeks, not a dot: the oldest cases were notified more than 30 days ago.
            assertThat(lines.group(1).split(" ").length).as(lines.group(2)).isEqualTo(31);
        }
        assertThat(curves).isEqualTo(5);
        assertThat(page.body()).contains("data-ladder=\"standard@1\"");
    }
}
