/**
 * Demo: with {@code --demo}, a synthetic ISP (subscribers, 30 days of RADIUS sessions with reused
 * dynamic IPs, a day of Shadowserver reports) is imported through the same import services an ISP
 * uses, and notices are delivered over real SMTP to a mail server inside Renkei whose inbox the
 * built-in mail viewer shows.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo",
        allowedDependencies = { "subscribers", "attribution", "intake", "platform" })
package jp.renkei.server.demo;
