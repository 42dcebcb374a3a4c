package jp.renkei.server.vendor.catalogue;

import java.util.List;
import java.util.Optional;

import jp.renkei.core.sbom.CycloneDxWriter;
import jp.renkei.core.sbom.SbomComponent;
import jp.renkei.core.sbom.SbomFormat;
import jp.renkei.server.vendor.catalogue.internal.SbomStore;
import org.springframework.stereotype.Service;

/** Reads a firmware's current SBOM: its summary, its components, and the whole of it as CycloneDX 1.6. */
@Service
public class FirmwareSboms {

    private final SbomStore store;

    FirmwareSboms(SbomStore store) {
        this.store = store;
    }

    /** The current SBOM's summary; empty when the firmware has none. */
    public Optional<SbomSummary> summary(long organisationId, Firmware firmware) {
        return store.sbom(organisationId, firmware.id()).map(s -> new SbomSummary(s.fileName(), s.format(),
                s.specVersion(), s.serialNumber(), s.subject(), store.componentCount(organisationId, firmware.id()),
                s.notes(), s.importedAt(), s.importedBy()));
    }

    /** The current SBOM's components in document order (empty without one). */
    public List<SbomComponent> components(long organisationId, Firmware firmware) {
        return store.components(organisationId, firmware.id());
    }

    /** The current SBOM written as a CycloneDX 1.6 document; empty when the firmware has none. */
    public Optional<String> export(long organisationId, Firmware firmware, SbomFormat format) {
        return store.load(organisationId, firmware.id())
                .map(sbom -> format == SbomFormat.JSON ? CycloneDxWriter.json(sbom) : CycloneDxWriter.xml(sbom));
    }
}
