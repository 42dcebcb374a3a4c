package jp.renkei.server.attribution.web;

import java.time.Duration;

import jp.renkei.core.radius.SubscriberAttribute;
import jp.renkei.server.attribution.AttributionStatistics;
import jp.renkei.server.attribution.NasClients;
import jp.renkei.server.attribution.RadiusAccounting;
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

/** The NAS clients page (administrators and operators) and the dashboard's attribution panel. */
@Controller
class AttributionPages {

    private final NasClients clients;
    private final RadiusAccounting radius;
    private final AttributionStatistics statistics;

    AttributionPages(NasClients clients, RadiusAccounting radius, AttributionStatistics statistics) {
        this.clients = clients;
        this.radius = radius;
        this.statistics = statistics;
    }

    @GetMapping("/settings/nas")
    String nas(RenkeiPrincipal caller, Model model) {
        requireWriter(caller);
        model.addAttribute("clients", clients.list(caller.organisationId()));
        model.addAttribute("attributes", SubscriberAttribute.values());
        model.addAttribute("radiusPort", radius.port());
        model.addAttribute("stats", radius.statistics(caller.organisationId()));
        return "attribution/nas";
    }

    @PostMapping("/settings/nas")
    String saveNas(RenkeiPrincipal caller, @RequestParam String address, @RequestParam(defaultValue = "") String name,
            @RequestParam String secret, @RequestParam(defaultValue = "user-name") String subscriberAttribute,
            RedirectAttributes redirect) {
        requireWriter(caller);
        try {
            SubscriberAttribute attribute = SubscriberAttribute.parse(subscriberAttribute)
                    .orElseThrow(() -> new IllegalArgumentException("unknown subscriber attribute " + subscriberAttribute));
            if (clients.put(caller.organisationId(), caller.actor(), address, name, secret, attribute)) {
                redirect.addFlashAttribute("saved", address);
            } else {
                redirect.addFlashAttribute("error", address + ": another organisation registered this NAS address");
            }
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/settings/nas";
    }

    @PostMapping("/settings/nas/{address}/delete")
    String deleteNas(RenkeiPrincipal caller, @PathVariable String address) {
        requireWriter(caller);
        try {
            clients.delete(caller.organisationId(), caller.actor(), address);
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return "redirect:/settings/nas";
    }

    /** The dashboard panel; include it with {@code hx-get="/attribution/panel" hx-trigger="load"}. */
    @GetMapping("/attribution/panel")
    String panel(RenkeiPrincipal caller, @RequestParam(defaultValue = "P30D") String period, Model model) {
        model.addAttribute("summary", statistics.summary(caller.organisationId(), Duration.parse(period)));
        return "attribution/panel :: panel";
    }

    // Shared secrets are for those who run the network; SecurityConfig lets every role GET pages.
    private static void requireWriter(RenkeiPrincipal caller) {
        if (!caller.canWrite()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
    }
}
