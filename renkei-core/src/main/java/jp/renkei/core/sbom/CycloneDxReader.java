package jp.renkei.core.sbom;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import org.cyclonedx.exception.ParseException;
import org.cyclonedx.model.Bom;
import org.cyclonedx.parsers.JsonParser;
import org.cyclonedx.parsers.XmlParser;

/**
 * Reads a CycloneDX 1.5, 1.6 or 1.7 SBOM in JSON or XML. The file is first validated against the
 * specification's schema for the version it declares (JSON: {@code specVersion}; XML: the
 * namespace); an invalid file is refused with every problem, each naming the JSON pointer or the
 * line, column and element. Only a valid file is then parsed, with cyclonedx-core-java, into an
 * {@link Sbom}. Thread-safe; schemas are loaded once.
 */
public final class CycloneDxReader {

    private static final ObjectMapper JSON = new ObjectMapper();

    private CycloneDxReader() {
    }

    /** Reads one SBOM file; {@code fileName} only names it in messages. */
    public static SbomReading read(String fileName, byte[] content) {
        Optional<SbomFormat> format = SbomFormat.detect(content);
        if (format.isEmpty()) {
            return invalid(fileName, "", "neither CycloneDX JSON (starting with '{') nor XML (starting with '<')");
        }
        return format.get() == SbomFormat.JSON ? readJson(fileName, content) : readXml(fileName, content);
    }

    private static SbomReading readJson(String fileName, byte[] content) {
        JsonNode tree;
        try {
            tree = JSON.readTree(content);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            return invalid(fileName, at == null ? "" : "line " + at.getLineNr() + ", column " + at.getColumnNr(),
                    "not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            return invalid(fileName, "", "could not be read: " + e.getMessage());
        }
        if (!tree.isObject()) {
            return invalid(fileName, "", "a CycloneDX document is a JSON object");
        }
        if (!"CycloneDX".equals(tree.path("bomFormat").asText())) {
            return invalid(fileName, "/bomFormat", "must be \"CycloneDX\"");
        }
        String version = tree.path("specVersion").asText("");
        if (!CycloneDxSchemas.VERSIONS.contains(version)) {
            return invalid(fileName, "/specVersion", unsupported(version));
        }
        List<Error> errors = CycloneDxSchemas.json(version).validate(tree);
        if (!errors.isEmpty()) {
            return new SbomReading.Invalid(fileName, errors.stream().map(CycloneDxReader::problem).toList());
        }
        try {
            return BomMapping.map(new JsonParser().parse(content), version, SbomFormat.JSON);
        } catch (ParseException e) {
            return invalid(fileName, "", "valid against the CycloneDX " + version + " schema, but could not be parsed: "
                    + e.getMessage());
        }
    }

    private static SbomReading readXml(String fileName, byte[] content) {
        XmlValidation.Result<String> root = XmlValidation.rootNamespace(content);
        if (root.problem().isPresent()) {
            return new SbomReading.Invalid(fileName, List.of(root.problem().get()));
        }
        String namespace = root.value().orElse("");
        Optional<String> version = CycloneDxSchemas.VERSIONS.stream()
                .filter(v -> CycloneDxSchemas.namespace(v).equals(namespace)).findFirst();
        if (version.isEmpty()) {
            return invalid(fileName, "element /bom", "namespace '" + namespace + "': "
                    + unsupported(namespace.replaceFirst("^http://cyclonedx.org/schema/bom/", "")));
        }
        List<SbomProblem> problems = XmlValidation.validate(content, CycloneDxSchemas.xml(version.get()));
        if (!problems.isEmpty()) {
            return new SbomReading.Invalid(fileName, problems);
        }
        try {
            Bom bom = new XmlParser().parse(content);
            return BomMapping.map(bom, version.get(), SbomFormat.XML);
        } catch (ParseException e) {
            return invalid(fileName, "", "valid against the CycloneDX " + version.get()
                    + " schema, but could not be parsed: " + e.getMessage());
        }
    }

    private static SbomProblem problem(Error error) {
        String pointer = error.getInstanceLocation().toString();
        JsonNode value = error.getInstanceNode();
        // The validator's message names the rule, not the value that broke it; a reader wants both.
        String found = value != null && value.isValueNode() ? " (found " + value + ")" : "";
        return new SbomProblem(pointer.isEmpty() ? "/" : pointer, error.getMessage() + found);
    }

    private static String unsupported(String version) {
        return "CycloneDX version '" + version + "' is not read; Renkei reads " + String.join(", ", CycloneDxSchemas.VERSIONS);
    }

    private static SbomReading invalid(String fileName, String location, String message) {
        return new SbomReading.Invalid(fileName, List.of(new SbomProblem(location, message)));
    }
}
