package jp.renkei.server.notify.internal;

/** A claimed outbox row, exactly as composed when the case opened. */
record PendingNotice(long id, long organisationId, long caseId, String recipient, String language, String subject,
        String body, int attempts) {

    /** Deterministic, so a resend after a lost commit is recognisable as the same message. */
    String messageId() {
        return "<notice-" + id + "." + organisationId + "@renkei>";
    }
}
