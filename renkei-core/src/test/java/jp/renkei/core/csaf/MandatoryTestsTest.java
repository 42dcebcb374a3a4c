package jp.renkei.core.csaf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;

import java.util.List;
import java.util.stream.Stream;
import jp.renkei.core.csaf.validation.CsafValidator;
import jp.renkei.core.csaf.validation.Finding;
import jp.renkei.core.csaf.validation.MandatoryTest;
import jp.renkei.core.csaf.validation.MandatoryTests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class MandatoryTestsTest {

    static Stream<MandatoryTestCases.Case> cases() {
        return MandatoryTestCases.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void failingDocumentIsReportedByItsTestWithAPointer(MandatoryTestCases.Case c) {
        MandatoryTest test = MandatoryTests.byId(c.id()).orElseThrow();
        List<Finding> findings = test.run(c.failing().json());
        assertThat(findings).as(c.toString()).isNotEmpty()
                .allSatisfy(f -> {
                    assertThat(f.test()).isEqualTo(c.id());
                    assertThat(c.failing().json().at(f.pointer()).isMissingNode() && !f.pointer().isEmpty())
                            .as("pointer %s names a member that exists, or one whose absence is the problem", f.pointer())
                            .isIn(false, absenceIsTheProblem(c.id()));
                });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void passingDocumentIsValidAsAWhole(MandatoryTestCases.Case c) {
        assertThat(CsafValidator.validate(c.passing().json()).findings()).as(c.toString()).isEmpty();
    }

    @Test
    void everyMandatoryTestOfSection61HasACase() {
        assertThat(MandatoryTestCases.all().stream().map(MandatoryTestCases.Case::id))
                .containsExactlyElementsOf(MandatoryTests.all().stream().map(MandatoryTest::id).toList());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"{}", "[]", "\"text\"", "{\"document\": []}",
            "{\"document\": {\"tracking\": {\"revision_history\": [{\"number\": 3, \"date\": \"later\"}]}}}",
            "{\"product_tree\": {\"branches\": {\"category\": \"vendor\"}, \"relationships\": [1, 2]}}",
            "{\"vulnerabilities\": [{\"scores\": [{\"cvss_v3\": {\"vectorString\": \"CVSS:3.1/AV:Q\"}}],"
                    + " \"product_status\": {\"known_affected\": [7]}, \"flags\": [{\"group_ids\": \"x\"}]}]}"})
    void everyTestToleratesMalformedDocumentsAndLeavesThemToTheSchema(String json) throws Exception {
        JsonNode document = CanonicalJson.read(json.getBytes(StandardCharsets.UTF_8));

        for (MandatoryTest test : MandatoryTests.all()) {
            assertThatCode(() -> test.run(document)).as(test.toString()).doesNotThrowAnyException();
        }
        assertThat(CsafValidator.validate(document).valid()).isFalse();
    }

    /** Tests about a missing member point at where it should be. */
    private static boolean absenceIsTheProblem(String id) {
        return List.of("6.1.15", "6.1.27.4", "6.1.27.5", "6.1.27.6", "6.1.27.11").contains(id);
    }
}
