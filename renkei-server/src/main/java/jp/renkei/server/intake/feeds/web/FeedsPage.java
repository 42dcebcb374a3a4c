package jp.renkei.server.intake.feeds.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jp.renkei.server.intake.feeds.CollectorTick;
import jp.renkei.server.intake.feeds.FeedCatalogue;
import jp.renkei.server.intake.feeds.FeedDefinition;
import jp.renkei.server.intake.feeds.FeedOverview;
import jp.renkei.server.intake.feeds.FeedSource;
import jp.renkei.server.intake.feeds.ImportRuns;
import jp.renkei.server.intake.feeds.InvalidFeedException;
import jp.renkei.server.intake.feeds.Spool;
import jp.renkei.server.platform.RenkeiPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The feeds page: each feed's health, alarms of recent imports, the feed form and the upload box. */
@Controller
class FeedsPage {

    private static final int ALARMED_RUNS_SHOWN = 20;

    private final FeedCatalogue feeds;
    private final FeedOverview overview;
    private final ImportRuns runs;
    private final CollectorTick collectors;
    private final Spool spool;

    FeedsPage(FeedCatalogue feeds, FeedOverview overview, ImportRuns runs, CollectorTick collectors, Spool spool) {
        this.feeds = feeds;
        this.overview = overview;
        this.runs = runs;
        this.collectors = collectors;
        this.spool = spool;
    }

    @GetMapping("/feeds")
    String page(RenkeiPrincipal caller, @RequestParam(required = false) String edit, Model model) {
        model.addAttribute("health", overview.all(caller.organisationId()));
        model.addAttribute("alarmed", runs.alarmed(caller.organisationId(), ALARMED_RUNS_SHOWN));
        model.addAttribute("formats", List.of("shadowserver", "intelmq", "notice", "xarf", "csv"));
        model.addAttribute("editing", Optional.ofNullable(edit).flatMap(n -> feeds.find(caller.organisationId(), n))
                .orElse(null));
        model.addAttribute("watchRoot", spool.watched(caller.organisationId(), "x").getParent().toString());
        return "intake/feeds";
    }

    @PostMapping("/feeds")
    String save(RenkeiPrincipal caller, @RequestParam String name, @RequestParam Map<String, String> form,
            RedirectAttributes redirect) {
        Map<String, String> settings = new LinkedHashMap<>();
        String password = form.getOrDefault("password", "");
        try {
            // The form has every source's fields; only the chosen source's are kept.
            for (String key : FeedDefinition.settingsOf(FeedSource.fromCode(form.getOrDefault("source", "")))) {
                String value = form.getOrDefault(key, "").trim();
                if (!value.isEmpty()) {
                    settings.put(key, value);
                }
            }
            feeds.save(caller.organisationId(), name.trim(), new FeedDefinition(form.get("provider"),
                    form.get("format"), form.get("reportType"), form.get("mapping"), form.get("source"),
                    form.get("schedule"), settings, password.isEmpty() ? null : password,
                    form.containsKey("enabled")));
            redirect.addFlashAttribute("saved", name.trim());
        } catch (InvalidFeedException e) {
            redirect.addFlashAttribute("invalid", e.getMessage());
        }
        return "redirect:/feeds";
    }

    @PostMapping("/feeds/{name}/collect")
    String collect(RenkeiPrincipal caller, @PathVariable String name, RedirectAttributes redirect) {
        feeds.find(caller.organisationId(), name).ifPresent(collectors::collectNow);
        redirect.addFlashAttribute("collected", name);
        return "redirect:/feeds";
    }
}
