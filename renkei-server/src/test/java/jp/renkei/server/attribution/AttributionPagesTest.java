package jp.renkei.server.attribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.OptionalInt;

import jp.renkei.server.platform.Accounts;
import jp.renkei.server.platform.Role;
import jp.renkei.server.testing.Browser;
import jp.renkei.server.testing.RenkeiTest;
import jp.renkei.server.testing.Tenants;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The NAS clients page for those who run the network, and the dashboard's attribution panel. */
@RenkeiTest
class AttributionPagesTest {

    @LocalServerPort
    int port;
    @Autowired
    Accounts accounts;
    @Autowired
    Attributions attributions;

    @Test
    void operatorRegistersANasAndNeverSeesItsSecretAgain() {
        Tenants.Member operator = new Tenants(accounts).newIsp("Pages ISP", Role.OPERATOR);
        Browser browser = new Browser(port);
        browser.signIn(operator.username(), operator.password());

        assertThat(browser.get("/settings/nas?lang=en").body()).contains("RADIUS NAS clients");
        Browser.Page saved = browser.post("/settings/nas", Map.of("address", "192.0.2.201", "name", "bras-page",
                "secret", "page-secret-42", "subscriberAttribute", "calling-station-id"));
        assertThat(saved.status()).isEqualTo(302);

        String page = browser.get("/settings/nas").body();
        assertThat(page).contains("192.0.2.201").contains("bras-page").contains("calling-station-id")
                .doesNotContain("page-secret-42");
    }

    @Test
    void auditorsMayNotSeeNasClients() {
        Tenants.Member auditor = new Tenants(accounts).newIsp("Audited ISP", Role.AUDITOR);
        Browser browser = new Browser(port);
        browser.signIn(auditor.username(), auditor.password());

        assertThat(browser.get("/settings/nas").status()).isEqualTo(403);
    }

    @Test
    void panelShowsTheShareAttributedAndWarnsAboutLateReports() {
        Tenants.Member operator = new Tenants(accounts).newIsp("Panel ISP", Role.OPERATOR);
        attributions.attributeObservation(operator.organisationId(), 1L, "198.51.100.1", OptionalInt.empty(),
                Instant.now(), "system");
        Browser browser = new Browser(port);
        browser.signIn(operator.username(), operator.password());

        String panel = browser.get("/attribution/panel?lang=en").body();

        assertThat(panel).contains("attribution-panel").contains("0 of 1 observations attributed")
                .contains("No assignment").doesNotContain("late-reports");
    }
}
