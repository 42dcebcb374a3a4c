package jp.renkei.server.vendor.catalogue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What one re-matching changed for one firmware: findings that appeared and findings that went away.
 *
 * @param cause {@code vulnerability-data} (an OSV import) or {@code sbom} (a new SBOM for the firmware)
 * @param importRunId the import that caused it, as listed in the import log
 */
public record FindingChange(long id, String modelNumber, String productName, String firmwareVersion, String cause,
        Optional<Long> importRunId, Instant changedAt, List<Entry> added, List<Entry> removed) {

    /** Re-matching after an OSV import. */
    public static final String VULNERABILITY_DATA = "vulnerability-data";
    /** Matching a new or replaced SBOM. */
    public static final String SBOM = "sbom";

    public FindingChange {
        added = List.copyOf(added);
        removed = List.copyOf(removed);
    }

    /** One finding as a change lists it. */
    public record Entry(String component, String vulnerability, List<String> aliases) {
        public Entry {
            aliases = List.copyOf(aliases);
        }
    }
}
