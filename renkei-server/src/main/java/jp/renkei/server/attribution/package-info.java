/**
 * Attribution: answers "who held this IP (and port) at that instant", with a confidence and the
 * candidates, or a reason why nobody can be named. It takes in assignments (periods in which a
 * subscriber held an address, an IPv6 prefix or a CGNAT port block) from a live RADIUS accounting
 * server (per-NAS secrets, acknowledged only after the group commit that stores the packet) and
 * from imported logs (FreeRADIUS detail, Kea forensic and lease files, dhcpd.leases, CGNAT port
 * blocks), keeps them per source for the configured retention, and answers with the core
 * {@link jp.renkei.core.attribution.Attributor} rules — from an in-memory
 * {@link jp.renkei.core.attribution.AttributionIndex} per organisation when it is current, from
 * SQL otherwise. Every attribution is written to the audit log, because naming the subscriber
 * behind an address touches the secrecy of communications.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Attribution",
        allowedDependencies = { "platform" })
package jp.renkei.server.attribution;
