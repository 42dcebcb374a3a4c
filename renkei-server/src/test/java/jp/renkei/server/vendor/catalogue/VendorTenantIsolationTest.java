package jp.renkei.server.vendor.catalogue;

import static jp.renkei.server.vendor.catalogue.VendorFixtures.osv;
import static jp.renkei.server.vendor.catalogue.VendorFixtures.records;
import static jp.renkei.server.vendor.catalogue.VendorFixtures.sbom;
import static jp.renkei.server.vendor.catalogue.VendorFixtures.zip;
import static org.assertj.core.api.Assertions.assertThat;

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

/** One vendor's catalogue, SBOMs, vulnerability data and findings are invisible to another vendor: 404, never 403. */
@RenkeiTest
class VendorTenantIsolationTest {

    private static final String LODASH = "GHSA-p6mc-m468-83gw";

    @LocalServerPort
    int port;
    @Autowired
    Accounts accounts;

    private Api vendorA;
    private Tenants.Member memberB;
    private Api vendorB;

    @BeforeEach
    void twoVendorsOneWithFindings() {
        vendorA = new Api(port, VendorFixtures.newVendor(accounts, "Vendor A", Role.OPERATOR).token());
        memberB = VendorFixtures.newVendor(accounts, "Vendor B", Role.ADMINISTRATOR);
        vendorB = new Api(port, memberB.token());
        vendorA.postJson("/api/v1/products", "{\"modelNumber\": \"RX-200\", \"name\": \"A's router\"}");
        vendorA.upload("/api/v1/sboms?product=RX-200&firmware=2.1.0", "a.cdx.json",
                sbom(Part.of("lodash", "4.17.15", "pkg:npm/lodash@4.17.15")));
        VendorFixtures.importOsv(vendorA, "npm.zip", zip(records(
                osv(LODASH, "CVE-2020-8203", "2024-01-01T00:00:00Z", "npm", "lodash", "0", "4.17.19"))));
    }

    @Test
    void anotherVendorGets404ForProductsFirmwareSbomsAndFindings() {
        assertThat(vendorA.get("/api/v1/sboms?product=RX-200&firmware=2.1.0").json().path("findings")).hasSize(1);

        assertThat(vendorB.get("/api/v1/products").json()).isEmpty();
        assertThat(vendorB.get("/api/v1/products/RX-200").status()).isEqualTo(404);
        assertThat(vendorB.get("/api/v1/products/RX-200/firmware").status()).isEqualTo(404);
        assertThat(vendorB.get("/api/v1/products/RX-200/firmware/2.1.0").status()).isEqualTo(404);
        assertThat(vendorB.get("/api/v1/sboms?product=RX-200&firmware=2.1.0").status()).isEqualTo(404);
        assertThat(vendorB.get("/api/v1/products/RX-200/firmware/2.1.0/sbom?format=json").status()).isEqualTo(404);
        assertThat(vendorB.postJson("/api/v1/products/RX-200/firmware", "{\"version\": \"2.2.0\"}").status())
                .isEqualTo(404);
        assertThat(vendorB.get("/api/v1/findings/changes").json()).isEmpty();
    }

    @Test
    void anotherVendorsPagesAnswer404() {
        Browser browser = new Browser(port);
        browser.signIn(memberB.username(), memberB.password());

        assertThat(browser.get("/vendor/products/RX-200").status()).isEqualTo(404);
        assertThat(browser.get("/vendor/products/RX-200/firmware/2.1.0").status()).isEqualTo(404);
        assertThat(browser.get("/vendor/products").body()).doesNotContain("RX-200");
        assertThat(browser.get("/vendor/changes").body()).doesNotContain("RX-200", LODASH);
    }

    @Test
    void theSameModelNumberInAnotherVendorIsItsOwnProductMatchedOnlyAgainstItsOwnData() {
        vendorB.upload("/api/v1/sboms?product=RX-200&firmware=2.1.0", "b.cdx.json",
                sbom(Part.of("lodash", "4.17.15", "pkg:npm/lodash@4.17.15")));

        assertThat(vendorB.get("/api/v1/sboms?product=RX-200&firmware=2.1.0").json().path("findings")).isEmpty();
        assertThat(vendorB.get("/api/v1/products/RX-200").json().path("name").asString()).isEqualTo("RX-200");
        assertThat(vendorA.get("/api/v1/products/RX-200").json().path("name").asString()).isEqualTo("A's router");
        assertThat(vendorA.get("/api/v1/sboms?product=RX-200&firmware=2.1.0").json().path("findings")).hasSize(1);
    }
}
