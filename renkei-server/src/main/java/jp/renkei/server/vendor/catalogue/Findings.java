package jp.renkei.server.vendor.catalogue;

import java.util.List;
import java.util.Optional;

import jp.renkei.server.vendor.catalogue.internal.CatalogueStore;
import jp.renkei.server.vendor.catalogue.internal.FindingMatcher;
import jp.renkei.server.vendor.catalogue.internal.FindingStore;
import jp.renkei.server.vendor.catalogue.internal.SbomStore;
import jp.renkei.server.vendor.catalogue.internal.VulnerabilityIndexes;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Known vulnerabilities found in firmware components, and what changed when they were matched
 * again. Matching uses the organisation's in-memory index of its imported OSV records.
 */
@Service
public class Findings {

    /** How many changes the "what changed" list shows at most. */
    public static final int MAX_CHANGES = 200;

    private final CatalogueStore catalogue;
    private final FindingStore findings;
    private final SbomStore sboms;
    private final VulnerabilityIndexes indexes;
    private final TransactionTemplate transaction;

    Findings(CatalogueStore catalogue, FindingStore findings, SbomStore sboms, VulnerabilityIndexes indexes,
            PlatformTransactionManager tx) {
        this.catalogue = catalogue;
        this.findings = findings;
        this.sboms = sboms;
        this.indexes = indexes;
        this.transaction = new TransactionTemplate(tx);
    }

    /** A firmware's current findings, by component then vulnerability. */
    public List<Finding> of(long organisationId, Firmware firmware) {
        return findings.findings(organisationId, firmware.id());
    }

    /** The organisation's latest changes, newest first. */
    public List<FindingChange> changes(long organisationId, int limit) {
        return findings.changes(organisationId, Math.max(1, Math.min(limit, MAX_CHANGES)));
    }

    /** How many firmware versions were matched again, and for how many the findings changed. */
    public record Rematch(int firmware, int changed) {}

    /**
     * Matches every SBOM of the organisation again (after new vulnerability data), each firmware in
     * its own transaction, and records a change for every firmware whose findings changed.
     */
    public Rematch rematchAll(long organisationId, String cause, Optional<Long> importRunId) {
        int changed = 0;
        List<Long> firmware = sboms.firmwareWithSbom(organisationId);
        for (long firmwareId : firmware) {
            Boolean didChange = transaction.execute(status -> !rematch(organisationId, firmwareId, cause, importRunId)
                    .isEmpty());
            changed += Boolean.TRUE.equals(didChange) ? 1 : 0;
        }
        return new Rematch(firmware.size(), changed);
    }

    /**
     * Matches one firmware's current SBOM and stores the findings; call inside a transaction. Records
     * a change when something was added or removed.
     */
    FindingStore.Diff rematch(long organisationId, long firmwareId, String cause, Optional<Long> importRunId) {
        catalogue.lockFirmware(organisationId, firmwareId);
        List<FindingStore.Matched> now = FindingMatcher.match(indexes.index(organisationId),
                sboms.components(organisationId, firmwareId));
        FindingStore.Diff diff = findings.replace(organisationId, firmwareId, now);
        findings.recordChange(organisationId, firmwareId, cause, importRunId, diff);
        return diff;
    }
}
