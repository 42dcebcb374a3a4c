/**
 * The escalation ladder: which notice goes out on which channel when, as a pure function of the
 * case's stored facts and the time ({@link jp.renkei.core.escalation.EscalationPolicy}); quiet
 * hours, the subscriber's channel preferences, missing contacts and the consent gate for the
 * walled garden; and randomised assignment of ladders for experiments. The server persists which
 * steps went out and delivers them through the outbox.
 */
package jp.renkei.core.escalation;
