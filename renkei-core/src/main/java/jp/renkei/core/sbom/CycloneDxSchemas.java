package jp.renkei.core.sbom;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.xml.XMLConstants;
import javax.xml.validation.SchemaFactory;

import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import org.cyclonedx.Version;
import org.cyclonedx.parsers.XmlParser;
import org.xml.sax.SAXException;

/**
 * The specification's schemas for each CycloneDX version Renkei reads, loaded once and kept. 1.5 and
 * 1.6 are the copies inside cyclonedx-core-java; the library does not know 1.7 yet, so its schemas are
 * bundled with Renkei (see {@code schema/1.7/README.md}). Nothing is ever fetched from the network.
 */
final class CycloneDxSchemas {

    /** The versions Renkei accepts, oldest first. */
    static final List<String> VERSIONS = List.of("1.5", "1.6", "1.7");

    private static final String SCHEMA_BASE = "http://cyclonedx.org/schema/";
    private static final String BUNDLED_17 = "/jp/renkei/core/sbom/schema/1.7/";

    private static final Map<String, com.networknt.schema.Schema> JSON = new ConcurrentHashMap<>();
    private static final Map<String, javax.xml.validation.Schema> XML = new ConcurrentHashMap<>();

    private CycloneDxSchemas() {
    }

    /** The JSON schema of one version; errors name their instance as a JSON pointer. */
    static com.networknt.schema.Schema json(String version) {
        return JSON.computeIfAbsent(version, CycloneDxSchemas::loadJson);
    }

    /** The XML schema of one version. */
    static javax.xml.validation.Schema xml(String version) {
        return XML.computeIfAbsent(version, CycloneDxSchemas::loadXml);
    }

    /** The XML namespace of one version's documents. */
    static String namespace(String version) {
        return "http://cyclonedx.org/schema/bom/" + version;
    }

    private static com.networknt.schema.Schema loadJson(String version) {
        SchemaRegistryConfig config = SchemaRegistryConfig.builder().pathType(PathType.JSON_POINTER)
                .locale(Locale.ENGLISH).build();
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7,
                b -> b.schemaRegistryConfig(config).schemas(iri -> schemaText(version, iri)));
        return registry.getSchema(SchemaLocation.of(SCHEMA_BASE + "bom-" + version + ".schema.json"));
    }

    // The bom schema refers to its siblings (spdx, jsf, cryptography-defs) relative to its $id.
    private static String schemaText(String version, String iri) {
        if (!iri.startsWith(SCHEMA_BASE)) {
            return null;
        }
        String file = iri.substring(SCHEMA_BASE.length());
        String resource = version.equals("1.7") ? BUNDLED_17 + file : "/" + file;
        try (InputStream in = CycloneDxSchemas.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("CycloneDX " + version + " schema " + file + " is not on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static javax.xml.validation.Schema loadXml(String version) {
        try {
            if (version.equals("1.7")) {
                SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
                // The bundled XSD imports spdx.xsd next to it, inside this jar; nothing else may be reached.
                factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "jar,file");
                factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
                URL xsd = CycloneDxSchemas.class.getResource(BUNDLED_17 + "bom-1.7.xsd");
                return factory.newSchema(xsd);
            }
            return new XmlParser().getXmlSchema(Version.fromVersionString(version));
        } catch (SAXException e) {
            throw new IllegalStateException("CycloneDX " + version + " XSD does not load", e);
        }
    }
}
