package jp.renkei.server.quarantine.web;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import jp.renkei.core.quarantine.IspPolicy;
import jp.renkei.core.quarantine.Measure;
import jp.renkei.server.platform.RenkeiPrincipal;
import jp.renkei.server.quarantine.EnforcementSettings;
import jp.renkei.server.quarantine.GardenAllowList;
import jp.renkei.server.quarantine.QuarantineEnforcement;
import jp.renkei.server.quarantine.QuarantinePolicies;
import jp.renkei.server.quarantine.internal.EnforcementLedger;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Administrators' pages: the walled garden's enforcement (RADIUS CoA/Disconnect, policy zones),
 * its allow list, and the ISP policy that allows quarantine without consent. Everyone signed in
 * reads them; SecurityConfig lets only administrators post.
 */
@Controller
class GardenSettingsPages {

    private final QuarantineEnforcement enforcement;
    private final GardenAllowList allowList;
    private final QuarantinePolicies policies;
    private final EnforcementLedger ledger;
    private final Clock clock;

    GardenSettingsPages(QuarantineEnforcement enforcement, GardenAllowList allowList, QuarantinePolicies policies,
            EnforcementLedger ledger, Clock clock) {
        this.enforcement = enforcement;
        this.allowList = allowList;
        this.policies = policies;
        this.ledger = ledger;
        this.clock = clock;
    }

    @GetMapping("/settings/garden")
    String garden(RenkeiPrincipal caller, Model model) {
        if (!model.containsAttribute("settings")) {
            model.addAttribute("settings", enforcement.settings(caller.organisationId()));
        }
        model.addAttribute("allowed", allowList.list(caller.organisationId()));
        return "quarantine/settings";
    }

    @PostMapping("/settings/garden")
    String saveGarden(RenkeiPrincipal caller, @RequestParam(defaultValue = "off") String radiusAction,
            @RequestParam(defaultValue = "3799") String coaPort, @RequestParam(defaultValue = "") String filterId,
            @RequestParam(defaultValue = "") String vendorAttributes,
            @RequestParam(defaultValue = "") String releaseFilterId,
            @RequestParam(defaultValue = "") String releaseVendorAttributes,
            @RequestParam(defaultValue = "false") boolean rpzEnabled, @RequestParam(defaultValue = "") String gardenIpv4,
            @RequestParam(defaultValue = "") String gardenIpv6, @RequestParam(defaultValue = "") String gardenHost,
            @RequestParam(defaultValue = "") String reloadCommand, RedirectAttributes redirect) {
        try {
            int port;
            try {
                port = Integer.parseInt(coaPort.strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("coaPort: '" + coaPort + "' is not a number");
            }
            EnforcementSettings s = new EnforcementSettings(radiusAction, port, filterId,
                    EnforcementSettings.lines(vendorAttributes), releaseFilterId,
                    EnforcementSettings.lines(releaseVendorAttributes), rpzEnabled, gardenIpv4, gardenIpv6, gardenHost,
                    EnforcementSettings.lines(reloadCommand));
            enforcement.save(caller.organisationId(), s, caller.actor(), clock.instant());
            // New garden addresses or a new reload command take effect now, not at the next quarantine.
            ledger.enqueueSync(caller.organisationId(), clock.instant());
            redirect.addFlashAttribute("saved", true);
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/settings/garden";
    }

    @PostMapping("/settings/garden/allow")
    String allow(RenkeiPrincipal caller, @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String note, RedirectAttributes redirect) {
        try {
            allowList.add(caller.organisationId(), name, note, caller.actor(), clock.instant());
            redirect.addFlashAttribute("saved", true);
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/settings/garden";
    }

    @PostMapping("/settings/garden/allow/{id}/delete")
    String disallow(RenkeiPrincipal caller, @PathVariable long id) {
        if (!allowList.remove(caller.organisationId(), id, caller.actor(), clock.instant())) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return "redirect:/settings/garden";
    }

    @GetMapping("/settings/quarantine-policy")
    String policy(RenkeiPrincipal caller, Model model) {
        model.addAttribute("policy", policies.current(caller.organisationId()));
        model.addAttribute("measures", Measure.values());
        return "quarantine/policy";
    }

    @PostMapping("/settings/quarantine-policy")
    String recordPolicy(RenkeiPrincipal caller, @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String legalBasis,
            @RequestParam(name = "measure", required = false) List<String> measures, RedirectAttributes redirect) {
        try {
            Set<Measure> chosen = EnumSet.noneOf(Measure.class);
            for (String m : measures == null ? List.<String>of() : measures) {
                chosen.add(Measure.fromCode(m).orElseThrow(() -> new IllegalArgumentException("measure: unknown '" + m + "'")));
            }
            IspPolicy policy;
            try {
                policy = new IspPolicy(name, legalBasis, chosen);
            } catch (IllegalArgumentException e) {
                String field = e.getMessage().contains("legal basis") ? "legalBasis"
                        : e.getMessage().contains("measure") ? "measure" : "name";
                throw new IllegalArgumentException(field + ": " + e.getMessage());
            }
            policies.record(caller.organisationId(), policy, caller.actor(), clock.instant());
            redirect.addFlashAttribute("saved", true);
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/settings/quarantine-policy";
    }

    @PostMapping("/settings/quarantine-policy/retire")
    String retire(RenkeiPrincipal caller) {
        policies.retire(caller.organisationId(), caller.actor(), clock.instant());
        return "redirect:/settings/quarantine-policy";
    }
}
