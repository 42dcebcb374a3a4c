package jp.renkei.core.vulnerabilities;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One OSV record (https://ossf.github.io/osv-schema/): a known vulnerability and the package
 * versions it affects.
 *
 * @param summary    empty when the record has none
 * @param details    empty when the record has none
 * @param severity   the record's severities, or, when it has none at the top, those given per
 *                   affected package
 * @param references the reference URLs
 */
public record OsvRecord(String id, List<String> aliases, String summary, String details,
        Optional<Instant> published, Instant modified, Optional<Instant> withdrawn,
        List<OsvAffected> affected, List<OsvSeverity> severity, List<String> references) {

    /** Rejects nulls and copies the lists, so a record is immutable. */
    public OsvRecord {
        Objects.requireNonNull(id, "id");
        aliases = List.copyOf(aliases);
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(details, "details");
        Objects.requireNonNull(published, "published");
        Objects.requireNonNull(modified, "modified");
        Objects.requireNonNull(withdrawn, "withdrawn");
        affected = List.copyOf(affected);
        severity = List.copyOf(severity);
        references = List.copyOf(references);
    }

    /** Whether the publisher took the record back; withdrawn records match nothing. */
    public boolean isWithdrawn() {
        return withdrawn.isPresent();
    }
}
