package jp.renkei.core.sbom;

import java.util.Optional;

/**
 * What the SBOM's author says about one vulnerability in one component (CycloneDX
 * {@code vulnerabilities[].analysis} whose {@code affects} names the component).
 *
 * @param vulnerabilityId the vulnerability as the SBOM names it (CVE, GHSA, …)
 * @param state e.g. {@code not_affected}
 * @param justification why not affected, e.g. {@code code_not_reachable}
 * @param detail the author's words
 */
public record VexAnalysis(String vulnerabilityId, Optional<VexState> state, Optional<String> justification,
        Optional<String> detail) {
}
