/**
 * Cases: one problem of one subscriber's device, from the first attributed observation to a
 * reported fix and an unverified resolution after a quiet period. Listens to
 * {@link jp.renkei.server.intake.ObservationsRecorded} inside the import transaction, opens or
 * extends the subscriber's case, announces new cases with {@link jp.renkei.server.cases.CaseOpened},
 * and offers {@link jp.renkei.server.cases.CaseManagement} to the portal and notify modules. The
 * notices on a case come from whoever implements the {@link jp.renkei.server.cases.CaseNotices} port.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Cases",
        allowedDependencies = { "intake", "subscribers", "platform" })
package jp.renkei.server.cases;
