package jp.renkei.core.csaf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import jp.renkei.core.Language;
import jp.renkei.core.csaf.cvss.Cvss2;
import jp.renkei.core.csaf.cvss.Cvss2Metric;
import jp.renkei.core.csaf.cvss.Cvss3;
import jp.renkei.core.csaf.cvss.Cvss3Metric;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs the BSI reference validator ({@link ReferenceValidator}) over what Renkei produces, and over
 * the mandatory-test cases to show both implementations agree on them. Needs {@code node} and
 * {@code npm}; without them the test is skipped.
 */
class ReferenceValidatorCrossCheckTest {

    /** File name → the reference validator's errors, as "test pointer: message". */
    private static Map<String, List<String>> report;

    @BeforeAll
    static void runReferenceValidator() throws Exception {
        assumeTrue(ReferenceValidator.available(), ReferenceValidator.unavailableReason());
        Map<String, byte[]> documents = new LinkedHashMap<>();
        documents.put("sample-ja.json", SampleAdvisories.authored(Language.JA).json());
        documents.put("sample-en.json", SampleAdvisories.authored(Language.EN).json());
        documents.put("partner.json", SampleAdvisories.olderPartnerAdvisory().json());
        for (MandatoryTestCases.Case c : MandatoryTestCases.all()) {
            documents.put(c.id() + "-failing.json", c.failing().bytes());
            documents.put(c.id() + "-passing.json", c.passing().bytes());
        }
        documents.put("cvss-scores.json", seededCvssScores().bytes());
        // One node process for everything: loading the library is most of the cost.
        report = ReferenceValidator.validate(documents);
    }

    @Test
    void theSampleAdvisoriesPassTheReferenceValidator() {
        for (String sample : List.of("sample-ja.json", "sample-en.json", "partner.json")) {
            assertThat(report.get(sample)).as(sample).isNotNull().isEmpty();
        }
    }

    @Test
    void theReferenceValidatorAgreesWithEveryMandatoryTestCase() {
        for (MandatoryTestCases.Case c : MandatoryTestCases.all()) {
            String referenceTest = "mandatoryTest_" + c.id().replace('.', '_');
            assertThat(report.get(c.id() + "-failing.json")).as("reference on the failing case of %s", c)
                    .anyMatch(e -> e.startsWith(referenceTest + " "));
            assertThat(report.get(c.id() + "-passing.json")).as("reference on the passing case of %s", c).isEmpty();
        }
    }

    @Test
    void ourCvssScoresAgreeWithFirstsCalculatorsOnSeededRandomVectors() {
        assertThat(report.get("cvss-scores.json")).as("reference on scores Renkei computed").isNotNull().isEmpty();
    }

    /**
     * A document whose scores carry the values Renkei computed for seeded random CVSS v2, v3.0 and v3.1
     * vectors (base, temporal and, for v3, environmental); the reference's test 6.1.9 recomputes them.
     */
    static Fixture seededCvssScores() {
        Random random = new Random(20250610);
        StringBuilder products = new StringBuilder();
        StringBuilder scores = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            String id = "CSAFPID-" + (1000 + i);
            products.append(i == 0 ? "" : ",").append("{\"name\": \"Product ").append(i).append("\", \"product_id\": \"")
                    .append(id).append("\"}");
            scores.append(i == 0 ? "" : ",").append("{\"products\": [\"").append(id).append("\"], ")
                    .append(i % 3 == 0 ? cvssV2(random) : cvssV3(random, i % 3 == 1 ? "3.0" : "3.1")).append('}');
        }
        return Fixture.advisory().with("/product_tree/full_product_names", "[" + products + "]")
                .with("/vulnerabilities/0/product_status", "{\"known_affected\": [\"CSAFPID-1000\"]}")
                .with("/vulnerabilities/0/remediations/0/product_ids", "[\"CSAFPID-1000\"]")
                .with("/vulnerabilities/0/scores", "[" + scores + "]");
    }

    private static String cvssV3(Random random, String version) {
        StringBuilder vector = new StringBuilder("CVSS:" + version);
        for (Cvss3Metric metric : Cvss3Metric.values()) {
            if (metric.base() || random.nextBoolean()) {
                String[] values = metric.allowedValues().split(", ");
                vector.append('/').append(metric.name()).append(':').append(values[random.nextInt(values.length)]);
            }
        }
        Cvss3 cvss = Cvss3.parse(vector.toString());
        return """
                "cvss_v3": {"version": "%s", "vectorString": "%s", "baseScore": %s, "baseSeverity": "%s",
                 "temporalScore": %s, "temporalSeverity": "%s", "environmentalScore": %s, "environmentalSeverity": "%s"}"""
                .formatted(version, vector, cvss.baseScore(), Cvss3.severity(cvss.baseScore()), cvss.temporalScore(),
                        Cvss3.severity(cvss.temporalScore()), cvss.environmentalScore(),
                        Cvss3.severity(cvss.environmentalScore()));
    }

    private static String cvssV2(Random random) {
        StringBuilder vector = new StringBuilder();
        for (Cvss2Metric metric : Cvss2Metric.values()) {
            if (metric.base() || random.nextBoolean()) {
                String[] values = metric.allowedValues().split(", ");
                vector.append(vector.isEmpty() ? "" : "/").append(metric.abbreviation()).append(':')
                        .append(values[random.nextInt(values.length)]);
            }
        }
        Cvss2 cvss = Cvss2.parse(vector.toString());
        // No v2 environmental score: calculators differ on it by design (see test 6.1.9).
        return """
                "cvss_v2": {"version": "2.0", "vectorString": "%s", "baseScore": %s, "temporalScore": %s}"""
                .formatted(vector, cvss.baseScore(), cvss.temporalScore());
    }
}
