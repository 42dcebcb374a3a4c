package jp.renkei.server.notify;

import java.time.Instant;
import java.util.Optional;

/** One mail of the general outbox and how its delivery stands ({@code pending}, {@code sent}, {@code failed}). */
public record QueuedMail(long id, String dedupKey, String recipient, String language, String subject, String state,
        int attempts, Optional<String> lastError, Instant createdAt, Optional<Instant> sentAt) {}
