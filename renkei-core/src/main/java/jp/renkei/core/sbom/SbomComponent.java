package jp.renkei.core.sbom;

import java.util.List;
import java.util.Optional;

/**
 * One component of an SBOM (CycloneDX {@code component}), with the VEX statements the same SBOM
 * makes about it. Strings that the file leaves out are empty optionals, never blank strings.
 */
public record SbomComponent(ComponentType type, Optional<String> bomRef, Optional<String> supplier,
        Optional<String> manufacturer, Optional<String> group, String name, Optional<String> version,
        Optional<String> cpe, Optional<String> purl, List<ComponentHash> hashes, List<VexAnalysis> vex) {

    public SbomComponent {
        hashes = List.copyOf(hashes);
        vex = List.copyOf(vex);
    }

    /** True when vulnerability data can find this component: it has a purl or a CPE. */
    public boolean matchable() {
        return purl.isPresent() || cpe.isPresent();
    }

    /** {@code group/name version} as people read it, e.g. {@code org.apache.logging.log4j/log4j-core 2.14.1}. */
    public String label() {
        return group.map(g -> g + "/").orElse("") + name + version.map(v -> " " + v).orElse("");
    }

    /** The same component with these VEX statements. */
    public SbomComponent withVex(List<VexAnalysis> statements) {
        return new SbomComponent(type, bomRef, supplier, manufacturer, group, name, version, cpe, purl, hashes,
                statements);
    }
}
