package jp.renkei.server.notify.internal;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** A claimed outbox row, exactly as composed when it was queued. */
record PendingNotice(long id, long organisationId, long caseId, String channel, String purpose, String recipient,
        String language, String subject, String body, int attempts) {

    /** Deterministic, so a resend after a lost commit is recognisable as the same message. */
    String messageId() {
        return "<notice-" + id + "." + organisationId + "@renkei>";
    }

    /** The same idea for gateways: one reference per notice, whatever the attempt. */
    String reference() {
        return "renkei-notice-" + organisationId + "-" + id;
    }

    /**
     * LINE's retry key: a UUID derived from the notice alone, so a push retried after a crash
     * carries the same key and LINE drops it as already accepted.
     */
    UUID retryKey() {
        return UUID.nameUUIDFromBytes(reference().getBytes(StandardCharsets.UTF_8));
    }
}
