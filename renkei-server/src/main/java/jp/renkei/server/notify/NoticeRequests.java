package jp.renkei.server.notify;

import jp.renkei.core.escalation.Channel;

/**
 * Queues a case's notice on a channel, in the caller's transaction: the notice is composed once
 * (subscriber's language, steps for the device, a fresh portal access code) and stored as pending
 * in the outbox, so it commits with whatever decided to send it and is sent after commit.
 */
public interface NoticeRequests {

    /**
     * Queues the notice for the case's ladder {@code step} (a step code such as
     * {@code default@1#0}) on the channel. At most one notice per case, channel and step: asking
     * again answers {@link NoticeRequestOutcome.AlreadyQueued}.
     */
    NoticeRequestOutcome queue(long organisationId, long caseId, Channel channel, String step);
}
