package jp.renkei.server.escalation.web;

import java.util.ArrayList;
import java.util.List;

import jp.renkei.core.escalation.Channel;
import jp.renkei.core.escalation.Ladder;
import jp.renkei.core.escalation.LadderStep;
import jp.renkei.server.escalation.ExperimentDraft;
import jp.renkei.server.escalation.LadderChange;
import jp.renkei.server.escalation.LadderDraft;
import jp.renkei.server.escalation.LadderSetup;
import jp.renkei.server.escalation.Ladders;
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

/**
 * The ladder editor: every role reads the ladders; administrators edit them (a save is a new
 * version), choose the default and set up an experiment (SecurityConfig keeps POSTs to them).
 */
@Controller
class LadderPages {

    /** One editor row; blank rows are left out when saving. */
    record Row(String after, String channel) {
    }

    /** A ladder as the list shows it. */
    record LadderView(String name, int version, List<Row> steps, String quietHours, boolean isDefault, int weight) {
        static LadderView of(Ladder l, LadderSetup setup) {
            String quiet = l.quietHours().isEmpty() ? "" : l.quietHours().start() + "–" + l.quietHours().end() + " "
                    + l.quietHours().zone().getId();
            int weight = setup.experiment().flatMap(e -> e.arms().stream().filter(a -> a.ladder().equals(l.name()))
                    .map(LadderSetup.Arm::weight).findFirst()).orElse(0);
            return new LadderView(l.name(), l.version(), l.steps().stream()
                    .map(s -> new Row(delay(s), s.channel().code())).toList(), quiet,
                    l.name().equals(setup.defaultLadder()), weight);
        }
    }

    private static final int BLANK_ROWS = 3;

    private final Ladders ladders;

    LadderPages(Ladders ladders) {
        this.ladders = ladders;
    }

    @GetMapping("/escalation/ladders")
    String list(RenkeiPrincipal caller, Model model) {
        LadderSetup setup = ladders.setup(caller.organisationId());
        model.addAttribute("setup", setup);
        model.addAttribute("ladders", setup.ladders().stream().map(l -> LadderView.of(l, setup)).toList());
        return "escalation/ladders";
    }

    @GetMapping("/escalation/ladders/new")
    String create(RenkeiPrincipal caller, Model model) {
        model.addAttribute("editing", false);
        return form(model, "", rows(List.of()), "", "", "");
    }

    @GetMapping("/escalation/ladders/{name}")
    String edit(RenkeiPrincipal caller, @PathVariable String name, Model model) {
        Ladder ladder = ladders.latest(caller.organisationId(), name)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("editing", true);
        model.addAttribute("version", ladder.version());
        boolean quiet = !ladder.quietHours().isEmpty();
        return form(model, ladder.name(), rows(ladder.steps()), quiet ? ladder.quietHours().start().toString() : "",
                quiet ? ladder.quietHours().end().toString() : "", quiet ? ladder.quietHours().zone().getId() : "");
    }

    @PostMapping("/escalation/ladders")
    String save(RenkeiPrincipal caller, @RequestParam(defaultValue = "") String name,
            @RequestParam(name = "after", defaultValue = "") List<String> after,
            @RequestParam(name = "channel", defaultValue = "") List<String> channel,
            @RequestParam(defaultValue = "") String quietFrom, @RequestParam(defaultValue = "") String quietTo,
            @RequestParam(defaultValue = "") String quietZone, @RequestParam(defaultValue = "false") boolean editing,
            Model model, RedirectAttributes redirect) {
        List<Row> typed = new ArrayList<>();
        List<LadderDraft.Step> steps = new ArrayList<>();
        for (int i = 0; i < Math.max(after.size(), channel.size()); i++) {
            String a = i < after.size() ? after.get(i).strip() : "";
            String c = i < channel.size() ? channel.get(i).strip() : "";
            typed.add(new Row(a, c));
            if (!a.isEmpty() || !c.isEmpty()) {
                steps.add(new LadderDraft.Step(a, c));
            }
        }
        LadderChange change = ladders.save(caller.organisationId(), caller.actor(),
                new LadderDraft(name, steps, quietFrom, quietTo, quietZone));
        if (change instanceof LadderChange.Rejected r) {
            model.addAttribute("editing", editing);
            model.addAttribute("errorField", r.field());
            model.addAttribute("errorDetail", r.detail());
            return form(model, name, typed, quietFrom, quietTo, quietZone);
        }
        redirect.addFlashAttribute("saved", ((LadderChange.Saved) change).what());
        return "redirect:/escalation/ladders";
    }

    @PostMapping("/escalation/ladders/default")
    String chooseDefault(RenkeiPrincipal caller, @RequestParam(defaultValue = "") String ladder,
            RedirectAttributes redirect) {
        return answer(ladders.chooseDefault(caller.organisationId(), caller.actor(), ladder), redirect);
    }

    @PostMapping("/escalation/experiment")
    String startExperiment(RenkeiPrincipal caller, @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String seed,
            @RequestParam(name = "arm", defaultValue = "") List<String> arms,
            @RequestParam(name = "weight", defaultValue = "") List<String> weights, RedirectAttributes redirect) {
        List<LadderSetup.Arm> chosen = new ArrayList<>();
        for (int i = 0; i < arms.size(); i++) {
            String weight = i < weights.size() ? weights.get(i).strip() : "";
            if (arms.get(i).isBlank() || weight.isEmpty() || weight.equals("0")) {
                continue; // a ladder left at weight 0 (or blank) takes no part
            }
            if (!weight.matches("\\d{1,3}")) {
                return answer(new LadderChange.Rejected("experiment.arms[" + chosen.size() + "].weight",
                        "'" + weight + "' is not a whole number"), redirect);
            }
            chosen.add(new LadderSetup.Arm(arms.get(i), Integer.parseInt(weight)));
        }
        return answer(ladders.startExperiment(caller.organisationId(), caller.actor(),
                new ExperimentDraft(name, seed, chosen)), redirect);
    }

    @PostMapping("/escalation/experiment/end")
    String endExperiment(RenkeiPrincipal caller) {
        ladders.endExperiment(caller.organisationId(), caller.actor());
        return "redirect:/escalation/ladders";
    }

    private static String answer(LadderChange change, RedirectAttributes redirect) {
        if (change instanceof LadderChange.Rejected r) {
            redirect.addFlashAttribute("errorField", r.field());
            redirect.addFlashAttribute("errorDetail", r.detail());
        } else {
            redirect.addFlashAttribute("saved", ((LadderChange.Saved) change).what());
        }
        return "redirect:/escalation/ladders";
    }

    private static String form(Model model, String name, List<Row> rows, String quietFrom, String quietTo,
            String quietZone) {
        model.addAttribute("name", name);
        model.addAttribute("rows", rows);
        model.addAttribute("quietFrom", quietFrom);
        model.addAttribute("quietTo", quietTo);
        model.addAttribute("quietZone", quietZone);
        model.addAttribute("channels", Channel.values());
        return "escalation/ladder";
    }

    private static List<Row> rows(List<LadderStep> steps) {
        List<Row> rows = new ArrayList<>();
        for (LadderStep s : steps) {
            rows.add(new Row(delay(s), s.channel().code()));
        }
        for (int i = 0; i < BLANK_ROWS; i++) {
            rows.add(new Row("", ""));
        }
        return rows;
    }

    /** Days when whole, otherwise the ISO-8601 form. */
    static String delay(LadderStep step) {
        long seconds = step.after().toSeconds();
        return seconds % 86_400 == 0 ? String.valueOf(seconds / 86_400) : step.after().toString();
    }
}
