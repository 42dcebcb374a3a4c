/**
 * Quarantine without a framework: the consent gate ({@link jp.renkei.core.quarantine.QuarantineGate})
 * that lets the walled garden and traffic blocking happen only within a subscriber's consent or a
 * recorded ISP policy, and the BIND response-policy zones that send quarantined clients to the
 * walled garden. The server writes the files, reloads BIND and audits every measure.
 */
package jp.renkei.core.quarantine;
