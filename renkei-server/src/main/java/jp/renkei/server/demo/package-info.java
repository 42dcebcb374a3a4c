/**
 * Demo: with {@code --demo}, a synthetic ISP (subscribers, 30 days of RADIUS sessions with reused
 * dynamic IPs, a day of Shadowserver reports) is imported through the same import services an ISP
 * uses, and notices are delivered over real SMTP to a mail server inside Renkei whose inbox the
 * built-in mail viewer shows. Six weeks of notified cases on every channel (first notices,
 * acknowledgements, fix reports, clean reports, verified fixes, reinfections and quiet closures)
 * give the effectiveness view its remediation curves.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo",
        allowedDependencies = { "subscribers", "attribution", "intake", "cases", "platform" })
package jp.renkei.server.demo;
