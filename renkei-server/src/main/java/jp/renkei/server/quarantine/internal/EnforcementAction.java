package jp.renkei.server.quarantine.internal;

import java.time.Instant;
import java.util.Optional;

/**
 * One row of the enforcement ledger: an adapter ({@code radius}, {@code dns}) doing an action
 * ({@code start}, {@code release}, {@code sync}) for a quarantine, and where it stands
 * ({@code pending}, {@code done}, {@code failed}, {@code disabled}).
 */
public record EnforcementAction(long id, long organisationId, Optional<Long> quarantineId, String adapter,
        String action, String state, int attempts, Instant nextAttemptAt, String outcome, String lastError,
        Instant createdAt, Optional<Instant> finishedAt) {}
