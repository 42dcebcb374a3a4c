package jp.renkei.server.notify.internal;

/** A claimed row of the general outbox, exactly as composed when it was enqueued. */
record PendingMail(long id, long organisationId, String dedupKey, String recipient, String language, String subject,
        String body, int attempts) {

    /** Deterministic, so a resend after a lost commit is recognisable as the same message. */
    String messageId() {
        return "<mail-" + id + "." + organisationId + "@renkei>";
    }

    OutgoingMail outgoing() {
        return new OutgoingMail(recipient, language, subject, body, messageId());
    }
}
