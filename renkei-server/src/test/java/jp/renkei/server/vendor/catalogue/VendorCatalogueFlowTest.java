package jp.renkei.server.vendor.catalogue;

import static jp.renkei.server.vendor.catalogue.VendorFixtures.osv;
import static jp.renkei.server.vendor.catalogue.VendorFixtures.records;
import static jp.renkei.server.vendor.catalogue.VendorFixtures.sbom;
import static jp.renkei.server.vendor.catalogue.VendorFixtures.zip;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import jp.renkei.core.imports.Parsed;
import jp.renkei.core.sbom.CycloneDxReader;
import jp.renkei.core.sbom.SbomReading;
import jp.renkei.core.vulnerabilities.OsvReader;
import jp.renkei.core.vulnerabilities.OsvRecord;
import jp.renkei.server.platform.Accounts;
import jp.renkei.server.platform.Role;
import jp.renkei.server.testing.Api;
import jp.renkei.server.testing.RenkeiTest;
import jp.renkei.server.testing.Tenants;
import jp.renkei.server.vendor.catalogue.VendorFixtures.Part;
import jp.renkei.server.vendor.catalogue.internal.VulnerabilityStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * A vendor's PSIRT keeps its catalogue, uploads the SBOM of a firmware, imports OSV dumps and
 * sees what the components are exposed to, and what changed when newer vulnerability data came in.
 */
@RenkeiTest
class VendorCatalogueFlowTest {

    private static final String JINJA = "GHSA-h5c8-rqwp-cp95";
    private static final String LODASH = "GHSA-p6mc-m468-83gw";
    private static final String LOG4J = "GHSA-jfh8-c2jp-5v3q";
    private static final String URLLIB3_OLD = "GHSA-wqvq-5m8c-6g24";
    private static final String URLLIB3_NEW = "GHSA-q2q7-5pp4-w6pg";

    private static final String FIRMWARE_SBOM = sbom(
            Part.of("jinja2", "2.10.1", "pkg:pypi/jinja2@2.10.1"),
            Part.of("urllib3", "1.26.4", "pkg:pypi/urllib3@1.26.4"),
            Part.of("lodash", "4.17.15", "pkg:npm/lodash@4.17.15").vex("CVE-2020-8203", "in_triage"),
            Part.of("log4j-core", "2.14.1", "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1")
                    .vex("CVE-2021-44228", "not_affected"),
            Part.of("rx-webui", "2.1.0", null));

    private static final byte[] FIRST_DUMP = zip(records(
            osv(JINJA, "CVE-2020-28493", "2024-01-01T00:00:00Z", "PyPI", "jinja2", "0", "2.11.3"),
            osv(LODASH, "CVE-2020-8203", "2024-01-01T00:00:00Z", "npm", "lodash", "0", "4.17.19"),
            osv(LOG4J, "CVE-2021-44228", "2024-01-01T00:00:00Z", "Maven", "org.apache.logging.log4j:log4j-core",
                    "2.0-beta9", "2.15.0"),
            osv(URLLIB3_OLD, "CVE-2021-28363", "2024-01-01T00:00:00Z", "PyPI", "urllib3", "1.26.0", "1.26.4")));

    // A newer dump: lodash's record was withdrawn, a new urllib3 record affects 1.26.4, the rest is unchanged.
    private static final byte[] SECOND_DUMP = zip(records(
            osv(JINJA, "CVE-2020-28493", "2024-01-01T00:00:00Z", "PyPI", "jinja2", "0", "2.11.3"),
            osv(LODASH, "CVE-2020-8203", "2024-06-01T00:00:00Z", "npm", "lodash", "0", "4.17.19", true),
            osv(LOG4J, "CVE-2021-44228", "2024-01-01T00:00:00Z", "Maven", "org.apache.logging.log4j:log4j-core",
                    "2.0-beta9", "2.15.0"),
            osv(URLLIB3_NEW, "CVE-2021-33503", "2024-06-01T00:00:00Z", "PyPI", "urllib3", "1.25.4", "1.26.5")));

    @LocalServerPort
    int port;
    @Autowired
    Accounts accounts;

    @Autowired
    VulnerabilityStore stored;

    private Api api;
    private String token;
    private long organisation;

    @BeforeEach
    void aVendorWithAnOperator() {
        Tenants.Member member = VendorFixtures.newVendor(accounts, "Example Networks", Role.OPERATOR);
        token = member.token();
        organisation = member.organisationId();
        api = new Api(port, token);
    }

