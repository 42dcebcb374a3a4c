package jp.renkei.server.cases;

import static jp.renkei.core.intake.ProblemKind.EXPOSED_TELNET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jp.renkei.server.platform.Accounts;
import jp.renkei.server.platform.OrganisationKind;
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

/** A second ISP on the same Renkei cannot see, or even detect, Demo ISP's cases. */
@RenkeiTest
class CaseTenantIsolationTest {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    Accounts accounts;

    @Autowired
    CaseManagement cases;

    long demoIsp;
    long otherIsp;
    long demoCase;
    String otherToken;
    String otherUser;
    final String otherPassword = "other-isp-password";

    @BeforeEach
    void twoIspsOneCase() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Sightings sightings = Sightings.in(context);
        demoIsp = sightings.organisation("Demo ISP");
        sightings.subscriber(demoIsp, "S-TENANT-" + suffix, "高橋 健", "ken@example.jp", "ja");
        sightings.record(demoIsp, Sighting.of("S-TENANT-" + suffix, EXPOSED_TELNET,
                Instant.now().minus(Duration.ofHours(1)), "203.0.113.100"));
        demoCase = cases.list(demoIsp, CaseFilter.all(), 1).get(0).id();

        otherIsp = accounts.createOrganisation("Other ISP " + suffix, OrganisationKind.ISP);
        otherUser = "other-op-" + suffix;
        long operator = accounts.createUser(otherIsp, otherUser, "Other operator", otherPassword, Role.OPERATOR);
        otherToken = "rk_other_" + suffix;
        accounts.storeToken(otherIsp, operator, "test", otherToken);
    }

    @Test
    void anotherIspsTokenGetsNotFoundForTheCaseAnEmptyListAndNoNotices() {
        Api other = new Api(port, otherToken);

        Api.Answer detail = other.get("/api/v1/cases/" + demoCase);
        assertThat(detail.status()).isEqualTo(404);
        assertThat(detail.json().get("reason").asString()).isEqualTo("not-found");
        assertThat(other.get("/api/v1/cases/999999999").body()).isEqualTo(detail.body());
        assertThat(other.get("/api/v1/cases").json().size()).isZero();
        Api.Answer notices = other.get("/api/v1/notices?case=" + demoCase);
        assertThat(notices.status()).isEqualTo(200);
        assertThat(notices.json().size()).isZero();

        Api demo = other.as(RenkeiTest.BOOTSTRAP_TOKEN);
        assertThat(demo.get("/api/v1/cases/" + demoCase).status()).isEqualTo(200);
        assertThat(demo.get("/api/v1/notices?case=" + demoCase).json().size()).isEqualTo(1);
    }

    @Test
    void anotherIspsWebSessionCannotOpenTheCasePage() {
        Browser browser = new Browser(port);
        assertThat(browser.signIn(otherUser, otherPassword).location()).doesNotContain("error");

        assertThat(browser.get("/cases").status()).isEqualTo(200);
        assertThat(browser.get("/cases/" + demoCase).status()).isEqualTo(404);
        assertThat(browser.get("/cases").body()).doesNotContain("S-TENANT");
    }

    @Test
    void theFaceRefusesAnotherOrganisationsCaseAsIfItDidNotExist() {
        assertThat(cases.find(otherIsp, demoCase)).isEmpty();
        assertThat(cases.timeline(otherIsp, demoCase)).isEmpty();
        assertThatThrownBy(() -> cases.reportFixed(otherIsp, demoCase, Instant.now()))
                .isInstanceOf(CaseNotFoundException.class);
        assertThat(cases.find(demoIsp, demoCase)).isPresent();
    }
}
