package jp.renkei.server.intake;

import java.time.Instant;
import java.util.Optional;

/**
 * Why an observation belongs to a subscriber: the assignment (session) that covered its instant,
 * or the reason no subscriber could be found (e.g. {@code no-assignment}).
 */
public record AttributionEvidence(Optional<String> subscriberId, Optional<Instant> from, Optional<Instant> to,
        Optional<String> source, Optional<String> unattributedReason) {}
