package jp.renkei.core.sbom;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;
import org.cyclonedx.model.Bom;
import org.cyclonedx.model.Component;
import org.cyclonedx.model.Hash;
import org.cyclonedx.model.OrganizationalEntity;
import org.cyclonedx.model.vulnerability.Vulnerability;

/** Turns cyclonedx-core-java's model of a valid document into an {@link Sbom}, noting what needs a person's eye. */
final class BomMapping {

    private final SbomFormat format;
    private final List<SbomNote> notes = new ArrayList<>();
    private final Map<String, List<VexAnalysis>> vexByRef = new HashMap<>();

    private BomMapping(SbomFormat format) {
        this.format = format;
    }

    static SbomReading.Read map(Bom bom, String specVersion, SbomFormat format) {
        return new BomMapping(format).read(bom, specVersion);
    }

    private SbomReading.Read read(Bom bom, String specVersion) {
        collectVex(bom);
        List<SbomComponent> components = new ArrayList<>();
        Optional<SbomComponent> subject = Optional.empty();
        if (bom.getMetadata() != null && bom.getMetadata().getComponent() != null) {
            Component c = bom.getMetadata().getComponent();
            String at = format == SbomFormat.JSON ? "/metadata/component" : "/bom/metadata/component";
            subject = Optional.of(component(c, at, false));
            flatten(c.getComponents(), at, components);
        }
        flatten(bom.getComponents(), format == SbomFormat.JSON ? "" : "/bom", components);
        noteDanglingVex(components);
        return new SbomReading.Read(new Sbom(specVersion, text(bom.getSerialNumber()), Math.max(1, bom.getVersion()),
                subject, components), format, notes);
    }

    private void flatten(List<Component> children, String parentAt, List<SbomComponent> into) {
        if (children == null) {
            return;
        }
        for (int i = 0; i < children.size(); i++) {
            Component c = children.get(i);
            String at = format == SbomFormat.JSON ? parentAt + "/components/" + i
                    : parentAt + "/components/component[" + (i + 1) + "]";
            into.add(component(c, at, true));
            flatten(c.getComponents(), at, into);
        }
    }

    private SbomComponent component(Component c, String at, boolean noteUnmatchable) {
        Optional<String> bomRef = text(c.getBomRef());
        List<ComponentHash> hashes = c.getHashes() == null ? List.of()
                : c.getHashes().stream().map((Hash h) -> new ComponentHash(h.getAlgorithm(), h.getValue())).toList();
        ComponentType type = c.getType() == null ? ComponentType.LIBRARY
                : ComponentType.fromCode(c.getType().getTypeName()).orElse(ComponentType.LIBRARY);
        SbomComponent component = new SbomComponent(type, bomRef, entity(c.getSupplier()), entity(c.getManufacturer()),
                text(c.getGroup()), text(c.getName()).orElse(""), text(c.getVersion()), text(c.getCpe()),
                text(c.getPurl()), hashes, bomRef.map(r -> vexByRef.getOrDefault(r, List.of())).orElse(List.of()));
        component.purl().ifPresent(purl -> checkPurl(purl, component, at));
        if (noteUnmatchable && !component.matchable()) {
            notes.add(new SbomNote(SbomNote.Kind.UNMATCHABLE_COMPONENT, at, "component '" + component.label() + "' ("
                    + type.code() + ") has neither purl nor cpe: kept, but no vulnerability data can match it"));
        }
        return component;
    }

    private void checkPurl(String purl, SbomComponent component, String at) {
        try {
            new PackageURL(purl);
        } catch (MalformedPackageURLException e) {
            notes.add(new SbomNote(SbomNote.Kind.INVALID_PURL, at + "/purl", "purl '" + purl
                    + "' of component '" + component.label() + "' is not a valid package URL (" + e.getMessage()
                    + "): kept, but vulnerability data cannot match it by purl"));
        }
    }

    private void collectVex(Bom bom) {
        List<Vulnerability> vulnerabilities = bom.getVulnerabilities() == null ? List.of() : bom.getVulnerabilities();
        for (Vulnerability v : vulnerabilities) {
            if (v.getAnalysis() == null || v.getAffects() == null || v.getId() == null) {
                continue;
            }
            VexAnalysis analysis = new VexAnalysis(v.getId(),
                    Optional.ofNullable(v.getAnalysis().getState()).flatMap(s -> VexState.fromCode(s.getStateName())),
                    Optional.ofNullable(v.getAnalysis().getJustification()).map(j -> j.getJustificationName()),
                    text(v.getAnalysis().getDetail()));
            for (Vulnerability.Affect affect : v.getAffects()) {
                text(affect.getRef()).map(BomMapping::localRef)
                        .ifPresent(ref -> vexByRef.computeIfAbsent(ref, k -> new ArrayList<>()).add(analysis));
            }
        }
    }

    private void noteDanglingVex(List<SbomComponent> components) {
        vexByRef.forEach((ref, statements) -> {
            if (components.stream().noneMatch(c -> c.bomRef().filter(ref::equals).isPresent())) {
                String at = format == SbomFormat.JSON ? "/vulnerabilities" : "/bom/vulnerabilities";
                statements.forEach(s -> notes.add(new SbomNote(SbomNote.Kind.UNKNOWN_BOM_REF, at, "VEX statement on "
                        + s.vulnerabilityId() + " names bom-ref '" + ref + "', which is no component of this SBOM: ignored")));
            }
        });
    }

    // A BOM-Link (urn:cdx:<serial>/<version>#<bom-ref>) to this same document names the local bom-ref after '#'.
    private static String localRef(String ref) {
        int hash = ref.indexOf('#');
        return ref.startsWith("urn:cdx:") && hash >= 0 ? ref.substring(hash + 1) : ref;
    }

    private static Optional<String> entity(OrganizationalEntity entity) {
        return entity == null ? Optional.empty() : text(entity.getName());
    }

    private static Optional<String> text(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }
}
