package jp.renkei.server.remediation.web;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import jp.renkei.core.intake.ProblemKind;
import jp.renkei.server.platform.RenkeiPrincipal;
import jp.renkei.server.remediation.RemediationDraft;
import jp.renkei.server.remediation.RemediationEntries;
import jp.renkei.server.remediation.RemediationEntry;
import jp.renkei.server.remediation.RemediationEntryNotFoundException;
import jp.renkei.server.remediation.RemediationSave;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The ISP's editor of remediation steps: list, create, edit, delete, and a preview of what the
 * subscriber reads, in both languages. Roles are enforced in SecurityConfig (administrators and
 * operators); an entry of another organisation answers 404.
 */
@Controller
class RemediationPages {

    private final RemediationEntries entries;

    RemediationPages(RemediationEntries entries) {
        this.entries = entries;
    }

    @ModelAttribute("kinds")
    List<String> kinds() {
        return Arrays.stream(ProblemKind.values()).filter(ProblemKind::opensCase).map(ProblemKind::code).toList();
    }

    @GetMapping("/remediation")
    String list(RenkeiPrincipal caller, Model model) {
        model.addAttribute("entries", entries.list(caller.organisationId()));
        return "remediation/list";
    }

    @GetMapping("/remediation/new")
    String blank(Model model) {
        model.addAttribute("draft", RemediationDraft.blank());
        model.addAttribute("problems", Map.of());
        return "remediation/edit";
    }

    @GetMapping("/remediation/{id}")
    String edit(RenkeiPrincipal caller, @PathVariable long id, Model model) {
        RemediationEntry entry = entries.find(caller.organisationId(), id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        RemediationDraft draft = RemediationDraft.of(entry);
        model.addAttribute("entryId", id);
        model.addAttribute("draft", draft);
        model.addAttribute("problems", Map.of());
        model.addAttribute("preview", draft);
        return "remediation/edit";
    }

    /** Creates an entry, or shows the preview of the draft without saving ({@code action=preview}). */
    @PostMapping("/remediation")
    String create(RenkeiPrincipal caller, @ModelAttribute("draft") RemediationDraft draft,
            @RequestParam(defaultValue = "save") String action, Model model, HttpServletResponse response) {
        if (action.equals("preview")) {
            return preview(draft, model, response);
        }
        RemediationSave saved = entries.create(caller.organisationId(), draft, caller.username());
        return answer(saved, draft, model, response);
    }

    @PostMapping("/remediation/{id}")
    String update(RenkeiPrincipal caller, @PathVariable long id, @ModelAttribute("draft") RemediationDraft draft,
            @RequestParam(defaultValue = "save") String action, Model model, HttpServletResponse response) {
        model.addAttribute("entryId", id);
        if (entries.find(caller.organisationId(), id).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        if (action.equals("preview")) {
            return preview(draft, model, response);
        }
        try {
            return answer(entries.update(caller.organisationId(), id, draft, caller.username()), draft, model, response);
        } catch (RemediationEntryNotFoundException deletedMeanwhile) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }

    @PostMapping("/remediation/{id}/delete")
    String delete(RenkeiPrincipal caller, @PathVariable long id) {
        if (!entries.delete(caller.organisationId(), id, caller.username())) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return "redirect:/remediation?deleted";
    }

    private static String preview(RemediationDraft draft, Model model, HttpServletResponse response) {
        Map<String, String> problems = draft.problems();
        model.addAttribute("problems", problems);
        if (problems.isEmpty()) {
            model.addAttribute("preview", draft);
        } else {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
        }
        return "remediation/edit";
    }

    private static String answer(RemediationSave saved, RemediationDraft draft, Model model,
            HttpServletResponse response) {
        if (saved instanceof RemediationSave.Saved s) {
            return "redirect:/remediation/" + s.id() + "?saved";
        }
        // A form that failed keeps what was typed and says, next to each field, what is wrong.
        model.addAttribute("problems", ((RemediationSave.Invalid) saved).problems());
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return "remediation/edit";
    }
}
