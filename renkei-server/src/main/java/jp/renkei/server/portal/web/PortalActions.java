package jp.renkei.server.portal.web;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpSession;
import jp.renkei.core.escalation.Channel;
import jp.renkei.core.escalation.ChannelPreferences;
import jp.renkei.core.quarantine.Consent;
import jp.renkei.core.quarantine.ConsentLevel;
import jp.renkei.core.remediation.Guidance;
import jp.renkei.server.cases.CaseManagement;
import jp.renkei.server.portal.internal.LineCheck;
import jp.renkei.server.portal.internal.StepsDone;
import jp.renkei.server.quarantine.Consents;
import jp.renkei.server.quarantine.QuarantineRelease;
import jp.renkei.server.quarantine.Quarantines;
import jp.renkei.server.subscribers.SubscriberPreferences;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What a subscriber does on the opened case: tick a step, set consent and channel preferences,
 * release their line from the walled garden, and check what reports say about their line now.
 * Every action works on the case and subscriber of the session, never on ids from the form.
 */
@Controller
class PortalActions {

    private final CaseManagement cases;
    private final CasePageModel page;
    private final StepsDone stepsDone;
    private final Consents consents;
    private final SubscriberPreferences preferences;
    private final Quarantines quarantines;
    private final LineCheck lineCheck;
    private final Clock clock;

    PortalActions(CaseManagement cases, CasePageModel page, StepsDone stepsDone, Consents consents,
            SubscriberPreferences preferences, Quarantines quarantines, LineCheck lineCheck, Clock clock) {
        this.cases = cases;
        this.page = page;
        this.stepsDone = stepsDone;
        this.consents = consents;
        this.preferences = preferences;
        this.quarantines = quarantines;
        this.lineCheck = lineCheck;
        this.clock = clock;
    }

    @PostMapping("/portal/case/steps/{step}")
    String stepDone(HttpSession session, @PathVariable int step, RedirectAttributes redirect) {
        Optional<PortalSession.Opened> opened = PortalSession.opened(session, cases);
        if (opened.isEmpty()) {
            return "redirect:/portal";
        }
        Guidance guidance = page.guidance(opened.get().organisationId(), opened.get().theCase());
        if (step < 1 || step > guidance.steps().size()) {
            redirect.addFlashAttribute("error", "portal.error.step");
            return "redirect:/portal/case";
        }
        stepsDone.tick(opened.get().organisationId(), opened.get().caseId(), step, guidance.steps().get(step - 1),
                clock.instant());
        return "redirect:/portal/case#step-" + step;
    }

    @PostMapping("/portal/case/consent")
    String consent(HttpSession session, @RequestParam(defaultValue = "") String level, RedirectAttributes redirect) {
        Optional<PortalSession.Opened> opened = PortalSession.opened(session, cases);
        if (opened.isEmpty()) {
            return "redirect:/portal";
        }
        Optional<ConsentLevel> chosen = ConsentLevel.fromCode(level);
        if (chosen.isEmpty()) {
            redirect.addFlashAttribute("error", "portal.error.consent");
            return "redirect:/portal/case#consent";
        }
        consents.record(opened.get().organisationId(), opened.get().subscriberId(),
                new Consent(chosen.get(), page.termsVersion(), clock.instant()), "portal");
        cases.recordEvent(opened.get().organisationId(), opened.get().caseId(), "consent",
                chosen.get().code() + " (terms " + page.termsVersion() + ", portal)");
        redirect.addFlashAttribute("saved", "portal.consent.saved");
        return "redirect:/portal/case#consent";
    }

    @PostMapping("/portal/case/preferences")
    String preferences(HttpSession session, @RequestParam(defaultValue = "") String first,
            @RequestParam(defaultValue = "") String second, @RequestParam(defaultValue = "") String third,
            @RequestParam(defaultValue = "reorder") String mode, RedirectAttributes redirect) {
        Optional<PortalSession.Opened> opened = PortalSession.opened(session, cases);
        if (opened.isEmpty()) {
            return "redirect:/portal";
        }
        List<Channel> chosen = new ArrayList<>();
        for (String code : List.of(first, second, third)) {
            if (code.isBlank()) {
                continue;
            }
            Optional<Channel> channel = Channel.fromCode(code).filter(CasePageModel.PREFERABLE::contains);
            if (channel.isEmpty() || chosen.contains(channel.get())) {
                redirect.addFlashAttribute("error", "portal.error.channels");
                return "redirect:/portal/case#preferences";
            }
            chosen.add(channel.get());
        }
        ChannelPreferences.Mode how = "replace".equals(mode) ? ChannelPreferences.Mode.REPLACE
                : ChannelPreferences.Mode.REORDER;
        preferences.set(opened.get().organisationId(), opened.get().subscriberId(),
                new ChannelPreferences(chosen, how), clock.instant());
        redirect.addFlashAttribute("saved", "portal.preferences.saved");
        return "redirect:/portal/case#preferences";
    }

    @PostMapping("/portal/case/release")
    String release(HttpSession session, RedirectAttributes redirect) {
        Optional<PortalSession.Opened> opened = PortalSession.opened(session, cases);
        if (opened.isEmpty()) {
            return "redirect:/portal";
        }
        QuarantineRelease result = quarantines.releaseBySubscriber(opened.get().organisationId(),
                opened.get().subscriberId(), clock.instant());
        if (result instanceof QuarantineRelease.Released) {
            cases.recordEvent(opened.get().organisationId(), opened.get().caseId(), "self-released",
                    "the subscriber released their line from the walled garden (portal)");
            redirect.addFlashAttribute("saved", "portal.release.done");
        } else if (result instanceof QuarantineRelease.LimitReached) {
            redirect.addFlashAttribute("error", "portal.release.limit");
        } else {
            redirect.addFlashAttribute("saved", "portal.release.none");
        }
        return "redirect:/portal/case#garden";
    }

    /** Runs the check and shows the case page with its answer (a check reads, but is audited). */
    @PostMapping("/portal/case/check")
    String check(HttpSession session, Model model) {
        Optional<PortalSession.Opened> opened = PortalSession.opened(session, cases);
        if (opened.isEmpty()) {
            return "redirect:/portal";
        }
        Instant now = clock.instant();
        model.addAttribute("check", lineCheck.check(opened.get().organisationId(), opened.get().subscriberId(),
                opened.get().caseId(), now));
        page.fill(opened.get(), model);
        return "portal/case";
    }
}
