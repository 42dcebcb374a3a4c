package jp.renkei.server.vendor.catalogue.web;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import jp.renkei.core.sbom.VexState;
import jp.renkei.server.vendor.catalogue.Finding;

/**
 * A finding as the API shows it: {@code {"component": "<purl>", "vulnerability": "<id>", "aliases": […]}}
 * plus what it rests on, since when it is known, and the SBOM's own VEX analysis when it has one.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record FindingView(String component, String vulnerability, List<String> aliases, String basis, Instant firstFound,
        String vexState, String vexJustification) {

    static FindingView of(Finding f) {
        return new FindingView(f.component(), f.vulnerabilityId(), f.aliases(), f.basis(), f.firstFound(),
                f.vexState().map(VexState::code).orElse(null), f.vexJustification().orElse(null));
    }
}
