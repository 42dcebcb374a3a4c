/**
 * Notify: tells subscribers about their case. A notice (asked for through
 * {@link jp.renkei.server.notify.NoticeRequests} for each step of the escalation ladder) is
 * composed once for its channel in the subscriber's language (Japanese first), with the steps for
 * the device and a portal access code instead of a link, and stored in a persistent outbox in the
 * caller's transaction. A dispatcher sends due e-mail (SMTP), SMS (the ISP's HTTP gateway) and
 * LINE (Messaging API) notices, at most once each even across crashes and several instances;
 * letters wait for a printed batch (PDF) and call-list entries for support staff. Every delivery
 * is reported back to the case with its channel. Each ISP sets its channels up on
 * {@code /notify/channels}. Implements the cases module's
 * {@link jp.renkei.server.cases.CaseNotices} port. The general mail outbox
 * ({@link jp.renkei.server.notify.OutboundMail}) gives any other module's mail the same guarantees.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notify",
        allowedDependencies = { "cases", "portal", "subscribers", "remediation", "platform" })
package jp.renkei.server.notify;
