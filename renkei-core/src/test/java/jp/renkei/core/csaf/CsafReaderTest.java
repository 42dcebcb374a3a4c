package jp.renkei.core.csaf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import jp.renkei.core.Language;
import jp.renkei.core.csaf.validation.Finding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CsafReaderTest {

    @Test
    void readsRenkeisOwnAdvisoryBackIntoTheSameModelAndTheSameBytes() {
        byte[] json = SampleAdvisories.authored(Language.JA).json();

        CsafImport.Imported imported = imported(CsafReader.read(json));

        assertThat(imported.advisory()).isEqualTo(SampleAdvisories.authored(Language.JA).advisory());
        assertThat(imported.unmodelled()).isEmpty();
        assertThat(CsafWriter.write(imported.advisory())).isEqualTo(json);
    }

    @Test
    void importsAnotherVendorsAdvisoryAndListsWhatTheModelDoesNotHold() throws IOException {
        CsafImport.Imported imported = imported(CsafReader.read(resource("third-party/example-vendor-advisory.json")));

        Advisory advisory = imported.advisory();
        assertThat(advisory.document().tracking().id()).isEqualTo("ECAM-2024-0042");
        assertThat(advisory.document().tracking().currentReleaseDate()).isEqualTo(Instant.parse("2024-09-01T23:30:00Z"));
        assertThat(advisory.document().publisher().issuingAuthority()).contains("Example Camera PSIRT");
        assertThat(advisory.document().references().get(1).category()).isEqualTo(Reference.Category.EXTERNAL);
        assertThat(advisory.productTree().productGroups().get(0).productIds()).containsExactly("ECAM-1", "ECAM-3");
        assertThat(advisory.productTree().branches().get(0).branches().get(0).branches().get(0).product().orElseThrow()
                .identification().cpe()).contains("cpe:2.3:o:example:ec-100_firmware:4.2.1:*:*:*:*:*:*:*");
        Vulnerability v = advisory.vulnerabilities().get(0);
        assertThat(v.cwe()).contains(new Vulnerability.Cwe("CWE-787", "Out-of-bounds Write"));
        assertThat(v.remediations().get(0).groupIds()).containsExactly("ECAM-G-AFFECTED");
        assertThat(v.scores().get(0).cvssV3().orElseThrow().baseScore()).isEqualTo(9.8);
        assertThat(imported.unmodelled()).containsExactlyInAnyOrder(
                "/document/acknowledgments",
                "/document/aggregate_severity",
                "/document/distribution/tlp/url",
                "/product_tree/branches/0/branches/0/branches/0/product/product_identification_helper/hashes",
                "/vulnerabilities/0/involvements",
                "/vulnerabilities/0/remediations/0/restart_required",
                "/vulnerabilities/0/scores/0/cvss_v3/exploitCodeMaturity",
                "/vulnerabilities/0/scores/0/cvss_v3/temporalScore",
                "/vulnerabilities/0/scores/0/cvss_v3/temporalSeverity");
        assertThat(imported.document().at("/document/acknowledgments/0/names/0").asText()).isEqualTo("Taro Yamada");
    }

    static Stream<MandatoryTestCases.Case> cases() {
        return MandatoryTestCases.all().stream();
    }

    @ParameterizedTest(name = "passing document of {0}")
    @MethodSource("cases")
    void importsEveryValidDocumentOfTheMandatoryTestCases(MandatoryTestCases.Case c) {
        assertThat(CsafReader.read(c.passing().bytes())).isInstanceOf(CsafImport.Imported.class);
    }

    @ParameterizedTest(name = "failing document of {0}")
    @MethodSource("cases")
    void rejectsEveryInvalidDocumentOfTheMandatoryTestCasesNamingTheTest(MandatoryTestCases.Case c) {
        assertThat(rejected(CsafReader.read(c.failing().bytes()))).extracting(Finding::test).contains(c.id());
    }

    @Test
    void rejectsAContradictionWithTheTestAndThePointerOfTheProduct() {
        MandatoryTestCases.Case contradiction = MandatoryTestCases.all().get(5);

        assertThat(rejected(CsafReader.read(contradiction.failing().bytes()))).containsExactly(new Finding("6.1.6",
                "/vulnerabilities/0/product_status/known_not_affected/0",
                "product 'CSAFPID-9080700' is both affected and not affected"));
    }

    @Test
    void rejectsSchemaViolationsWithTheirPointers() {
        byte[] json = Fixture.advisory().without("/document/title").with("/document/tracking/status", "\"published\"")
                .bytes();

        assertThat(rejected(CsafReader.read(json))).extracting(Finding::test, Finding::pointer, Finding::message)
                .contains(
                        tuple("schema", "/document", "required property 'title' not found"),
                        tuple("schema", "/document/tracking/status",
                                "does not have a value in the enumeration [\"draft\", \"final\", \"interim\"]"));
    }

    @Test
    void rejectsTextThatIsNotJsonWithLineAndColumn() {
        List<Finding> findings = rejected(CsafReader.read("{\n  \"document\": {\n    \"title\": }\n}".getBytes(
                StandardCharsets.UTF_8)));

        assertThat(findings).hasSize(1);
        assertThat(findings.get(0).test()).isEqualTo("json");
        assertThat(findings.get(0).message()).startsWith("line 3, column 14: Unexpected character ('}'");
    }

    @Test
    void rejectsADocumentThatGivesAKeyTwice() {
        List<Finding> findings = rejected(CsafReader.read("{\"document\": {}, \"document\": {}}".getBytes(
                StandardCharsets.UTF_8)));

        assertThat(findings.get(0).message()).contains("Duplicate field 'document'");
    }

    private static CsafImport.Imported imported(CsafImport result) {
        assertThat(result).isInstanceOf(CsafImport.Imported.class);
        return (CsafImport.Imported) result;
    }

    private static List<Finding> rejected(CsafImport result) {
        assertThat(result).isInstanceOf(CsafImport.Rejected.class);
        return ((CsafImport.Rejected) result).findings();
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = CsafReaderTest.class.getResourceAsStream("/csaf/" + name)) {
            return in.readAllBytes();
        }
    }
}
