/**
 * Notify: tells subscribers about their case. When a case opens, the first notice is composed in
 * the subscriber's language (Japanese first), with plain steps and a portal access code instead
 * of a link, and stored in a persistent outbox in the same transaction as the case. A dispatcher
 * sends due notices by e-mail, at most once each even across crashes and several instances, and
 * reports delivery back to the case. Implements the cases module's
 * {@link jp.renkei.server.cases.CaseNotices} port. The general mail outbox
 * ({@link jp.renkei.server.notify.OutboundMail}) gives any other module's mail the same guarantees.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notify",
        allowedDependencies = { "cases", "portal", "subscribers", "remediation", "platform" })
package jp.renkei.server.notify;
