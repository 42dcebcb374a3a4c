package jp.renkei.server.vendor.psirt;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import jp.renkei.server.platform.Accounts;
import jp.renkei.server.platform.Role;
import jp.renkei.server.testing.Api;
import jp.renkei.server.testing.Browser;
import jp.renkei.server.testing.RenkeiTest;
import jp.renkei.server.testing.Tenants;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A vendor's users cannot see another vendor's reports, embargoed records or drafts, through the
 * API or the web pages: every such id answers 404, exactly like an id that does not exist.
 */
@RenkeiTest
class PsirtTenantIsolationTest {

    @LocalServerPort
    int port;
    @Autowired
    Accounts accounts;
    @Autowired
    JdbcClient jdbc;

    Tenants.Member first;
    Tenants.Member second;
    long report;
    String trackingId;
    long embargoed;
    long draft;
    long attachment;

    @BeforeEach
    void twoVendorsAndTheFirstOnesSecrets() {
        PsirtFixture fixture = new PsirtFixture(accounts, jdbc);
        first = fixture.newVendor("First Vendor", Role.ADMINISTRATOR);
        second = fixture.newVendor("Second Vendor", Role.ADMINISTRATOR);
        fixture.product(first.organisationId(), "SECRET-1", "Unreleased model", "0.9");
        Api api = new Api(port, first.token());
        var r = api.postJson("/api/v1/vulnerability-reports", """
                {"description": "pre-auth RCE", "product": "SECRET-1",
                 "attachments": [{"fileName": "poc.txt", "content": "cG9j"}]}""").json();
        report = r.get("id").asLong();
        trackingId = r.get("trackingId").asString();
        attachment = r.get("attachments").get(0).get("id").asLong();
        embargoed = api.postJson("/api/v1/vulnerabilities", """
                {"title": "Embargoed RCE", "status": "affected", "embargoed": true, "embargoUntil": "%s",
                 "affected": [{"product": "SECRET-1", "allVersions": true}]}""".formatted(LocalDate.now().plusDays(60)))
                .json().get("id").asLong();
        draft = api.postJson("/api/v1/vulnerabilities", "{\"title\": \"Draft finding\"}").json().get("id").asLong();
    }

    @Test
    void aSecondVendorsUsersCannotSeeTheFirstVendorsReportsEmbargoedRecordsOrDrafts() {
        Api other = new Api(port, second.token());

        assertThat(other.get("/api/v1/vulnerability-reports/" + report).status()).isEqualTo(404);
        assertThat(other.get("/api/v1/vulnerability-reports/" + trackingId).status()).isEqualTo(404);
        assertThat(other.get("/api/v1/vulnerability-reports").json()).isEmpty();
        assertThat(other.get("/api/v1/vulnerabilities/" + embargoed).status()).isEqualTo(404);
        assertThat(other.get("/api/v1/vulnerabilities/" + draft).status()).isEqualTo(404);
        assertThat(other.get("/api/v1/vulnerabilities").json()).isEmpty();
        assertThat(PsirtFixture.put(port, second.token(), "/api/v1/vulnerabilities/" + draft,
                "{\"title\": \"taken over\"}").status()).isEqualTo(404);
        assertThat(other.postJson("/api/v1/vulnerability-reports/" + report + "/acknowledge", "{}").status()).isEqualTo(404);

        Browser web = new Browser(port);
        web.signIn(second.username(), second.password());
        assertThat(web.get("/psirt/reports/" + report).status()).isEqualTo(404);
        assertThat(web.get("/psirt/reports/" + report + "/attachments/" + attachment).status()).isEqualTo(404);
        assertThat(web.get("/psirt/vulnerabilities/" + embargoed).status()).isEqualTo(404);
        assertThat(web.get("/psirt/vulnerabilities/" + draft).status()).isEqualTo(404);
        assertThat(web.get("/psirt").body()).doesNotContain(trackingId);
        assertThat(web.get("/psirt/vulnerabilities").body()).doesNotContain("Embargoed RCE", "Draft finding");
    }

    @Test
    void aVendorCannotNameAnotherVendorsProductsOrLinkToItsRecords() {
        Api other = new Api(port, second.token());
        long own = other.postJson("/api/v1/vulnerability-reports", "{\"description\": \"x\"}").json().get("id").asLong();

        assertThat(other.postJson("/api/v1/vulnerabilities", """
                {"title": "x", "status": "affected", "affected": [{"product": "SECRET-1", "allVersions": true}]}""").body())
                .contains("'SECRET-1' is not a model number in your catalogue");
        assertThat(other.postJson("/api/v1/vulnerability-reports/" + own + "/link", "{\"vulnerabilityId\": " + embargoed + "}")
                .status()).isEqualTo(404);
    }

    @Test
    void theOwnVendorSeesAllOfIt() {
        Api api = new Api(port, first.token());
        assertThat(api.get("/api/v1/vulnerability-reports/" + trackingId).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/vulnerabilities").json()).hasSize(2);
        Browser web = new Browser(port);
        web.signIn(first.username(), first.password());
        assertThat(web.get("/psirt/reports/" + report + "/attachments/" + attachment).body()).isEqualTo("poc");
        assertThat(web.get("/psirt/reports/" + report).body()).contains(trackingId, "pre-auth RCE", "poc.txt", "id=\"clocks\"");
        assertThat(web.get("/psirt/vulnerabilities").body()).contains("Embargoed RCE", "Draft finding");
        assertThat(web.get("/psirt/vulnerabilities/" + embargoed).body()).contains("SECRET-1", "Embargoed RCE");
    }

    @Test
    void anIspHasNoPsirtConsole() {
        Tenants.Member isp = new Tenants(accounts).newIsp("Isolation ISP", Role.ADMINISTRATOR);
        assertThat(new Api(port, isp.token()).get("/api/v1/vulnerability-reports").status()).isEqualTo(404);
        Browser web = new Browser(port);
        web.signIn(isp.username(), isp.password());
        assertThat(web.get("/psirt").status()).isEqualTo(404);
    }
}
