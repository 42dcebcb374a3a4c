package jp.renkei.server.vendor.catalogue;

import java.util.List;

import jp.renkei.core.sbom.SbomNote;
import jp.renkei.core.sbom.SbomReading;

/** What became of an uploaded SBOM: imported (and matched), or refused as a whole. */
public sealed interface SbomOutcome permits SbomOutcome.Imported, SbomOutcome.Refused, SbomOutcome.BadParameter {

    /**
     * The SBOM is the firmware's current one and its components were matched.
     *
     * @param unchanged the same file was already the firmware's SBOM: nothing was changed
     * @param notes components kept but not matchable, and similar
     */
    record Imported(Product product, Firmware firmware, int components, List<Finding> findings, List<SbomNote> notes,
            boolean unchanged) implements SbomOutcome {
        public Imported {
            findings = List.copyOf(findings);
            notes = List.copyOf(notes);
        }
    }

    /** The file is not a valid CycloneDX 1.5–1.7 SBOM; every problem is named. */
    record Refused(SbomReading.Invalid invalid) implements SbomOutcome {
    }

    /** The product or firmware parameter cannot be used. */
    record BadParameter(String parameter, String reason) implements SbomOutcome {
    }
}
