/**
 * Portal: the subscriber's side. A notice never carries a link; it carries a short access code
 * that the subscriber types on the ISP's own, well-known portal (wrong codes are limited per
 * client address). Typing the code acknowledges the notice. The portal shows the case's status,
 * the device, the ISP's steps for that device (from remediation) with an "I did this step" tick
 * per step, takes "I have fixed it", the subscriber's consent (with the terms version) and channel
 * preferences, releases the line from the walled garden within the self-release limit, and
 * answers "check now" from the reports about the addresses the subscriber holds now.
 * Codes are issued by {@link jp.renkei.server.portal.PortalAccess}; only their hashes are stored.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Portal",
        allowedDependencies = { "cases", "quarantine", "remediation", "subscribers", "intake", "attribution", "platform" })
package jp.renkei.server.portal;
