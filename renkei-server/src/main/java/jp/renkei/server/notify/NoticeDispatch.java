package jp.renkei.server.notify;

/** Sends the outbox's due notices; normally driven by a timer and by new notices, callable for "send now". */
public interface NoticeDispatch {

    /**
     * Sends every pending notice whose next attempt is due, each in its own transaction that marks
     * it {@code sent} (or schedules a retry with back-off, or marks it {@code failed} after the last
     * attempt). Does nothing while the dispatcher is disabled ({@code renkei.outbox.enabled=false})
     * or no SMTP server is configured.
     *
     * @return how many notices were sent by this call
     */
    int dispatchDue();
}
