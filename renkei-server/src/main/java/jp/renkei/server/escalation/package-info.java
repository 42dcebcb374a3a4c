/**
 * Escalation: each ISP's ladders (e.g. e-mail on day 0, SMS on day 3, walled garden on day 7,
 * letter on day 14), editable and versioned; which ladder each case runs (optionally a randomised
 * experiment arm); and the scheduler that asks the core's {@code EscalationPolicy} for each open
 * case's next step and records it together with the notice or quarantine it starts, so a restart
 * neither repeats nor loses a step.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Escalation",
        allowedDependencies = { "cases", "notify", "quarantine", "subscribers", "platform" })
package jp.renkei.server.escalation;
