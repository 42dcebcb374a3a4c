package jp.renkei.server.vendor.advisories;

import static org.assertj.core.api.Assertions.assertThat;

import jp.renkei.server.platform.Accounts;
import jp.renkei.server.testing.Api;
import jp.renkei.server.testing.Browser;
import jp.renkei.server.testing.RenkeiTest;
import jp.renkei.server.vendor.advisories.AdvisoryFixture.Vendor;
import jp.renkei.server.vendor.psirt.ContactPoints;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Other parties' CSAF documents come in validated and stay read-only; one vendor never sees another's
 * drafts or embargoed content, and a vendor's public provider lists its own advisories only.
 */
@RenkeiTest
class AdvisoryImportAndIsolationTest {

    @LocalServerPort
    int port;
    @Autowired
    Accounts accounts;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ContactPoints contacts;

    AdvisoryFixture fixture;

    @BeforeEach
    void fixture() {
        fixture = new AdvisoryFixture(accounts, jdbc, contacts, port);
    }

    @Test
    void anotherPartysValidDocumentIsImportedReadOnlyAndListedAsImported() {
        Vendor partner = fixture.newVendor("Partner Devices");
        long published = fixture.draft(partner, "Partner advisory", "en",
                fixture.injectionRecord(partner, "CVE-2026-20001", "CWE-78", false));
        fixture.publish(partner, published, "Initial release.");
        String document = partner.api().get("/api/v1/advisories/" + published + "/csaf").body();
        Vendor v = fixture.newVendor("Importing Devices");

        Api.Answer imported = v.api().upload("/api/v1/advisories/import", "partner.json", document);
        Api.Answer again = v.api().upload("/api/v1/advisories/import", "partner.json", document);
        long id = imported.json().get("id").asLong();

        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
        assertThat(imported.json().get("origin").asString()).isEqualTo("imported");
        assertThat(imported.json().get("title").asString()).isEqualTo("Partner advisory");
        assertThat(again.json().get("id").asLong()).isEqualTo(id);
        assertThat(v.api().get("/api/v1/advisories").json()).hasSize(1);
        assertThat(v.api().get("/api/v1/advisories/" + id + "/csaf").body()).isEqualTo(document);
        Api.Answer publish = fixture.publish(v, id, "mine now");
        assertThat(publish.status()).isEqualTo(400);
        assertThat(publish.body()).contains("/origin", "read-only");
        Browser psirt = new Browser(port);
        psirt.signIn(v.operator().username(), v.operator().password());
        assertThat(psirt.get("/psirt/advisories?lang=en").body()).contains("Partner advisory", ">imported<");
        assertThat(psirt.get("/psirt/advisories/" + id).body()).contains("CVE-2026-20001").doesNotContain("publish-form");
        // Another party's document is not republished in the importer's provider directory.
        assertThat(fixture.fetch("/vendors/" + v.slug() + "/.well-known/csaf/provider-metadata.json").text())
                .doesNotContain("distributions");
    }

    @Test
    void anInvalidDocumentIsRejectedWithTheJsonPointersOfItsFaults() {
        Vendor v = fixture.newVendor("Strict Devices");

        Api.Answer notJson = v.api().upload("/api/v1/advisories/import", "broken.json", "{\"document\": ");
        Api.Answer invalid = v.api().upload("/api/v1/advisories/import", "invalid.json", """
                {"document": {"category": "csaf_base", "csaf_version": "2.0", "title": "x"}}""");

        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.json().get("errors").get(0).get("detail").asString()).contains("line 1");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().get("errors").findValuesAsString("pointer")).contains("/document");
        assertThat(invalid.body()).contains("publisher", "tracking");
        assertThat(v.api().get("/api/v1/advisories").json()).isEmpty();
    }

    @Test
    void anotherVendorCannotSeeDraftsOrEmbargoedContentAndItsProviderListsOnlyItsOwn() {
        Vendor a = fixture.newVendor("Vendor A");
        Vendor b = fixture.newVendor("Vendor B");
        long draft = fixture.draft(a, "A draft about an embargoed flaw", "en",
                fixture.injectionRecord(a, "CVE-2026-20002", "CWE-78", true));
        long bAdvisory = fixture.draft(b, "Only B's advisory", "en",
                fixture.injectionRecord(b, "CVE-2026-20003", "CWE-78", false));
        fixture.publish(b, bAdvisory, "Initial release.");

        assertThat(b.api().get("/api/v1/advisories/" + draft).status()).isEqualTo(404);
        assertThat(b.api().get("/api/v1/advisories/" + draft + "/csaf").status()).isEqualTo(404);
        assertThat(fixture.publish(b, draft, "x").status()).isEqualTo(404);
        assertThat(b.api().get("/api/v1/advisories").body()).doesNotContain("embargoed", "CVE-2026-20002");
        Browser bBrowser = new Browser(port);
        bBrowser.signIn(b.operator().username(), b.operator().password());
        assertThat(bBrowser.get("/psirt/advisories/" + draft).status()).isEqualTo(404);
        assertThat(bBrowser.get("/psirt/advisories/" + draft + "/csaf.json").status()).isEqualTo(404);
        // An advisory cannot be built on another vendor's record either.
        Api.Answer foreign = b.api().postJson("/api/v1/advisories", """
                {"records": [%d], "title": "stolen", "language": "en"}""".formatted(
                a.api().get("/api/v1/advisories/" + draft).json().get("records").get(0).asLong()));
        assertThat(foreign.status()).isEqualTo(400);
        assertThat(foreign.json().get("errors").get(0).get("pointer").asString()).isEqualTo("/records/0");

        String aProvider = fixture.fetch("/vendors/" + a.slug() + "/.well-known/csaf/provider-metadata.json").text();
        assertThat(aProvider).doesNotContain("distributions");
        assertThat(fixture.fetch("/vendors/" + a.slug() + "/.well-known/csaf/white/csaf-feed-tlp-white.json").status())
                .isEqualTo(404);
        assertThat(fixture.fetch("/vendors/" + a.slug() + "/advisories").text()).doesNotContain("Only B's advisory",
                "A draft about");
        assertThat(fixture.fetch("/vendors/" + b.slug() + "/.well-known/csaf/white/csaf-feed-tlp-white.json").text())
                .contains("Only B").doesNotContain("A draft about");
    }

    @Test
    void onlyTlpWhiteAdvisoriesAreServedWithoutLogin() {
        Vendor v = fixture.newVendor("Amber Devices");
        long record = fixture.injectionRecord(v, "CVE-2026-20004", "CWE-78", false);
        Api.Answer amber = v.api().postJson("/api/v1/advisories", """
                {"records": [%d], "title": "Partners only", "language": "en", "tlp": "AMBER"}""".formatted(record));
        long id = amber.json().get("id").asLong();

        Api.Answer published = fixture.publish(v, id, "To partners.");

        assertThat(published.status()).as(published.body()).isEqualTo(200);
        assertThat(v.api().get("/api/v1/advisories/" + id + "/csaf").body()).contains("\"AMBER\"");
        assertThat(fixture.fetch("/vendors/" + v.slug() + "/.well-known/csaf/provider-metadata.json").text())
                .doesNotContain("/amber/");
        assertThat(fixture.fetch("/vendors/" + v.slug() + "/advisories").text()).doesNotContain("Partners only");
    }
}
