package jp.renkei.server.vendor.psirt.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jp.renkei.server.platform.RenkeiPrincipal;
import jp.renkei.server.vendor.psirt.CvssScore;
import jp.renkei.server.vendor.psirt.Justification;
import jp.renkei.server.vendor.psirt.Problem;
import jp.renkei.server.vendor.psirt.RecordDraft;
import jp.renkei.server.vendor.psirt.RecordSave;
import jp.renkei.server.vendor.psirt.RecordStatus;
import jp.renkei.server.vendor.psirt.VulnerabilityRecord;
import jp.renkei.server.vendor.psirt.VulnerabilityRecords;
import jp.renkei.server.vendor.psirt.VulnerabilityReport;
import jp.renkei.server.vendor.psirt.VulnerabilityReports;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/** Vulnerability records: the list, the form (with the CVSS score computed live through htmx), and saving. */
@Controller
class RecordPages {

    private final VulnerabilityRecords records;
    private final VulnerabilityReports reports;

    RecordPages(VulnerabilityRecords records, VulnerabilityReports reports) {
        this.records = records;
        this.reports = reports;
    }

    @GetMapping("/psirt/vulnerabilities")
    String list(RenkeiPrincipal caller, Model model) {
        model.addAttribute("records", records.list(VendorOnly.organisation(caller)));
        return "vendor/psirt/records";
    }

    @GetMapping("/psirt/vulnerabilities/new")
    String create(RenkeiPrincipal caller, @RequestParam Optional<Long> report, Model model) {
        long org = VendorOnly.organisation(caller);
        Optional<VulnerabilityReport> from = report.flatMap(r -> reports.find(org, r));
        RecordFormFields fields = from.map(r -> RecordFormFields.blank("", r.trackingId() + ": " + r.description()))
                .orElse(RecordFormFields.blank("", ""));
        return form(org, Optional.empty(), from, fields, List.of(), model);
    }

    @PostMapping("/psirt/vulnerabilities")
    ModelAndView save(RenkeiPrincipal caller, @RequestParam MultiValueMap<String, String> params,
            @RequestParam Optional<Long> report, Model model) {
        long org = VendorOnly.organisation(caller);
        RecordFormFields fields = RecordFormFields.of(params);
        List<Problem> problems = new ArrayList<>();
        RecordDraft draft = fields.draft(problems);
        RecordSave saved = problems.isEmpty() ? records.create(org, caller.actor(), draft) : new RecordSave.Invalid(problems);
        if (saved instanceof RecordSave.Saved s) {
            report.ifPresent(r -> reports.link(org, r, s.record().id(), caller.actor()));
            return new ModelAndView("redirect:/psirt/vulnerabilities/" + s.record().id());
        }
        return invalid(org, Optional.empty(), report.flatMap(r -> reports.find(org, r)), fields, saved, model);
    }

    @GetMapping("/psirt/vulnerabilities/{id}")
    String edit(RenkeiPrincipal caller, @PathVariable long id, Model model) {
        long org = VendorOnly.organisation(caller);
        VulnerabilityRecord r = records.find(org, id).orElseThrow(VendorOnly::notFound);
        return form(org, Optional.of(r), Optional.empty(), RecordFormFields.of(r), List.of(), model);
    }

    @PostMapping("/psirt/vulnerabilities/{id}")
    ModelAndView update(RenkeiPrincipal caller, @PathVariable long id, @RequestParam MultiValueMap<String, String> params,
            Model model) {
        long org = VendorOnly.organisation(caller);
        VulnerabilityRecord existing = records.find(org, id).orElseThrow(VendorOnly::notFound);
        RecordFormFields fields = RecordFormFields.of(params);
        List<Problem> problems = new ArrayList<>();
        RecordDraft draft = fields.draft(problems);
        RecordSave saved = problems.isEmpty() ? records.update(org, id, caller.actor(), draft) : new RecordSave.Invalid(problems);
        if (saved instanceof RecordSave.Saved) {
            return new ModelAndView("redirect:/psirt/vulnerabilities/" + id + "?saved");
        }
        return invalid(org, Optional.of(existing), Optional.empty(), fields, saved, model);
    }

    /** The live score under a vector field: {@code ?cvss31=…} or {@code ?cvss40=…}. */
    @GetMapping("/psirt/cvss-score")
    String score(RenkeiPrincipal caller, @RequestParam Optional<String> cvss31, @RequestParam Optional<String> cvss40,
            Model model) {
        VendorOnly.organisation(caller);
        String vector = cvss31.or(() -> cvss40).orElse("");
        model.addAttribute("blank", vector.isBlank());
        model.addAttribute("reading", cvss31.isPresent() ? CvssScore.v31(vector) : CvssScore.v40(vector));
        return "vendor/psirt/fragments :: score";
    }

    private ModelAndView invalid(long org, Optional<VulnerabilityRecord> existing, Optional<VulnerabilityReport> report,
            RecordFormFields fields, RecordSave outcome, Model model) {
        if (outcome instanceof RecordSave.NotFound) {
            throw VendorOnly.notFound();
        }
        List<Problem> problems = ((RecordSave.Invalid) outcome).problems();
        ModelAndView mav = new ModelAndView(form(org, existing, report, fields, problems, model), model.asMap());
        mav.setStatus(HttpStatus.BAD_REQUEST);
        return mav;
    }

    private String form(long org, Optional<VulnerabilityRecord> existing, Optional<VulnerabilityReport> report,
            RecordFormFields fields, List<Problem> problems, Model model) {
        model.addAttribute("record", existing);
        model.addAttribute("fromReport", report);
        model.addAttribute("f", fields);
        model.addAttribute("problems", problems.stream().map(Problem::toString).toList());
        model.addAttribute("statuses", RecordStatus.values());
        model.addAttribute("justifications", Justification.values());
        model.addAttribute("products", records.catalogue(org));
        model.addAttribute("reports", existing.map(r -> reports.linkedTo(org, r.id())).orElse(List.of()));
        return "vendor/psirt/record";
    }
}
