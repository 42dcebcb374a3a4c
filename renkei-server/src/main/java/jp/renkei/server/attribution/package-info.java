/**
 * Attribution: answers "who held this IP at that instant". It takes in assignments (periods in
 * which a subscriber held an address) from RADIUS accounting — FreeRADIUS detail files folded
 * into one row per session, with NAS restarts closing sessions whose Stop never came — and decides
 * between candidate assignments with the core {@link jp.renkei.core.attribution.Attributor}.
 * Every attribution is written to the audit log, because naming the subscriber behind an address
 * touches the secrecy of communications.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Attribution",
        allowedDependencies = { "platform" })
package jp.renkei.server.attribution;
