package jp.renkei.server.intake.mapping;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jp.renkei.core.intake.ProblemKind;
import jp.renkei.server.platform.RenkeiPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The column mappings page: the saved mappings, and a form to create or edit one. */
@Controller
class MappingsPage {

    /** The form's fields; {@code kindValues} is one {@code word=code} per line. */
    record Form(String name, String encoding, String timeColumn, String timeZone, String timePattern, String ipColumn,
            String portColumn, String protocolColumn, String kindColumn, String kind, String kindValues,
            String familyColumn, String family, String severityColumn, String vendorColumn, String modelColumn,
            String firmwareColumn) {

        static Form empty() {
            return new Form("", "utf-8", "", "JST", "", "", "", "", "", "", "", "", "", "", "", "", "");
        }

        static Form of(SavedMapping m) {
            MappingDefinition d = m.definition();
            StringBuilder values = new StringBuilder();
            if (d.kindValues() != null) {
                d.kindValues().forEach((w, c) -> values.append(w).append('=').append(c).append('\n'));
            }
            return new Form(m.name(), d.encoding(), d.timeColumn(), d.timeZone(), d.timePattern(), d.ipColumn(),
                    d.portColumn(), d.protocolColumn(), d.kindColumn(), d.kind(), values.toString(), d.familyColumn(),
                    d.family(), d.severityColumn(), d.vendorColumn(), d.modelColumn(), d.firmwareColumn());
        }

        MappingDefinition definition() {
            Map<String, String> values = new LinkedHashMap<>();
            for (String line : (kindValues == null ? "" : kindValues).split("\\R")) {
                int eq = line.lastIndexOf('=');
                if (eq > 0) {
                    values.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
                } else if (!line.isBlank()) {
                    throw new IllegalArgumentException("kindValues: '" + line.strip() + "' is not word=kind");
                }
            }
            return new MappingDefinition(encoding, timeColumn, timeZone, timePattern, ipColumn, portColumn,
                    protocolColumn, kindColumn, kind, values, familyColumn, family, severityColumn, vendorColumn,
                    modelColumn, firmwareColumn);
        }
    }

    private final ColumnMappings mappings;

    MappingsPage(ColumnMappings mappings) {
        this.mappings = mappings;
    }

    @GetMapping("/mappings")
    String page(RenkeiPrincipal caller, @RequestParam Optional<String> edit, Model model) {
        model.addAttribute("mappings", mappings.list(caller.organisationId()));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", edit.flatMap(n -> mappings.find(caller.organisationId(), n)).map(Form::of)
                    .orElseGet(Form::empty));
        }
        model.addAttribute("kinds", java.util.Arrays.stream(ProblemKind.values())
                .filter(ProblemKind::opensCase).map(ProblemKind::code).toList());
        return "intake/mappings";
    }

    @PostMapping("/mappings")
    String save(RenkeiPrincipal caller, @ModelAttribute Form form, RedirectAttributes redirect) {
        try {
            mappings.save(caller.organisationId(), caller.actor(), form.name() == null ? "" : form.name().strip(),
                    form.definition());
            redirect.addFlashAttribute("saved", form.name().strip());
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", e.getMessage());
            redirect.addFlashAttribute("form", form);
        }
        return "redirect:/mappings";
    }
}
