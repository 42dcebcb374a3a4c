package jp.renkei.server.vendor.catalogue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jp.renkei.core.sbom.VexState;

/**
 * A known vulnerability in a component of a firmware's SBOM.
 *
 * @param component the component's purl, or its CPE when it has no purl
 * @param basis {@code purl} or {@code cpe}: what the match rests on
 * @param vexState what the SBOM's own VEX says about it, if anything
 * @param firstFound when matching first found it (kept across re-matching while it holds)
 */
public record Finding(String component, String componentName, String componentVersion, String vulnerabilityId,
        List<String> aliases, String basis, Optional<VexState> vexState, Optional<String> vexJustification,
        Instant firstFound) {

    public Finding {
        aliases = List.copyOf(aliases);
    }

    /** True unless the SBOM's VEX dismisses it (not affected, false positive, resolved). */
    public boolean open() {
        return vexState.map(s -> !s.dismisses()).orElse(true);
    }
}
