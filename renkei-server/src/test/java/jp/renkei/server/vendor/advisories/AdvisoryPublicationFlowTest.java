package jp.renkei.server.vendor.advisories;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import jp.renkei.core.csaf.CanonicalJson;
import jp.renkei.core.csaf.provider.Distribution;
import jp.renkei.core.csaf.provider.DistributionFile;
import jp.renkei.core.csaf.provider.ProviderConsistency;
import jp.renkei.core.csaf.ReferenceValidator;
import jp.renkei.core.csaf.validation.CsafValidator;
import jp.renkei.server.platform.Accounts;
import jp.renkei.server.testing.Api;
import jp.renkei.server.testing.Browser;
import jp.renkei.server.testing.RenkeiTest;
import jp.renkei.server.vendor.advisories.AdvisoryFixture.Fetched;
import jp.renkei.server.vendor.advisories.AdvisoryFixture.Vendor;
import jp.renkei.server.vendor.psirt.ContactPoint;
import jp.renkei.server.vendor.psirt.ContactPoints;
import jp.renkei.server.vendor.psirt.ContactSettings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A PSIRT authors an advisory from its records, validates and publishes it; anyone then fetches the
 * vendor's CSAF provider directory over HTTP and finds provider metadata, index.txt, changes.csv, the
 * ROLIE feed, the document and its hashes telling one story under the configured https address, and a
 * readable page in Japanese and English.
 */
@RenkeiTest
class AdvisoryPublicationFlowTest {

    static final String PUBLIC_URL = "https://psirt.example.test";
    static final String PRIMARY = "primary-devices";

    @DynamicPropertySource
    static void publicAddress(DynamicPropertyRegistry registry) {
        registry.add("renkei.public-url", () -> PUBLIC_URL);
        registry.add("renkei.psirt.primary-vendor", () -> PRIMARY);
    }

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
    void aPublishedAdvisoryIsServedAsAConsistentCsafProvider() throws Exception {
        Vendor v = fixture.newVendor("Example Devices");
        long advisory = fixture.draft(v, "診断ページにおける OS コマンドインジェクション", "ja",
                fixture.injectionRecord(v, "CVE-2026-10001", "CWE-78", false));
        assertThat(v.api().get("/api/v1/advisories/" + advisory).json().get("valid").asBoolean()).isTrue();

        Api.Answer published = fixture.publish(v, advisory, "初版公開");
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        assertThat(published.json().get("status").asString()).isEqualTo("final");
        assertThat(published.json().get("version").asString()).isEqualTo("1");

        String local = "/vendors/" + v.slug() + "/.well-known/csaf/";
        URI base = URI.create(PUBLIC_URL + local);
        Distribution served = served(local, base);
        assertThat(ProviderConsistency.check(served, base)).isEmpty();

        String trackingId = published.json().get("trackingId").asString();
        assertThat(trackingId).matches("RK-SA-\\d{4}-0001");
        String path = "white/" + trackingId.substring(6, 10) + "/" + trackingId.toLowerCase() + ".json";
        byte[] document = served.file(path).orElseThrow().content();
        assertThat(served.file("white/index.txt").orElseThrow().text()).isEqualTo(path.substring(6) + "\n");
        assertThat(served.file("white/changes.csv").orElseThrow().text()).startsWith("\"" + path.substring(6) + "\",\"");
        assertThat(served.file(path + ".sha256").orElseThrow().text())
                .startsWith(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(document)));
        assertThat(served.file(path + ".sha512").orElseThrow().text())
                .startsWith(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-512").digest(document)));
        JsonNode metadata = CanonicalJson.read(served.file("provider-metadata.json").orElseThrow().content());
        assertThat(metadata.at("/canonical_url").asText()).isEqualTo(PUBLIC_URL + local + "provider-metadata.json");
        assertThat(fixture.fetch("/vendors/" + v.slug() + "/security.txt").text())
                .contains("CSAF: " + PUBLIC_URL + local + "provider-metadata.json");
        assertThat(fixture.fetch(local + "white/" + path.substring(6)).contentType()).startsWith("application/json");

        JsonNode csaf = CanonicalJson.read(document);
        assertThat(CsafValidator.validate(csaf).findings()).isEmpty();
        if (ReferenceValidator.available()) {
            // The document as served, through the BSI reference validator as well (skipped without node).
            assertThat(ReferenceValidator.validate(Map.of("served.json", document)).get("served.json"))
                    .as("reference validator on the served document").isEmpty();
        }
        assertThat(csaf.at("/document/lang").asText()).isEqualTo("ja");
        assertThat(csaf.at("/document/tracking/revision_history/0/summary").asText()).isEqualTo("初版公開");
        assertThat(csaf.at("/product_tree/relationships/0/category").asText()).isEqualTo("installed_on");
        assertThat(csaf.at("/vulnerabilities/0/cve").asText()).isEqualTo("CVE-2026-10001");
        assertThat(csaf.at("/vulnerabilities/0/scores/0/cvss_v3/baseScore").asDouble()).isEqualTo(8.8);
        List<String> remediations = new ArrayList<>();
        csaf.at("/vulnerabilities/0/remediations").forEach(r -> remediations.add(r.path("category").asText() + ": "
                + r.path("details").asText()));
        assertThat(remediations).anyMatch(r -> r.startsWith("vendor_fix: ") && r.contains("1.4.2"))
                .anyMatch(r -> r.startsWith("no_fix_planned: ") && r.contains("Home router RT-50") && r.contains("買い替え"))
                .anyMatch(r -> r.equals("workaround: Allow the management page from trusted devices only."));
        List<String> affected = new ArrayList<>();
        csaf.at("/vulnerabilities/0/product_status/known_affected").forEach(id -> affected.add(id.asText()));
        assertThat(affected).hasSize(3); // RT-100 1.0.0 and 1.4.1, RT-50 2.0
        assertThat(csaf.at("/vulnerabilities/0/product_status/first_fixed")).hasSize(1);
    }

