package jp.renkei.server.notify;

import java.time.Instant;

/**
 * A mail of the general outbox was accepted by the SMTP server. Published inside the transaction
 * that marks it sent, so a listener's bookkeeping (e.g. "the reporter has been acknowledged")
 * commits together with the sent mark.
 */
public record OutboundMailSent(long organisationId, String dedupKey, Instant sentAt) {}
