/**
 * Remediation: the steps a subscriber follows to fix a device, per problem kind and, when the
 * device is known, per vendor, model and firmware, in Japanese and English. The ISP edits them;
 * without an entry for the device, the general steps for the problem apply.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Remediation",
        allowedDependencies = { "platform" })
package jp.renkei.server.remediation;
