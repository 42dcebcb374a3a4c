package jp.renkei.server.escalation;

import java.time.Instant;
import java.util.Optional;

import jp.renkei.core.escalation.Channel;

/**
 * A ladder step that was sent or skipped for a case.
 *
 * @param step the step code, {@code name@version#index}
 * @param sent true when its notice was queued or its quarantine started, false when skipped
 * @param reason why it was skipped
 */
public record HandledStep(int run, String step, Channel channel, boolean sent, Optional<String> reason, Instant dueAt,
        Instant handledAt) {}
