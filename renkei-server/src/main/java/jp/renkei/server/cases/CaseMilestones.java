package jp.renkei.server.cases;

import java.time.Instant;
import java.util.Optional;

/** When a case was first acknowledged by the subscriber and when its fix was verified (cleared on reinfection). */
public record CaseMilestones(Optional<Instant> acknowledgedAt, Optional<Instant> verifiedAt) {}
