package jp.renkei.server.notify;

/** Sends the general outbox's due mails; normally driven by a timer and by new mails, callable for "send now". */
public interface MailDispatch {

    /**
     * Sends every pending mail whose next attempt is due, each in its own transaction that marks
     * it {@code sent} (or schedules a retry with back-off, or marks it {@code failed} after the last
     * attempt). Does nothing while the outbox is disabled or no SMTP server is configured.
     *
     * @return how many mails were sent by this call
     */
    int dispatchDue();
}
