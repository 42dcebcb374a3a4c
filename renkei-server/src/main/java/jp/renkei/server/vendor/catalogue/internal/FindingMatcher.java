package jp.renkei.server.vendor.catalogue.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jp.renkei.core.sbom.SbomComponent;
import jp.renkei.core.sbom.VexAnalysis;
import jp.renkei.core.vulnerabilities.ComponentFinding;
import jp.renkei.core.vulnerabilities.ComponentRef;
import jp.renkei.core.vulnerabilities.VulnerabilityIndex;

/**
 * Matches an SBOM's components against an organisation's vulnerability index and attaches what the
 * SBOM's own VEX says about each finding (a statement about the vulnerability or any of its aliases).
 */
public final class FindingMatcher {

    private FindingMatcher() {
    }

    /** Every finding in the matchable components, in component order. */
    public static List<FindingStore.Matched> match(VulnerabilityIndex index, List<SbomComponent> components) {
        List<FindingStore.Matched> found = new ArrayList<>();
        for (SbomComponent c : components) {
            if (!c.matchable()) {
                continue;
            }
            String key = c.purl().or(c::cpe).orElseThrow();
            String version = c.version().orElse("");
            for (ComponentFinding f : index.match(new ComponentRef(c.purl(), c.cpe(), c.name(), version))) {
                Optional<VexAnalysis> vex = vexFor(c, f);
                found.add(new FindingStore.Matched(key, c.name(), version, f.vulnerabilityId(), f.aliases(),
                        f.basis().name().toLowerCase(Locale.ROOT), vex.flatMap(VexAnalysis::state),
                        vex.flatMap(VexAnalysis::justification)));
            }
        }
        return found;
    }

    private static Optional<VexAnalysis> vexFor(SbomComponent c, ComponentFinding f) {
        return c.vex().stream()
                .filter(v -> v.vulnerabilityId().equalsIgnoreCase(f.vulnerabilityId())
                        || f.aliases().stream().anyMatch(a -> a.equalsIgnoreCase(v.vulnerabilityId())))
                .findFirst();
    }
}
