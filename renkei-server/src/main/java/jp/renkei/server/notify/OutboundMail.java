package jp.renkei.server.notify;

import java.util.Optional;

import jp.renkei.core.Language;

/**
 * The general mail outbox: any module's mail to one recipient (a reporter's acknowledgement, an
 * owner's advisory notice) goes through it, with the same guarantees as case notices.
 */
public interface OutboundMail {

    /**
     * Stores a composed mail as pending, in the caller's transaction: it is committed with the
     * caller's work or not at all, and sent after commit by the dispatcher (at most once, with a
     * deterministic Message-ID, retried with back-off). The {@code dedupKey} names the mail within
     * the organisation (e.g. {@code psirt-ack/42}); enqueuing the same key again changes nothing,
     * so a retried request never sends twice.
     *
     * @return the new mail's id, or empty when a mail with this key was already enqueued
     * @throws IllegalArgumentException when the recipient is not a plain e-mail address or a text is empty
     */
    Optional<Long> enqueue(long organisationId, String dedupKey, String recipient, Language language, String subject,
            String body);

    /** The mail enqueued under this key, as the organisation's staff may see it. */
    Optional<QueuedMail> find(long organisationId, String dedupKey);
}
