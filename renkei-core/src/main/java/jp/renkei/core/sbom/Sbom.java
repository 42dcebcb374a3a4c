package jp.renkei.core.sbom;

import java.util.List;
import java.util.Optional;

/**
 * One SBOM as Renkei keeps it: what it describes ({@code metadata.component}, usually the firmware
 * or the device) and every component inside it, nested ones flattened in document order.
 *
 * @param specVersion the CycloneDX version the file declared ({@code 1.5}, {@code 1.6}, {@code 1.7})
 * @param serialNumber {@code urn:uuid:…} when the file has one
 * @param bomVersion the document's own revision ({@code version}, 1 when absent)
 * @param subject the component the SBOM describes, when the file names one
 * @param components every component, nested ones included, in document order
 */
public record Sbom(String specVersion, Optional<String> serialNumber, int bomVersion, Optional<SbomComponent> subject,
        List<SbomComponent> components) {

    public Sbom {
        components = List.copyOf(components);
    }

    /** The components that carry a purl or a CPE, i.e. that vulnerability data can be matched against. */
    public List<SbomComponent> matchable() {
        return components.stream().filter(SbomComponent::matchable).toList();
    }
}
