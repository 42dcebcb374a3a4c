package jp.renkei.server.notify;

/** What asking for a notice did. */
public sealed interface NoticeRequestOutcome {

    /** Stored as pending; it goes out after commit. */
    record Queued(long noticeId) implements NoticeRequestOutcome {
    }

    /** This case, channel and step already has its notice. */
    record AlreadyQueued() implements NoticeRequestOutcome {
    }

    /**
     * It cannot go out on this channel (no address on record, channel not configured); stored as
     * a failed notice with the reason so staff see it, and the ladder moves on.
     */
    record Unreachable(String reason) implements NoticeRequestOutcome {
    }
}
