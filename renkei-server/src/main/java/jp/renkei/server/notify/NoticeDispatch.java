package jp.renkei.server.notify;

/** Sends the outbox's due e-mail, SMS and LINE notices; normally driven by a timer and by new notices, callable for "send now". */
public interface NoticeDispatch {

    /**
     * Sends every pending notice whose next attempt is due, each in its own transaction that marks
     * it {@code sent} (or schedules a retry with back-off, or marks it {@code failed} after the last
     * attempt). Does nothing while the dispatcher is disabled ({@code renkei.outbox.enabled=false});
     * without an SMTP server, e-mail stays pending while SMS and LINE still go out. Letters and
     * call-list entries are never sent here: they wait for staff.
     *
     * @return how many notices were sent by this call
     */
    int dispatchDue();
}
