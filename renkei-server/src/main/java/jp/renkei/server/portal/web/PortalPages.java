package jp.renkei.server.portal.web;

import java.time.Clock;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jp.renkei.core.portal.AccessCode;
import jp.renkei.server.cases.CaseManagement;
import jp.renkei.server.platform.ClientAddress;
import jp.renkei.server.portal.PortalAccess;
import jp.renkei.server.portal.PortalGrant;
import jp.renkei.server.portal.internal.WrongCodeLimit;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The subscriber portal (no login): type the code from the notice, see the case and the steps,
 * say "I have fixed it". Opening a case with its code acknowledges the notice. The opened case is
 * remembered in the server-side HTTP session only; wrong codes are limited per client address.
 */
@Controller
class PortalPages {

    private final PortalAccess access;
    private final CaseManagement cases;
    private final WrongCodeLimit wrongCodes;
    private final ClientAddress clients;
    private final CasePageModel page;
    private final Clock clock;

    PortalPages(PortalAccess access, CaseManagement cases, WrongCodeLimit wrongCodes, ClientAddress clients,
            CasePageModel page, Clock clock) {
        this.access = access;
        this.cases = cases;
        this.wrongCodes = wrongCodes;
        this.clients = clients;
        this.page = page;
        this.clock = clock;
    }

    @GetMapping("/portal")
    String enter() {
        return "portal/enter";
    }

    @PostMapping("/portal")
    String open(@RequestParam(defaultValue = "") String code, HttpServletRequest request,
            HttpServletResponse response, Model model, RedirectAttributes redirect) {
        // Behind a reverse proxy the peer is the proxy: limiting it would lock every subscriber out.
        String client = clients.of(request);
        // Checked before the code, so a guesser learns nothing more, not even from a right guess.
        if (wrongCodes.exhausted(client)) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            model.addAttribute("minutes", wrongCodes.window().toMinutes());
            return "portal/later";
        }
        Optional<PortalGrant> grant = AccessCode.parse(code).flatMap(access::open);
        if (grant.isEmpty()) {
            wrongCodes.recordWrong(client);
            // One message for every failure: a typo and a guessed code look the same to the caller.
            model.addAttribute("invalid", true);
            return "portal/enter";
        }
        request.changeSessionId();
        PortalSession.open(request.getSession(), grant.get());
        // Typing the code proves the notice was read: the case is acknowledged and reminders stop.
        cases.acknowledge(grant.get().organisationId(), grant.get().caseId(), clock.instant(), "portal");
        redirect.addFlashAttribute("acknowledgedNow", true);
        return "redirect:/portal/case";
    }

    @GetMapping("/portal/case")
    String showCase(HttpSession session, Model model) {
        Optional<PortalSession.Opened> opened = PortalSession.opened(session, cases);
        if (opened.isEmpty()) {
            return "redirect:/portal";
        }
        page.fill(opened.get(), model);
        return "portal/case";
    }

    @PostMapping("/portal/case/fixed")
    String fixed(HttpSession session, RedirectAttributes redirect) {
        Optional<PortalGrant> grant = PortalSession.grant(session);
        if (grant.isEmpty()) {
            return "redirect:/portal";
        }
        cases.reportFixed(grant.get().organisationId(), grant.get().caseId(), clock.instant());
        redirect.addFlashAttribute("thanks", true);
        return "redirect:/portal/case";
    }
}