    @Test
    void keepsProductsWithTheirSupportLifecycle() {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Tokyo"));
        Api.Answer created = api.postJson("/api/v1/products", """
                {"modelNumber": "RX-200", "name": "Home router RX-200", "updateMechanism": "user-applied",
                 "endOfSale": "%s", "endOfSupport": "%s", "supportPeriod": "5 years after end of sale"}"""
                .formatted(today.minusYears(1), today.plusDays(30)));
        api.postJson("/api/v1/products", """
                {"modelNumber": "RX-100", "name": "Home router RX-100", "endOfSupport": "%s"}""".formatted(today.minusDays(1)));
        api.postJson("/api/v1/products", """
                {"modelNumber": "RX-300", "name": "Home router RX-300", "updateMechanism": "automatic"}""");

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().path("lifecycle").asString()).isEqualTo("ending-soon");
        assertThat(created.json().path("endOfSupportInDays").asInt()).isEqualTo(30);
        JsonNode list = api.get("/api/v1/products").json();
        assertThat(list).extracting(p -> p.path("modelNumber").asString() + " " + p.path("lifecycle").asString())
                .containsExactly("RX-100 end-of-life", "RX-200 ending-soon", "RX-300 supported");
    }

    @Test
    void refusesBadProductsNamingTheField() {
        Api.Answer badDate = api.postJson("/api/v1/products", """
                {"modelNumber": "RX-1", "name": "x", "endOfSale": "2027-13-01"}""");
        Api.Answer backwards = api.postJson("/api/v1/products", """
                {"modelNumber": "RX-1", "name": "x", "endOfSale": "2027-03-31", "endOfSupport": "2026-03-31"}""");
        Api.Answer slash = api.postJson("/api/v1/products", """
                {"modelNumber": "RX/1", "name": "x"}""");
        api.postJson("/api/v1/products", "{\"modelNumber\": \"RX-2\", \"name\": \"x\"}");
        Api.Answer twice = api.postJson("/api/v1/products", "{\"modelNumber\": \"RX-2\", \"name\": \"y\"}");

        assertThat(badDate.status()).isEqualTo(400);
        assertThat(badDate.json().path("parameter").asString()).isEqualTo("endOfSale");
        assertThat(backwards.json().path("parameter").asString()).isEqualTo("endOfSupport");
        assertThat(slash.json().path("parameter").asString()).isEqualTo("modelNumber");
        assertThat(twice.status()).isEqualTo(409);
    }

    @Test
    void updatesAProductAndAddsRevisionsAndFirmware() {
        api.postJson("/api/v1/products", "{\"modelNumber\": \"CAM-1\", \"name\": \"Camera\"}");

        Api.Answer updated = VendorFixtures.put(port, token, "/api/v1/products/CAM-1", """
                {"modelNumber": "CAM-1", "name": "Indoor camera", "updateMechanism": "on-site"}""");
        Api.Answer revision = api.postJson("/api/v1/products/CAM-1/hardware-revisions", "{\"revision\": \"B\"}");
        Api.Answer firmware = api.postJson("/api/v1/products/CAM-1/firmware", """
                {"version": "1.0.2", "releaseDate": "2026-10-01", "fixes": "Fixes the telnet backdoor (JVNDB-2026-000001)"}""");

        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        assertThat(revision.status()).isEqualTo(201);
        assertThat(firmware.status()).isEqualTo(201);
        JsonNode product = api.get("/api/v1/products/CAM-1").json();
        assertThat(product.path("name").asString()).isEqualTo("Indoor camera");
        assertThat(product.path("updateMechanism").asString()).isEqualTo("on-site");
        assertThat(product.path("hardwareRevisions").get(0).asString()).isEqualTo("B");
        assertThat(api.get("/api/v1/products/CAM-1/firmware").json().get(0).path("fixes").asString())
                .contains("JVNDB-2026-000001");
    }

    @Test
    void anSbomForAnUnknownProductCreatesProductAndFirmwareAndNotesWhatCannotBeMatched() {
        Api.Answer answer = api.upload("/api/v1/sboms?product=RX-200&firmware=2.1.0", "rx-200.cdx.json", FIRMWARE_SBOM);

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().path("components").asInt()).isEqualTo(5);
        assertThat(answer.json().path("findings")).isEmpty();
        assertThat(answer.json().path("rejected")).singleElement().satisfies(n -> {
            assertThat(n.path("location").asString()).isEqualTo("/components/4");
            assertThat(n.path("reason").asString()).contains("rx-webui 2.1.0", "neither purl nor cpe");
        });
        assertThat(api.get("/api/v1/products/RX-200/firmware").json()).singleElement()
                .satisfies(f -> assertThat(f.path("version").asString()).isEqualTo("2.1.0"));
    }

    @Test
    void findsKnownVulnerabilitiesAndReportsWhatANewerDumpChanged() {
        api.upload("/api/v1/sboms?product=RX-200&firmware=2.1.0", "rx-200.cdx.json", FIRMWARE_SBOM);

        VendorFixtures.Imported first = VendorFixtures.importOsv(api, "PyPI-npm-Maven.zip", FIRST_DUMP);

        assertThat(first.answer().path("accepted").asInt()).isEqualTo(4);
        assertThat(first.rematch().path("firmware").asInt()).isEqualTo(1);
        JsonNode findings = api.get("/api/v1/sboms?product=RX-200&firmware=2.1.0").json().path("findings");
        assertThat(ids(findings)).containsExactly(LOG4J, LODASH, JINJA);
        assertThat(findings).filteredOn(f -> f.path("vulnerability").asString().equals(LOG4J)).singleElement()
                .satisfies(f -> {
                    assertThat(f.path("component").asString())
                            .isEqualTo("pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1");
                    assertThat(f.path("aliases").get(0).asString()).isEqualTo("CVE-2021-44228");
                    assertThat(f.path("vexState").asString()).isEqualTo("not_affected");
                });

        VendorFixtures.Imported second = VendorFixtures.importOsv(api, "PyPI-npm-Maven-2.zip", SECOND_DUMP);

        assertThat(second.answer().path("accepted").asInt()).isEqualTo(2);
        assertThat(second.answer().path("duplicates").asInt()).isEqualTo(2);
        assertThat(second.rematch().path("changed").asInt()).isEqualTo(1);
        assertThat(ids(api.get("/api/v1/sboms?product=RX-200&firmware=2.1.0").json().path("findings")))
                .containsExactly(LOG4J, JINJA, URLLIB3_NEW);
        JsonNode change = api.get("/api/v1/findings/changes").json().get(0);
        assertThat(change.path("cause").asString()).isEqualTo("vulnerability-data");
        assertThat(change.path("product").asString() + " " + change.path("firmware").asString()).isEqualTo("RX-200 2.1.0");
        assertThat(ids(change.path("added"))).containsExactly(URLLIB3_NEW);
        assertThat(ids(change.path("removed"))).containsExactly(LODASH);
        assertThat(change.path("added").get(0).path("component").asString()).isEqualTo("pkg:pypi/urllib3@1.26.4");
    }

    @Test
    void postingTheSameSbomAgainChangesNothingAndANewOneReplacesTheComponents() {
        VendorFixtures.importOsv(api, "dump.zip", FIRST_DUMP);
        Api.Answer first = api.upload("/api/v1/sboms?product=RX-200&firmware=2.1.0", "a.cdx.json", FIRMWARE_SBOM);
        int changes = api.get("/api/v1/findings/changes").json().size();

        Api.Answer again = api.upload("/api/v1/sboms?product=RX-200&firmware=2.1.0", "a-again.cdx.json", FIRMWARE_SBOM);

        assertThat(again.json()).isEqualTo(first.json());
        assertThat(api.get("/api/v1/findings/changes").json().size()).isEqualTo(changes);

        Api.Answer fixed = api.upload("/api/v1/sboms?product=RX-200&firmware=2.1.0", "b.cdx.json",
                sbom(Part.of("jinja2", "2.11.3", "pkg:pypi/jinja2@2.11.3")));

        assertThat(fixed.json().path("components").asInt()).isEqualTo(1);
        assertThat(fixed.json().path("findings")).isEmpty();
        JsonNode change = api.get("/api/v1/findings/changes").json().get(0);
        assertThat(change.path("cause").asString()).isEqualTo("sbom");
        assertThat(ids(change.path("removed"))).containsExactlyInAnyOrder(JINJA, LODASH, LOG4J);
    }

    @Test
    void refusesAnInvalidSbomNamingTheJsonPointer() {
        Api.Answer answer = api.upload("/api/v1/sboms?product=RX-200&firmware=2.1.0", "bad.cdx.json", """
                {"bomFormat": "CycloneDX", "specVersion": "1.6",
                 "components": [{"type": "gadget", "name": "x", "version": "1"}]}""");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().path("reason").asString()).isEqualTo("invalid-sbom");
        assertThat(answer.json().path("problems").get(0).path("location").asString()).isEqualTo("/components/0/type");
        assertThat(api.get("/api/v1/products/RX-200").status()).isEqualTo(404);
    }

    @Test
    void rejectsBrokenOsvEntriesByEntryAndKeepsTheGoodOnes() {
        byte[] dump = zip(records(osv(JINJA, "CVE-2020-28493", "2024-01-01T00:00:00Z", "PyPI", "jinja2", "0", "2.11.3"),
                "{\"id\": \"GHSA-broken\", \"modified\": \"not a time\"}"));

        Api.Answer answer = api.upload("/api/v1/vulnerability-data/import?format=osv", "dump.zip", dump);
        Api.Answer again = api.upload("/api/v1/vulnerability-data/import?format=osv", "dump.zip", dump);
        Api.Answer unknownFormat = api.upload("/api/v1/vulnerability-data/import?format=nvd", "dump.zip", dump);

        assertThat(answer.json().path("accepted").asInt()).isEqualTo(1);
        assertThat(answer.json().path("rejected")).singleElement().satisfies(r -> {
            assertThat(r.path("line").asInt()).isEqualTo(2);
            assertThat(r.path("reason").asString()).contains("GHSA-broken.json");
        });
        assertThat(again.json().path("accepted").asInt()).isZero();
        assertThat(again.json().path("duplicates").asInt()).isEqualTo(1);
        assertThat(again.json().has("rematch")).as("nothing written, nothing to match again").isFalse();
        assertThat(unknownFormat.status()).isEqualTo(400);
    }

    @Test
    void exportsTheCurrentSbomAsCycloneDx16() {
        api.upload("/api/v1/sboms?product=RX-200&firmware=2.1.0", "rx-200.cdx.json", FIRMWARE_SBOM);

        Api.Answer xml = api.get("/api/v1/products/RX-200/firmware/2.1.0/sbom?format=xml");
        Api.Answer json = api.get("/api/v1/products/RX-200/firmware/2.1.0/sbom?format=json");

        for (Api.Answer export : List.of(xml, json)) {
            assertThat(export.status()).isEqualTo(200);
            SbomReading read = CycloneDxReader.read("export", export.body().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            assertThat(read).isInstanceOfSatisfying(SbomReading.Read.class, r -> {
                assertThat(r.sbom().specVersion()).isEqualTo("1.6");
                assertThat(r.sbom().components()).hasSize(5);
            });
        }
        assertThat(api.get("/api/v1/products/RX-200/firmware/9.9.9/sbom").status()).isEqualTo(404);
    }

    @Test
    void storesEachRecordSoThatItReadsBackUnchangedWhateverItsText() {
        String tricky = osv(JINJA, "CVE-2020-28493", "2024-01-01T00:00:00Z", "PyPI", "jinja2", "0", "2.11.3")
                .replace("\"summary\":\"test record\"",
                        "\"summary\":\"tab\\there, a back\\\\slash\",\"details\":\"line one\\nline two\\r\\n「日本語」\"");

        VendorFixtures.importOsv(api, "tricky.zip", zip(records(tricky)));

        List<OsvRecord> back = new ArrayList<>();
        stored.forEach(organisation, (id, json) -> back.add(
                ((Parsed.Row<OsvRecord>) OsvReader.json(id, json.getBytes(java.nio.charset.StandardCharsets.UTF_8))).value()));
        OsvRecord original = ((Parsed.Row<OsvRecord>) OsvReader.json("tricky.json",
                tricky.getBytes(java.nio.charset.StandardCharsets.UTF_8))).value();
        assertThat(back).containsExactly(original);
        assertThat(original.details()).isEqualTo("line one\nline two\r\n「日本語」");
        assertThat(original.summary()).isEqualTo("tab\there, a back\\slash");
    }

    private static List<String> ids(JsonNode findings) {
        List<String> ids = new ArrayList<>();
        findings.forEach(f -> ids.add(f.path("vulnerability").asString()));
        return ids;
    }
}