    @Test
    void thePrimaryVendorsProviderIsAtTheRootWhereSecurityTxtPointsAndAlsoUnderItsOwnAddress() throws Exception {
        Vendor v = fixture.newVendor("Primary Devices");
        ContactPoint c = contacts.bySlug(v.slug()).orElseThrow();
        assertThat(contacts.update(c.organisationId(), "test", new ContactSettings(PRIMARY, "psirt@primary.example",
                "", "", c.policyJa(), c.policyEn(), 5, 10, 90))).isEmpty();
        long advisory = fixture.draft(v, "Primary", "en", fixture.injectionRecord(v, "CVE-2026-10006", "CWE-78", false));
        assertThat(fixture.publish(v, advisory, "Initial release.").status()).isEqualTo(200);

        URI root = URI.create(PUBLIC_URL + "/.well-known/csaf/");
        Distribution atRoot = served("/.well-known/csaf/", root);
        URI own = URI.create(PUBLIC_URL + "/vendors/" + PRIMARY + "/.well-known/csaf/");
        Distribution atOwn = served("/vendors/" + PRIMARY + "/.well-known/csaf/", own);

        assertThat(ProviderConsistency.check(atRoot, root)).isEmpty();
        assertThat(ProviderConsistency.check(atOwn, own)).isEmpty();
        assertThat(fixture.fetch("/.well-known/security.txt").text()).contains("CSAF: " + root + "provider-metadata.json");
        assertThat(atRoot.file("white/index.txt").orElseThrow().text()).isEqualTo(atOwn.file("white/index.txt")
                .orElseThrow().text());
    }

    @Test
    void theAdvisoryReadsAsAPageInJapaneseAndEnglishLinkingItsJson() {
        Vendor v = fixture.newVendor("Page Devices");
        long advisory = fixture.draft(v, "OS command injection in RT routers", "en",
                fixture.injectionRecord(v, "CVE-2026-10002", "CWE-78", false));
        String trackingId = fixture.publish(v, advisory, "Initial release.").json().get("trackingId").asString();
        Browser anyone = new Browser(port);

        Browser.Page list = anyone.get("/vendors/" + v.slug() + "/advisories?lang=en");
        Browser.Page en = anyone.get("/vendors/" + v.slug() + "/advisories/" + trackingId + "?lang=en");
        Browser.Page ja = anyone.get("/vendors/" + v.slug() + "/advisories/" + trackingId + "?lang=ja");

        assertThat(list.body()).contains(trackingId, "OS command injection in RT routers");
        assertThat(en.status()).isEqualTo(200);
        assertThat(en.body()).contains("CVE-2026-10002", "CVSS 3.1 8.8", "Affected", "Update",
                "Update the firmware to 1.4.2 or later.", "No fix planned", "Home router RT-50",
                "/vendors/" + v.slug() + "/.well-known/csaf/white/");
        assertThat(ja.body()).contains("影響あり", "アップデート", "修正予定なし", "CVE-2026-10002");
        String json = en.body().replaceAll("(?s).*id=\"csaf-json\" href=\"([^\"]+)\".*", "$1");
        assertThat(fixture.fetch(json).status()).isEqualTo(200);
    }

