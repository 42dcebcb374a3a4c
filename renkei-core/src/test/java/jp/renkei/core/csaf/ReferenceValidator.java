package jp.renkei.core.csaf;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.concurrent.TimeUnit;

/**
 * The BSI reference validator, {@code @secvisogram/csaf-validator-lib} (strict schema and every
 * mandatory test), run with node over CSAF documents. Installed once per module under
 * {@code target/csaf-validator-lib} and reused on later runs. Shared with the server's tests through
 * renkei-core's test jar, so documents the server publishes are checked by the same reference.
 */
public final class ReferenceValidator {

    private static final String LIBRARY = "@secvisogram/csaf-validator-lib";
    private static final String VERSION = "2.0.10";
    private static final Path INSTALL = Path.of("target", "csaf-validator-lib").toAbsolutePath();
    private static final Path DOCUMENTS = Path.of("target", "csaf-cross-check").toAbsolutePath();

    private ReferenceValidator() {
    }

    /** Whether node and npm are on PATH; without them the reference cannot run. */
    public static boolean available() {
        return runs("node", "--version") && runs("npm", "--version");
    }

    /** Why a test that needs the reference was skipped. */
    public static String unavailableReason() {
        return "node and npm are not on PATH, so the cross-check against " + LIBRARY + " cannot run";
    }

    /**
     * Runs the reference once over all {@code documents} (file name → bytes) and answers, per file
     * name, its errors as {@code "test pointer: message"} (empty when the document passes).
     */
    public static Map<String, List<String>> validate(Map<String, byte[]> documents) throws Exception {
        install();
        return runOver(documents);
    }

    private static void install() throws Exception {
        Path installed = INSTALL.resolve("node_modules/" + LIBRARY + "/package.json");
        if (!Files.exists(installed) || !Files.readString(installed).contains("\"version\": \"" + VERSION + "\"")) {
            Files.createDirectories(INSTALL);
            String output = run(INSTALL, Duration.ofSeconds(120), "npm", "install", "--no-audit", "--no-fund",
                    "--prefix", INSTALL.toString(), LIBRARY + "@" + VERSION);
            assertThat(installed).as("npm install output: %s", output).exists();
        }
        try (InputStream script = ReferenceValidator.class.getResourceAsStream("/csaf/reference-validator.mjs")) {
            Files.copy(script, INSTALL.resolve("reference-validator.mjs"), StandardCopyOption.REPLACE_EXISTING);
        }
        Files.createDirectories(DOCUMENTS);
    }

    /** Writes the documents and runs the reference validator once over all of them. */
    private static Map<String, List<String>> runOver(Map<String, byte[]> documents) throws Exception {
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
