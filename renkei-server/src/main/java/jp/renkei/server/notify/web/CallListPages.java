package jp.renkei.server.notify.web;

import jp.renkei.server.notify.internal.CallList;
import jp.renkei.server.platform.RenkeiPrincipal;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The call list page: subscribers to phone, and the form where operators record what the call gave. */
@Controller
class CallListPages {

    private final CallList calls;

    CallListPages(CallList calls) {
        this.calls = calls;
    }

    @GetMapping("/notify/call-list")
    String page(RenkeiPrincipal caller, Model model) {
        model.addAttribute("entries", calls.pending(caller.organisationId()));
        model.addAttribute("outcomes", CallList.Outcome.values());
        return "notify/call-list";
    }

    @PostMapping("/notify/call-list/{noticeId}")
    String record(RenkeiPrincipal caller, @PathVariable long noticeId, @RequestParam String outcome,
            @RequestParam(defaultValue = "") String note, RedirectAttributes redirect) {
        CallList.Outcome parsed = CallList.Outcome.fromCode(outcome).orElseThrow(() -> new ResponseStatusException(
                HttpStatus.BAD_REQUEST, "outcome: '" + outcome + "' is not reached, no-answer or wrong-number"));
        if (!calls.record(caller.organisationId(), noticeId, parsed, note, caller.actor())) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        redirect.addFlashAttribute("recorded", parsed.code());
        return "redirect:/notify/call-list";
    }
}
