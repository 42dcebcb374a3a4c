/**
 * Intake: takes in reports of vulnerable or infected devices (Shadowserver first), normalises each
 * row into an observation, attributes it to the subscriber who held the IP at that instant, and
 * announces new observations with {@link jp.renkei.server.intake.ObservationsRecorded} and each
 * completed report with {@link jp.renkei.server.intake.ReportImported} (a report cycle of its feed).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Intake",
        allowedDependencies = { "attribution", "subscribers", "platform" })
package jp.renkei.server.intake;
