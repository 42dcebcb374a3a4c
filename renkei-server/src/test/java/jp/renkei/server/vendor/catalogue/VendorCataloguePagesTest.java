package jp.renkei.server.vendor.catalogue;

import static jp.renkei.server.vendor.catalogue.VendorFixtures.osv;
import static jp.renkei.server.vendor.catalogue.VendorFixtures.records;
import static jp.renkei.server.vendor.catalogue.VendorFixtures.sbom;
import static jp.renkei.server.vendor.catalogue.VendorFixtures.zip;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import jp.renkei.server.platform.Accounts;
import jp.renkei.server.platform.Role;
import jp.renkei.server.testing.Api;
import jp.renkei.server.testing.Browser;
import jp.renkei.server.testing.RenkeiTest;
import jp.renkei.server.testing.Tenants;
import jp.renkei.server.vendor.catalogue.VendorFixtures.Part;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The PSIRT works the catalogue in the browser: forms, lifecycle badges, the firmware's findings, what changed. */
@RenkeiTest
class VendorCataloguePagesTest {

    @LocalServerPort
    int port;
    @Autowired
    Accounts accounts;

    private Tenants.Member operator;
    private Browser browser;

    @BeforeEach
    void signedInInEnglish() {
        operator = VendorFixtures.newVendor(accounts, "Pages Vendor", Role.OPERATOR);
        browser = new Browser(port);
        browser.signIn(operator.username(), operator.password());
        browser.get("/vendor/products?lang=en");
    }

    @Test
    void createsAProductWithTheFormAndShowsItsLifecycleBadge() {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Tokyo"));
        browser.get("/vendor/products/new");

        Browser.Page created = browser.post("/vendor/products", Map.of("modelNumber", "RX-500", "name", "Mesh router",
                "updateMechanism", "automatic", "endOfSale", "", "endOfSupport", today.plusDays(30).toString(),
                "supportPeriod", "3 years"));

        assertThat(created.status()).isEqualTo(302);
        assertThat(created.location()).endsWith("/vendor/products/RX-500");
        String list = browser.get("/vendor/products").body();
        assertThat(list).contains("RX-500", "Mesh router", "End of support in 30 days");
        browser.get("/vendor/products/RX-500");
        browser.post("/vendor/products/RX-500/firmware", Map.of("version", "1.0.0", "releaseDate", "2026-09-01",
                "fixes", "first release"));
        assertThat(browser.get("/vendor/products/RX-500").body()).contains("1.0.0", "first release", "no SBOM");
    }

    @Test
    void aRefusedFormComesBackWithTheReasonAndTheValuesTyped() {
        browser.get("/vendor/products/new");

        Browser.Page page = browser.post("/vendor/products", Map.of("modelNumber", "RX/9", "name", "Slash",
                "updateMechanism", "user-applied", "endOfSale", "", "endOfSupport", "", "supportPeriod", ""));

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("form-error", "model number &#39;RX/9&#39;", "value=\"Slash\"");
    }

    @Test
    void theFirmwarePageShowsFindingsAndTheChangesPageWhatANewDumpChanged() {
        Api api = new Api(port, operator.token());
        api.upload("/api/v1/sboms?product=RX-200&firmware=2.1.0", "a.cdx.json",
                sbom(Part.of("lodash", "4.17.15", "pkg:npm/lodash@4.17.15").vex("CVE-2020-8203", "not_affected"),
                        Part.of("rx-webui", "2.1.0", null)));
        VendorFixtures.importOsv(api, "npm.zip", zip(records(
                osv("GHSA-p6mc-m468-83gw", "CVE-2020-8203", "2024-01-01T00:00:00Z", "npm", "lodash", "0", "4.17.19"))));

        String firmware = browser.get("/vendor/products/RX-200/firmware/2.1.0").body();
        String changes = browser.get("/vendor/changes").body();
        String data = browser.get("/vendor/vulnerability-data").body();

        assertThat(firmware).contains("GHSA-p6mc-m468-83gw", "CVE-2020-8203", "pkg:npm/lodash@4.17.15", "not_affected",
                "rx-webui 2.1.0", "neither purl nor cpe");
        assertThat(changes).contains("RX-200 2.1.0", "GHSA-p6mc-m468-83gw", "new vulnerability data");
        assertThat(data).contains("1 OSV records held", "npm.zip");
        assertThat(browser.get("/vendor/products/RX-200/firmware/2.1.0/sbom?format=xml").body())
                .contains("http://cyclonedx.org/schema/bom/1.6");
    }

    @Test
    void anAuditorReadsButCannotChangeTheCatalogue() {
        Tenants.Member auditor = new Tenants(accounts).member(operator.organisationId(), Role.AUDITOR);
        Browser reader = new Browser(port);
        reader.signIn(auditor.username(), auditor.password());

        assertThat(reader.get("/vendor/products").status()).isEqualTo(200);
        assertThat(reader.get("/vendor/products/new").status()).isEqualTo(403);
        assertThat(reader.post("/vendor/products", Map.of("modelNumber", "RX-9", "name", "x")).status()).isEqualTo(403);
    }
}
