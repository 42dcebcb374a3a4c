package jp.renkei.server.vendor.catalogue;

import java.time.Instant;
import java.util.Optional;

/**
 * One re-matching of every SBOM of an organisation after an import: queued, then done in the
 * background, with how many firmware versions it matched and for how many the findings changed.
 */
public record Rematching(long id, Optional<Long> importRunId, Instant queuedAt, Optional<Instant> finishedAt,
        int firmware, int changed) {

    /** {@code queued} or {@code finished}. */
    public String status() {
        return finishedAt.isPresent() ? "finished" : "queued";
    }
}
