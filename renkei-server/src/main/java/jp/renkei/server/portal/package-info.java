/**
 * Portal: the subscriber's side. A notice never carries a link; it carries a short access code
 * that the subscriber types on the ISP's own, well-known portal. The portal shows what was found,
 * plain steps for the device, the case's status, and takes the subscriber's "I have fixed it".
 * Codes are issued by {@link jp.renkei.server.portal.PortalAccess}; only their hashes are stored.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Portal",
        allowedDependencies = { "cases", "quarantine", "remediation", "subscribers", "intake", "attribution", "platform" })
package jp.renkei.server.portal;
