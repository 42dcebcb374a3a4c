package jp.renkei.server.portal.web;

import java.util.List;
import java.util.Optional;

import jp.renkei.core.Language;
import jp.renkei.core.cases.CaseState;
import jp.renkei.core.escalation.Channel;
import jp.renkei.core.quarantine.ConsentLevel;
import jp.renkei.core.remediation.Guidance;
import jp.renkei.server.cases.CaseDevice;
import jp.renkei.server.cases.CaseManagement;
import jp.renkei.server.cases.SubscriberCase;
import jp.renkei.server.platform.Accounts;
import jp.renkei.server.portal.internal.LineCheck;
import jp.renkei.server.portal.internal.StepsDone;
import jp.renkei.server.quarantine.Consents;
import jp.renkei.server.quarantine.Quarantines;
import jp.renkei.server.remediation.DeviceDescription;
import jp.renkei.server.remediation.RemediationSteps;
import jp.renkei.server.subscribers.SubscriberPreferences;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** Everything the subscriber's case page shows, read for the opened case only. */
@Component
class CasePageModel {

    /** The channels a subscriber may prefer on the portal, in the order the form offers them. */
    static final List<Channel> PREFERABLE = List.of(Channel.EMAIL, Channel.SMS, Channel.LINE);

    private final Accounts accounts;
    private final CaseManagement cases;
    private final RemediationSteps remediation;
    private final StepsDone stepsDone;
    private final Consents consents;
    private final SubscriberPreferences preferences;
    private final Quarantines quarantines;
    private final String termsVersion;

    CasePageModel(Accounts accounts, CaseManagement cases, RemediationSteps remediation, StepsDone stepsDone,
            Consents consents, SubscriberPreferences preferences, Quarantines quarantines,
            @Value("${renkei.portal.terms-version:1}") String termsVersion) {
        this.accounts = accounts;
        this.cases = cases;
        this.remediation = remediation;
        this.stepsDone = stepsDone;
        this.consents = consents;
        this.preferences = preferences;
        this.quarantines = quarantines;
        this.termsVersion = termsVersion;
    }

    /** The version of the terms a consent given now is given under. */
    String termsVersion() {
        return termsVersion;
    }

    /** The steps the subscriber reads for the case, in the page's language. */
    Guidance guidance(long organisationId, SubscriberCase c) {
        Optional<CaseDevice> device = cases.device(organisationId, c.id());
        DeviceDescription described = device
                .map(d -> new DeviceDescription(d.vendor(), d.model(), d.firmware()))
                .orElse(DeviceDescription.unknown());
        return remediation.guidance(organisationId, c.kind(), device.flatMap(CaseDevice::malwareFamily), described,
                language());
    }

    void fill(PortalSession.Opened opened, Model model) {
        long org = opened.organisationId();
        SubscriberCase c = opened.theCase();
        String subscriber = opened.subscriberId();
        model.addAttribute("isp", accounts.organisationName(org));
        model.addAttribute("c", c);
        model.addAttribute("device", cases.device(org, c.id()));
        model.addAttribute("guidance", guidance(org, c));
        model.addAttribute("done", stepsDone.of(org, c.id()));
        model.addAttribute("canReportFix", c.state().isOpen() && c.state() != CaseState.FIXED_REPORTED);
        model.addAttribute("consent", consents.current(org, subscriber));
        model.addAttribute("consentLevels", ConsentLevel.values());
        model.addAttribute("termsVersion", termsVersion);
        model.addAttribute("preferences", preferences.preferences(org, subscriber));
        model.addAttribute("preferable", PREFERABLE);
        boolean quarantined = quarantines.active(org, subscriber).isPresent();
        model.addAttribute("quarantined", quarantined);
        model.addAttribute("lookBackDays", LineCheck.LOOK_BACK.toDays());
        model.addAttribute("selfReleasesLeft",
                Math.max(0, quarantines.selfReleaseLimit() - quarantines.selfReleases(org, subscriber)));
    }

    private static Language language() {
        return "en".equals(LocaleContextHolder.getLocale().getLanguage()) ? Language.EN : Language.JA;
    }
}