    @Test
    void anAdvisoryFailingValidationCannotBePublishedAndItsPageListsEachFindingWithItsPath() {
        Vendor v = fixture.newVendor("Invalid Devices");
        // CWE-99999 is well-formed but not MITRE's: mandatory test 6.1.11 finds it.
        long advisory = fixture.draft(v, "Unknown weakness", "en", fixture.injectionRecord(v, "CVE-2026-10003", "CWE-99999", false));

        Api.Answer shown = v.api().get("/api/v1/advisories/" + advisory);
        Api.Answer publish = fixture.publish(v, advisory, "x");
        Browser psirt = new Browser(port);
        psirt.signIn(v.operator().username(), v.operator().password());
        Browser.Page page = psirt.get("/psirt/advisories/" + advisory);

        assertThat(shown.json().get("valid").asBoolean()).isFalse();
        assertThat(shown.json().get("findings").findValuesAsString("pointer")).contains("/vulnerabilities/0/cwe/id");
        assertThat(publish.status()).isEqualTo(400);
        assertThat(publish.json().get("errors").findValuesAsString("pointer")).contains("/vulnerabilities/0/cwe/id");
        assertThat(page.body()).contains("validation-findings", "/vulnerabilities/0/cwe/id", "6.1.11")
                .doesNotContain("publish-form");
        assertThat(v.api().get("/api/v1/advisories/" + advisory).json().get("status").asString()).isEqualTo("draft");
        assertThat(fixture.fetch("/vendors/" + v.slug() + "/.well-known/csaf/white/index.txt").status()).isEqualTo(404);
    }

    @Test
    void anAdvisoryWithAnEmbargoedRecordIsRefusedUntilTheEmbargoEnds() {
        Vendor v = fixture.newVendor("Embargo Devices");
        long advisory = fixture.draft(v, "Embargoed", "en", fixture.injectionRecord(v, "CVE-2026-10004", "CWE-78", true));

        Api.Answer publish = fixture.publish(v, advisory, "x");

        assertThat(publish.status()).isEqualTo(400);
        assertThat(publish.json().get("errors").get(0).get("pointer").asString()).isEqualTo("/records/0");
        assertThat(publish.json().get("errors").get(0).get("detail").asString()).contains("CVE-2026-10004", "embargo");
        assertThat(fixture.fetch("/vendors/" + v.slug() + "/advisories").text()).doesNotContain("Embargoed");
        assertThat(fixture.fetch("/vendors/" + v.slug() + "/.well-known/csaf/provider-metadata.json").text())
                .doesNotContain("distributions");
    }

    @Test
    void eachPublicationAddsARevisionAndChangesTheListsDates() throws Exception {
        Vendor v = fixture.newVendor("Revision Devices");
        long advisory = fixture.draft(v, "Revised", "en", fixture.injectionRecord(v, "CVE-2026-10005", "CWE-78", false));
        fixture.publish(v, advisory, "Initial release.");
        Thread.sleep(1100); // a revision date has whole seconds

        Api.Answer second = fixture.publish(v, advisory, "Added the RT-50.");

        assertThat(second.json().get("version").asString()).isEqualTo("2");
        String local = "/vendors/" + v.slug() + "/.well-known/csaf/";
        Distribution served = served(local, URI.create(PUBLIC_URL + local));
        assertThat(ProviderConsistency.check(served, URI.create(PUBLIC_URL + local))).isEmpty();
        JsonNode csaf = CanonicalJson.read(v.api().get("/api/v1/advisories/" + advisory + "/csaf").body()
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(csaf.at("/document/tracking/revision_history")).hasSize(2);
        assertThat(csaf.at("/document/tracking/revision_history/1/summary").asText()).isEqualTo("Added the RT-50.");
        assertThat(csaf.at("/document/tracking/initial_release_date").asText())
                .isNotEqualTo(csaf.at("/document/tracking/current_release_date").asText());
    }

    /** Every file the provider metadata leads to, fetched over http as a mirror would. */
    private Distribution served(String local, URI base) throws Exception {
        List<DistributionFile> files = new ArrayList<>();
        Fetched metadata = add(files, local, "provider-metadata.json");
        JsonNode m = CanonicalJson.read(metadata.body());
        for (JsonNode d : m.path("distributions")) {
            if (d.has("directory_url")) {
                String dir = d.path("directory_url").asText().substring(base.toString().length());
                add(files, local, dir + "changes.csv");
                Fetched index = add(files, local, dir + "index.txt");
                for (String line : index.text().split("\n")) {
                    if (!line.isBlank()) {
                        add(files, local, dir + line);
                        add(files, local, dir + line + ".sha256");
                        add(files, local, dir + line + ".sha512");
                    }
                }
            }
            for (JsonNode feed : d.path("rolie").path("feeds")) {
                add(files, local, feed.path("url").asText().substring(base.toString().length()));
            }
        }
        return Distribution.of(files);
    }

    private Fetched add(List<DistributionFile> files, String local, String path) {
        Fetched f = fixture.fetch(local + path);
        assertThat(f.status()).as(local + path).isEqualTo(200);
        files.add(new DistributionFile(path, f.contentType(), f.body()));
        return f;
    }
}
