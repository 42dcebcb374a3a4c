package jp.renkei.server.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import jp.renkei.server.attribution.DetailFile;
import jp.renkei.server.platform.Accounts;
import jp.renkei.server.platform.OrganisationKind;
import jp.renkei.server.platform.Role;
import jp.renkei.server.subscribers.Subscriber;
import jp.renkei.server.subscribers.SubscriberDirectory;
import jp.renkei.server.testing.Api;
import jp.renkei.server.testing.Browser;
import jp.renkei.server.testing.RenkeiTest;
import jp.renkei.server.testing.Tenants;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** One ISP never sees, attributes to, or overwrites another ISP's subscribers and observations. */
@RenkeiTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TenantIsolationTest {

    static final String OTHER_TOKEN = "rk_test_other_isp_operator";
    static final String AUDITOR_TOKEN = "rk_test_demo_isp_auditor";

    @LocalServerPort
    int port;
    @Autowired
    Accounts accounts;
    @Autowired
    SubscriberDirectory directory;

    Api demo;
    Api other;
    long demoOrg;
    long otherOrg;

    @BeforeAll
    void twoIsps() {
        demo = new Api(port, RenkeiTest.BOOTSTRAP_TOKEN);
        demoOrg = demo.get("/api/v1/me").json().get("organisationId").asLong();
        otherOrg = accounts.createOrganisation("Other ISP (tenant test)", OrganisationKind.ISP);
        long otherOperator = accounts.createUser(otherOrg, "ti-other-operator", "Other operator", null, Role.OPERATOR);
        accounts.storeToken(otherOrg, otherOperator, "test", OTHER_TOKEN);
        long auditor = accounts.createUser(demoOrg, "ti-demo-auditor", "Demo auditor", null, Role.AUDITOR);
        accounts.storeToken(demoOrg, auditor, "test", AUDITOR_TOKEN);
        other = demo.as(OTHER_TOKEN);

        demo.upload("/api/v1/subscribers/import", "subscribers.csv",
                "subscriber_id,name,email,phone,language\nTI-1,Demo Subscriber,demo@example.jp,,ja\n");
        demo.upload("/api/v1/assignments/import?format=freeradius-detail", "detail-ti",
                DetailFile.fromNas("192.0.2.30")
                        .start("TI-1", "ti-1", "192.0.2.50", Instant.parse("2024-09-24T00:00:00Z")).toString());
        demo.upload("/api/v1/observations/import?format=shadowserver", "2024-09-24-scan_telnet-asn-jp.csv",
                ShadowserverFile.of(ShadowserverFile.SCAN_TELNET)
                        .row("timestamp", "2024-09-24 06:00:00", "ip", "192.0.2.50", "port", "23")
                        .row("timestamp", "2024-09-24 06:00:00", "ip", "192.0.2.51", "port", "23").toString());
    }

    @Test
    void anotherIspCannotAttributeTheFirstIspsAddress() {
        String query = "/api/v1/attribution?ip=192.0.2.50&at=2024-09-24T06:00:00Z";

        assertThat(demo.get(query).status()).isEqualTo(200);
        Api.Answer answer = other.get(query);
        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.json().get("reason").asString()).isEqualTo("no-assignment");
    }

    @Test
    void anotherIspSeesNoneOfTheFirstIspsObservations() {
        assertThat(demo.get("/api/v1/observations?attributed=false").json().valueStream()
                .map(o -> o.get("ip").asString())).contains("192.0.2.51");
        Api.Answer answer = other.get("/api/v1/observations?attributed=false");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json()).isEmpty();
    }

    @Test
    void anotherIspsOperatorSeesNoneOfItInTheWebUi() {
        Tenants.Member demoOperator = new Tenants(accounts).member(demoOrg, Role.OPERATOR);
        Browser demoBrowser = new Browser(port);
        demoBrowser.signIn(demoOperator.username(), demoOperator.password());
        assertThat(demoBrowser.get("/imports").body()).contains("192.0.2.51").contains("detail-ti");
        assertThat(demoBrowser.get("/cases?subscriber=TI-1").body()).contains("TI-1</td>");

        Tenants.Member otherOperator = new Tenants(accounts).member(otherOrg, Role.OPERATOR);
        Browser browser = new Browser(port);
        browser.signIn(otherOperator.username(), otherOperator.password());

        String imports = browser.get("/imports").body();
        assertThat(imports).doesNotContain("192.0.2.51").doesNotContain("detail-ti");
        assertThat(browser.get("/cases?subscriber=TI-1").body()).doesNotContain("TI-1</td>");
    }

    @Test
    void anotherIspsImportCannotOverwriteTheFirstIspsSubscribers() {
        Api.Answer answer = other.upload("/api/v1/subscribers/import", "subscribers.csv",
                "subscriber_id,name,email,phone,language\nTI-1,Someone Else,attacker@example.net,,en\n");

        assertThat(answer.json().get("accepted").asLong()).isEqualTo(1);
        assertThat(directory.find(demoOrg, "TI-1", "test", "tenant isolation"))
                .map(Subscriber::email).contains("demo@example.jp");
        assertThat(directory.find(otherOrg, "TI-1", "test", "tenant isolation"))
                .map(Subscriber::email).contains("attacker@example.net");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/subscribers/import", "/api/v1/assignments/import?format=freeradius-detail",
            "/api/v1/observations/import?format=shadowserver"})
    void auditorCannotImport(String path) {
        Api.Answer answer = demo.as(AUDITOR_TOKEN).upload(path, "2024-09-24-scan_telnet-x.csv", "timestamp,ip\n");

        assertThat(answer.status()).isEqualTo(403);
    }

    @Test
    void auditorMayReadTheUnattributedList() {
        assertThat(demo.as(AUDITOR_TOKEN).get("/api/v1/observations?attributed=false").status()).isEqualTo(200);
    }
}
