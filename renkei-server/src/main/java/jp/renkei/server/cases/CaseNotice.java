package jp.renkei.server.cases;

import java.time.Instant;
import java.util.Optional;

/**
 * A notice on a case with its delivery state, as the case shows it. Neither recipient nor body:
 * the body carries the subscriber's access code.
 */
public record CaseNotice(long id, String channel, String purpose, String language, String subject, String state,
        int attempts, Optional<String> lastError, Instant createdAt, Optional<Instant> sentAt) {}
