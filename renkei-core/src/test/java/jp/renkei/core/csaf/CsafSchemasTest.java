package jp.renkei.core.csaf;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import jp.renkei.core.csaf.validation.CsafSchemas;
import jp.renkei.core.csaf.validation.Finding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CsafSchemasTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "csaf_json_schema.json, https://docs.oasis-open.org/csaf/csaf/v2.0/csaf_json_schema.json",
            "provider_json_schema.json, https://docs.oasis-open.org/csaf/csaf/v2.0/provider_json_schema.json",
            "ROLIE_feed_json_schema.json, https://raw.githubusercontent.com/oasis-tcs/csaf/master/csaf_2.0/json_schema/ROLIE_feed_json_schema.json",
            "cvss-v2.0.json, https://www.first.org/cvss/cvss-v2.0.json?20170531",
            "cvss-v3.0.json, https://www.first.org/cvss/cvss-v3.0.json?20170531",
            "cvss-v3.1.json, https://www.first.org/cvss/cvss-v3.1.json?20190610"})
    void theOfficialSchemasAreBundledUnderTheirIds(String file, String id) throws Exception {
        try (InputStream in = CsafSchemasTest.class.getResourceAsStream("/csaf/" + file)) {
            assertThat(CanonicalJson.read(in.readAllBytes()).path("$id").asText()).isEqualTo(id);
        }
    }

    @Test
    void theCsafSchemaReportsViolationsWithTheirPointers() {
        JsonNode document = Fixture.advisory().with("/document/distribution", "{\"tlp\": {\"label\": \"CLEAR\"}}")
                .with("/document/tracking/current_release_date", "\"yesterday\"").json();

        assertThat(CsafSchemas.bundled().validateDocument(document)).extracting(Finding::pointer)
                .containsExactlyInAnyOrder("/document/distribution/tlp/label", "/document/tracking/current_release_date");
    }

    @Test
    void aCvssObjectIsValidatedAgainstFirstsSchemaThroughTheCsafSchema() {
        JsonNode document = Fixture.advisory().with("/vulnerabilities/0/scores", """
                [{"products": ["CSAFPID-9080700"], "cvss_v3": {"version": "3.1",
                  "vectorString": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "baseScore": 9.8,
                  "baseSeverity": "SEVERE"}}]""").json();

        assertThat(CsafSchemas.bundled().validateDocument(document)).extracting(Finding::pointer)
                .contains("/vulnerabilities/0/scores/0/cvss_v3/baseSeverity");
    }

    @Test
    void theProviderSchemaNeedsARole() throws Exception {
        JsonNode metadata = CanonicalJson.read("""
                {"canonical_url": "https://example.com/.well-known/csaf/provider-metadata.json",
                 "last_updated": "2025-01-01T00:00:00Z", "list_on_CSAF_aggregators": true, "metadata_version": "2.0",
                 "mirror_on_CSAF_aggregators": true,
                 "publisher": {"category": "vendor", "name": "Example", "namespace": "https://example.com"}}"""
                .getBytes(StandardCharsets.UTF_8));

        assertThat(CsafSchemas.bundled().validateProviderMetadata(metadata)).extracting(Finding::message)
                .containsExactly("required property 'role' not found");
    }
}
