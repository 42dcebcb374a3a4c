/**
 * Quarantine: the walled garden and traffic blocking, only within a subscriber's consent (given in
 * the portal with the version of the terms) or an ISP policy recorded with its legal basis. Holds
 * consents, policies and quarantines (started by a ladder step, released by the subscriber up to a
 * limit, automatically after a period, or by staff); every start and release is audited.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Quarantine",
        allowedDependencies = { "cases", "subscribers", "attribution", "remediation", "platform" })
package jp.renkei.server.quarantine;
