package jp.renkei.server.portal.web;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jp.renkei.server.platform.Accounts;
import jp.renkei.core.Language;
import jp.renkei.core.cases.CaseState;
import jp.renkei.core.portal.AccessCode;
import jp.renkei.core.remediation.RemediationGuide;
import jp.renkei.server.cases.CaseDevice;
import jp.renkei.server.cases.CaseManagement;
import jp.renkei.server.cases.SubscriberCase;
import jp.renkei.server.portal.PortalAccess;
import jp.renkei.server.portal.PortalGrant;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The subscriber portal (no login): type the code from the notice, see the case and the steps,
 * say "I have fixed it". The opened case is remembered in the HTTP session only.
 */
@Controller
class PortalPages {

    static final String GRANT = "renkei.portal.grant";

    private final PortalAccess access;
    private final CaseManagement cases;
    private final Accounts accounts;

    PortalPages(PortalAccess access, CaseManagement cases, Accounts accounts) {
        this.access = access;
        this.cases = cases;
        this.accounts = accounts;
    }

    @GetMapping("/portal")
    String enter() {
        return "portal/enter";
    }

    @PostMapping("/portal")
    String open(@RequestParam(defaultValue = "") String code, HttpServletRequest request, Model model) {
        Optional<PortalGrant> grant = AccessCode.parse(code).flatMap(access::open);
        if (grant.isEmpty()) {
            // One message for every failure: a typo and a guessed code look the same to the caller.
            model.addAttribute("invalid", true);
            return "portal/enter";
        }
        request.changeSessionId();
        request.getSession().setAttribute(GRANT, grant.get());
        return "redirect:/portal/case";
    }

    @GetMapping("/portal/case")
    String showCase(HttpSession session, Locale locale, Model model) {
        Optional<PortalGrant> grant = grant(session);
        Optional<SubscriberCase> found = grant.flatMap(g -> cases.find(g.organisationId(), g.caseId()));
        if (found.isEmpty()) {
            return "redirect:/portal";
        }
        SubscriberCase c = found.get();
        long org = grant.get().organisationId();
        Optional<CaseDevice> device = cases.device(org, c.id());
        Language language = "en".equals(locale.getLanguage()) ? Language.EN : Language.JA;
        model.addAttribute("isp", accounts.organisationName(org));
        model.addAttribute("c", c);
        model.addAttribute("device", device);
        model.addAttribute("guidance", RemediationGuide.forProblem(c.kind(), language,
                device.flatMap(CaseDevice::malwareFamily)));
        model.addAttribute("canReportFix", c.state().isOpen() && c.state() != CaseState.FIXED_REPORTED);
        return "portal/case";
    }

    @PostMapping("/portal/case/fixed")
    String fixed(HttpSession session, RedirectAttributes redirect) {
        Optional<PortalGrant> grant = grant(session);
        if (grant.isEmpty()) {
            return "redirect:/portal";
        }
        cases.reportFixed(grant.get().organisationId(), grant.get().caseId(), Instant.now());
        redirect.addFlashAttribute("thanks", true);
        return "redirect:/portal/case";
    }

    private static Optional<PortalGrant> grant(HttpSession session) {
        return session.getAttribute(GRANT) instanceof PortalGrant g ? Optional.of(g) : Optional.empty();
    }
}
