package jp.renkei.core.sbom;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.cyclonedx.Version;
import org.cyclonedx.exception.GeneratorException;
import org.cyclonedx.generators.BomGeneratorFactory;
import org.cyclonedx.model.Bom;
import org.cyclonedx.model.Component;
import org.cyclonedx.model.Hash;
import org.cyclonedx.model.Metadata;
import org.cyclonedx.model.OrganizationalEntity;
import org.cyclonedx.model.vulnerability.Vulnerability;

/**
 * Writes an {@link Sbom} as a CycloneDX 1.6 document, JSON or XML, whatever version it was read
 * from. Components are written flat, as Renkei keeps them (their nesting is not kept); VEX
 * statements become {@code vulnerabilities} with their {@code analysis} and {@code affects}.
 */
public final class CycloneDxWriter {

    /** The version written. */
    public static final String SPEC_VERSION = "1.6";

    private CycloneDxWriter() {
    }

    /** CycloneDX 1.6 JSON. */
    public static String json(Sbom sbom) {
        try {
            return BomGeneratorFactory.createJson(Version.VERSION_16, bom(sbom)).toJsonString();
        } catch (GeneratorException e) {
            throw new IllegalStateException("CycloneDX JSON could not be written", e);
        }
    }

    /** CycloneDX 1.6 XML. */
    public static String xml(Sbom sbom) {
        try {
            return BomGeneratorFactory.createXml(Version.VERSION_16, bom(sbom)).toXmlString();
        } catch (GeneratorException e) {
            throw new IllegalStateException("CycloneDX XML could not be written", e);
        }
    }

    private static Bom bom(Sbom sbom) {
        Bom bom = new Bom();
        sbom.serialNumber().ifPresent(bom::setSerialNumber);
        bom.setVersion(sbom.bomVersion());
        Map<String, Vulnerability> vulnerabilities = new LinkedHashMap<>();
        sbom.subject().ifPresent(subject -> {
            Metadata metadata = new Metadata();
            metadata.setComponent(component(subject, "subject", vulnerabilities));
            bom.setMetadata(metadata);
        });
        List<Component> components = new ArrayList<>();
        for (int i = 0; i < sbom.components().size(); i++) {
            components.add(component(sbom.components().get(i), "component-" + (i + 1), vulnerabilities));
        }
        bom.setComponents(components);
        if (!vulnerabilities.isEmpty()) {
            bom.setVulnerabilities(new ArrayList<>(vulnerabilities.values()));
        }
        return bom;
    }

    private static Component component(SbomComponent c, String fallbackRef, Map<String, Vulnerability> vulnerabilities) {
        Component out = new Component();
        out.setType(Component.Type.valueOf(c.type().name()));
        // A VEX statement can only point at a component through its bom-ref; give one where it is missing.
        Optional<String> ref = c.bomRef().or(() -> c.vex().isEmpty() ? Optional.empty() : Optional.of(fallbackRef));
        ref.ifPresent(out::setBomRef);
        c.supplier().map(CycloneDxWriter::entity).ifPresent(out::setSupplier);
        c.manufacturer().map(CycloneDxWriter::entity).ifPresent(out::setManufacturer);
        c.group().ifPresent(out::setGroup);
        out.setName(c.name());
        c.version().ifPresent(out::setVersion);
        if (!c.hashes().isEmpty()) {
            out.setHashes(c.hashes().stream().map(h -> new Hash(h.algorithm(), h.value())).toList());
        }
        c.cpe().ifPresent(out::setCpe);
        c.purl().ifPresent(out::setPurl);
        for (VexAnalysis vex : c.vex()) {
            Vulnerability v = vulnerabilities.computeIfAbsent(key(vex), k -> vulnerability(vex));
            Vulnerability.Affect affect = new Vulnerability.Affect();
            affect.setRef(ref.orElseThrow());
            v.getAffects().add(affect);
        }
        return out;
    }

    // One vulnerability entry per distinct statement, affecting every component it was made about.
    private static String key(VexAnalysis vex) {
        return vex.vulnerabilityId() + "|" + vex.state().map(VexState::code).orElse("") + "|"
                + vex.justification().orElse("") + "|" + vex.detail().orElse("");
    }

    private static Vulnerability vulnerability(VexAnalysis vex) {
        Vulnerability v = new Vulnerability();
        v.setId(vex.vulnerabilityId());
        Vulnerability.Analysis analysis = new Vulnerability.Analysis();
        vex.state().ifPresent(s -> analysis.setState(Vulnerability.Analysis.State.fromString(s.code())));
        vex.justification().ifPresent(j -> analysis.setJustification(Vulnerability.Analysis.Justification.fromString(j)));
        vex.detail().ifPresent(analysis::setDetail);
        v.setAnalysis(analysis);
        v.setAffects(new ArrayList<>());
        return v;
    }

    private static OrganizationalEntity entity(String name) {
        OrganizationalEntity entity = new OrganizationalEntity();
        entity.setName(name);
        return entity;
    }
}
