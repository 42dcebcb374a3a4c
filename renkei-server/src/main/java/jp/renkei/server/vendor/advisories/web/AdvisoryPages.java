package jp.renkei.server.vendor.advisories.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

import jp.renkei.server.platform.RenkeiPrincipal;
import jp.renkei.server.vendor.advisories.Advisories;
import jp.renkei.server.vendor.advisories.AdvisoryCheck;
import jp.renkei.server.vendor.advisories.AdvisoryDraft;
import jp.renkei.server.vendor.advisories.AdvisorySave;
import jp.renkei.server.vendor.advisories.VendorAdvisory;
import jp.renkei.server.vendor.psirt.Problem;
import jp.renkei.server.vendor.psirt.VulnerabilityRecords;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;

/**
 * The PSIRT's advisories: the list (authored and imported), a new advisory from records, one advisory with
 * its validation findings (each with its JSON path) or its rendered document, publishing, and importing.
 */
@Controller
class AdvisoryPages {

    private final Advisories advisories;
    private final VulnerabilityRecords records;

    AdvisoryPages(Advisories advisories, VulnerabilityRecords records) {
        this.advisories = advisories;
        this.records = records;
    }

    @GetMapping("/psirt/advisories")
    String list(RenkeiPrincipal caller, Model model) {
        return list(VendorCaller.organisation(caller), List.of(), model);
    }

    @GetMapping("/psirt/advisories/new")
    String form(RenkeiPrincipal caller, Model model) {
        return form(VendorCaller.organisation(caller), AdvisoryForm.empty(), List.of(), model);
    }

    @PostMapping("/psirt/advisories")
    ModelAndView create(RenkeiPrincipal caller, AdvisoryForm form, Model model) {
        long org = VendorCaller.organisation(caller);
        AdvisorySave saved = advisories.create(org, caller.actor(), new AdvisoryDraft(form.recordIds(), form.title(),
                form.language(), form.tlp(), form.summary(), form.workaround(), form.mitigation()));
        if (saved instanceof AdvisorySave.Saved s) {
            return new ModelAndView("redirect:/psirt/advisories/" + s.advisory().id());
        }
        return badRequest(form(org, form, problems(saved), model), model);
    }

    @GetMapping("/psirt/advisories/{id}")
    String show(RenkeiPrincipal caller, @PathVariable long id, Model model) {
        return show(VendorCaller.organisation(caller), id, List.of(), model);
    }

    /** The document itself: published, imported, or the draft as it would be published. */
    @GetMapping("/psirt/advisories/{id}/csaf.json")
    ResponseEntity<byte[]> json(RenkeiPrincipal caller, @PathVariable long id) {
        long org = VendorCaller.organisation(caller);
        AdvisoryCheck check = advisories.check(org, id).orElseThrow(VendorCaller::notFound);
        if (check instanceof AdvisoryCheck.Valid v) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(v.json());
        }
        throw VendorCaller.notFound();
    }

    @PostMapping("/psirt/advisories/{id}/publish")
    ModelAndView publish(RenkeiPrincipal caller, @PathVariable long id, @RequestParam String status,
            @RequestParam Optional<String> summary, Model model) {
        long org = VendorCaller.organisation(caller);
        AdvisorySave saved = advisories.publish(org, id, caller.actor(), status, summary.orElse(""));
        if (saved instanceof AdvisorySave.Saved) {
            return new ModelAndView("redirect:/psirt/advisories/" + id + "?published");
        }
        return badRequest(show(org, id, problems(saved), model), model);
    }

    @PostMapping("/psirt/advisories/import")
    ModelAndView importDocument(RenkeiPrincipal caller, @RequestParam("file") MultipartFile file, Model model) {
        long org = VendorCaller.organisation(caller);
        AdvisorySave saved;
        try {
            saved = advisories.importDocument(org, caller.actor(), file.getBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (saved instanceof AdvisorySave.Saved s) {
            return new ModelAndView("redirect:/psirt/advisories/" + s.advisory().id());
        }
        return badRequest(list(org, problems(saved).stream().map(p -> (file.getOriginalFilename() == null ? ""
                : file.getOriginalFilename() + " ") + p).toList(), model), model);
    }

    private String list(long org, List<String> importProblems, Model model) {
        model.addAttribute("advisories", advisories.list(org));
        model.addAttribute("importProblems", importProblems);
        return "vendor/advisories/list";
    }

    private String form(long org, AdvisoryForm form, List<String> problems, Model model) {
        model.addAttribute("f", form);
        model.addAttribute("records", records.list(org));
        model.addAttribute("problems", problems);
        return "vendor/advisories/form";
    }

    private String show(long org, long id, List<String> problems, Model model) {
        VendorAdvisory advisory = advisories.find(org, id).orElseThrow(VendorCaller::notFound);
        AdvisoryCheck check = advisories.check(org, id).orElseThrow(VendorCaller::notFound);
        model.addAttribute("advisory", advisory);
        model.addAttribute("findings", check instanceof AdvisoryCheck.Findings f ? f.problems() : List.<Problem>of());
        model.addAttribute("view", check instanceof AdvisoryCheck.Valid v ? AdvisoryView.of(v.json()) : Optional.empty());
        model.addAttribute("problems", problems);
        return "vendor/advisories/advisory";
    }

    private static List<String> problems(AdvisorySave outcome) {
        if (outcome instanceof AdvisorySave.Invalid invalid) {
            return invalid.problems().stream().map(Problem::toString).toList();
        }
        throw VendorCaller.notFound();
    }

    private static ModelAndView badRequest(String view, Model model) {
        ModelAndView mav = new ModelAndView(view, model.asMap());
        mav.setStatus(HttpStatus.BAD_REQUEST);
        return mav;
    }
}
