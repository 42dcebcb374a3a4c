/**
 * Cases: one problem of one subscriber's device, from the first attributed observation through
 * notices, acknowledgement and a reported fix to a fix verified by later clean reports of the same
 * feeds ({@link jp.renkei.server.intake.ReportImported}), a reinfection, or an unverified closure
 * after a quiet period (natural remediation when no fix was reported); and the effectiveness of
 * notices per channel and ladder (/cases/effectiveness). Listens to
 * {@link jp.renkei.server.intake.ObservationsRecorded} inside the import transaction, opens or
 * extends the subscriber's case, announces new cases with {@link jp.renkei.server.cases.CaseOpened}
 * and reinfected ones with {@link jp.renkei.server.cases.CaseReinfected}, and offers {@link jp.renkei.server.cases.CaseManagement} to the portal and notify modules. The
 * notices on a case come from whoever implements the {@link jp.renkei.server.cases.CaseNotices} port.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Cases",
        allowedDependencies = { "intake", "subscribers", "platform" })
package jp.renkei.server.cases;
