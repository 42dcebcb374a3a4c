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
 * Runs the BSI reference validator, {@code @secvisogram/csaf-validator-lib} (strict schema and every
 * mandatory test), over what Renkei produces, and over the mandatory-test cases to show both
 * implementations agree on them. Needs {@code node} and {@code npm}; without them the test is skipped.
 * The library is installed once under {@code target/csaf-validator-lib} and reused on later runs.
 */
class ReferenceValidatorCrossCheckTest {

    private static final String LIBRARY = "@secvisogram/csaf-validator-lib";
    private static final String VERSION = "2.0.10";
    private static final Path INSTALL = Path.of("target", "csaf-validator-lib").toAbsolutePath();
    private static final Path DOCUMENTS = Path.of("target", "csaf-cross-check").toAbsolutePath();

    /** File name → the reference validator's errors, as "test pointer: message". */
    private static Map<String, List<String>> report;

    @BeforeAll
    static void installReferenceValidator() throws Exception {
        assumeTrue(runs("node", "--version") && runs("npm", "--version"),
                "node and npm are not on PATH, so the cross-check against " + LIBRARY + " cannot run");
        Path installed = INSTALL.resolve("node_modules/" + LIBRARY + "/package.json");
        if (!Files.exists(installed) || !Files.readString(installed).contains("\"version\": \"" + VERSION + "\"")) {
            Files.createDirectories(INSTALL);
            String output = run(INSTALL, Duration.ofSeconds(120), "npm", "install", "--no-audit", "--no-fund",
                    "--prefix", INSTALL.toString(), LIBRARY + "@" + VERSION);
            assertThat(installed).as("npm install output: %s", output).exists();
        }
        try (InputStream script = ReferenceValidatorCrossCheckTest.class.getResourceAsStream(
                "/csaf/reference-validator.mjs")) {
            Files.copy(script, INSTALL.resolve("reference-validator.mjs"), StandardCopyOption.REPLACE_EXISTING);
        }
        Files.createDirectories(DOCUMENTS);
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
        report = validate(documents);
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

    /** Writes the documents and runs the reference validator once over all of them. */
    private static Map<String, List<String>> validate(Map<String, byte[]> documents) throws Exception {
        List<String> command = new ArrayList<>(List.of("node", "reference-validator.mjs"));
        for (Map.Entry<String, byte[]> d : documents.entrySet()) {
            Path file = DOCUMENTS.resolve(d.getKey());
            Files.write(file, d.getValue());
            command.add(file.toString());
        }
        String output = run(INSTALL, Duration.ofSeconds(120), command.toArray(String[]::new));
        JsonNode json = CanonicalJson.read(output.getBytes(StandardCharsets.UTF_8));
        Map<String, List<String>> report = new LinkedHashMap<>();
        json.fields().forEachRemaining(file -> {
            List<String> errors = new ArrayList<>();
            file.getValue().forEach(e -> errors.add(e.path("test").asText() + " " + e.path("instancePath").asText()
                    + ": " + e.path("message").asText()));
            report.put(file.getKey(), errors);
        });
        return report;
    }

    private static boolean runs(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Runs a command, returning standard output; fails on a non-zero exit or after {@code timeout}. */
    private static String run(Path directory, Duration timeout, String... command) throws Exception {
        Path stderr = Files.createTempFile("renkei-node", ".err");
        Process p = new ProcessBuilder(command).directory(directory.toFile())
                .redirectError(stderr.toFile()).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish within " + timeout);
        }
        String errors = Files.readString(stderr);
        Files.deleteIfExists(stderr);
        assertThat(p.exitValue()).as("%s failed: %s", String.join(" ", command), errors).isZero();
        return new String(out, StandardCharsets.UTF_8);
    }
}
