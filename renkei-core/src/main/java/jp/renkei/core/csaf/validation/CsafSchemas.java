package jp.renkei.core.csaf.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The JSON schemas bundled under {@code csaf/} on the class path — CSAF 2.0, provider metadata, the
 * ROLIE feed and FIRST's CVSS v2/v3.0/v3.1 — compiled once. Every {@code $id} is mapped to its bundled
 * copy and remote fetching is off, so validation never touches the network.
 */
public final class CsafSchemas {

    static final String CSAF = "https://docs.oasis-open.org/csaf/csaf/v2.0/csaf_json_schema.json";
    static final String PROVIDER = "https://docs.oasis-open.org/csaf/csaf/v2.0/provider_json_schema.json";
    static final String ROLIE =
            "https://raw.githubusercontent.com/oasis-tcs/csaf/master/csaf_2.0/json_schema/ROLIE_feed_json_schema.json";
    static final String CVSS_V2 = "https://www.first.org/cvss/cvss-v2.0.json";
    static final String CVSS_V30 = "https://www.first.org/cvss/cvss-v3.0.json";
    static final String CVSS_V31 = "https://www.first.org/cvss/cvss-v3.1.json";

    /** The CVSS schemas' own {@code $id}s carry a date query; both spellings lead to the same file. */
    private static final Map<String, String> BUNDLED = Map.of(
            CSAF, "classpath:csaf/csaf_json_schema.json",
            PROVIDER, "classpath:csaf/provider_json_schema.json",
            ROLIE, "classpath:csaf/ROLIE_feed_json_schema.json",
            CVSS_V2, "classpath:csaf/cvss-v2.0.json",
            CVSS_V2 + "?20170531", "classpath:csaf/cvss-v2.0.json",
            CVSS_V30, "classpath:csaf/cvss-v3.0.json",
            CVSS_V30 + "?20170531", "classpath:csaf/cvss-v3.0.json",
            CVSS_V31, "classpath:csaf/cvss-v3.1.json",
            CVSS_V31 + "?20190610", "classpath:csaf/cvss-v3.1.json");

    private static final class Holder {
        private static final CsafSchemas INSTANCE = new CsafSchemas();
    }

    private final Schema csaf;
    private final Schema provider;
    private final Schema rolie;
    private final Schema cvssV2;
    private final Schema cvssV30;
    private final Schema cvssV31;

    private CsafSchemas() {
        SchemaRegistryConfig config = SchemaRegistryConfig.builder()
                .formatAssertionsEnabled(true)
                .pathType(PathType.JSON_POINTER)
                .locale(Locale.ENGLISH)
                .build();
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12, builder ->
                builder.schemaRegistryConfig(config)
                        .schemaLoader(loader -> loader.fetchRemoteResources(false)
                                .schemaIdResolvers(resolvers -> resolvers.mappings(BUNDLED))));
        csaf = load(registry, CSAF);
        provider = load(registry, PROVIDER);
        rolie = load(registry, ROLIE);
        cvssV2 = load(registry, CVSS_V2);
        cvssV30 = load(registry, CVSS_V30);
        cvssV31 = load(registry, CVSS_V31);
    }

    private static Schema load(SchemaRegistry registry, String id) {
        Schema schema = registry.getSchema(SchemaLocation.of(id));
        schema.initializeValidators();
        return schema;
    }

    /** The bundled schemas, compiled on first use. */
    public static CsafSchemas bundled() {
        return Holder.INSTANCE;
    }

    /** Violations of the CSAF 2.0 JSON schema. */
    public List<Finding> validateDocument(JsonNode document) {
        return findings(csaf, document, "");
    }

    /** Violations of the CSAF 2.0 provider metadata schema. */
    public List<Finding> validateProviderMetadata(JsonNode metadata) {
        return findings(provider, metadata, "");
    }

    /** Violations of the CSAF 2.0 ROLIE feed schema. */
    public List<Finding> validateRolieFeed(JsonNode feed) {
        return findings(rolie, feed, "");
    }

    /**
     * Violations of FIRST's schema for the CVSS object at {@code pointer}, chosen by its version
     * ({@code 2.0} for a {@code cvss_v2} object, {@code 3.0} or {@code 3.1} for {@code cvss_v3}).
     */
    List<Finding> validateCvss(JsonNode cvss, String version, String pointer, String test) {
        Schema schema = switch (version) {
            case "2.0" -> cvssV2;
            case "3.0" -> cvssV30;
            case "3.1" -> cvssV31;
            default -> throw new IllegalArgumentException("no CVSS schema for version " + version);
        };
        return findings(schema, cvss, pointer).stream()
                .map(f -> new Finding(test, f.pointer(), f.message()))
                .toList();
    }

    private static List<Finding> findings(Schema schema, JsonNode node, String prefix) {
        List<Error> errors = schema.validate(node);
        return errors.stream()
                .map(e -> new Finding(Finding.SCHEMA, prefix + e.getInstanceLocation().toString(), e.getMessage()))
                .toList();
    }
}
