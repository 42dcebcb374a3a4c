package jp.renkei.server.vendor.catalogue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jp.renkei.core.sbom.SbomComponent;
import jp.renkei.core.sbom.SbomFormat;
import jp.renkei.core.sbom.SbomNote;

/** A firmware's current SBOM as pages and the API describe it. */
public record SbomSummary(String fileName, SbomFormat format, String specVersion, Optional<String> serialNumber,
        Optional<SbomComponent> subject, int components, List<SbomNote> notes, Instant importedAt, String importedBy) {

    public SbomSummary {
        notes = List.copyOf(notes);
    }
}
