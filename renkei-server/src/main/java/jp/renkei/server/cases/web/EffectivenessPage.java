package jp.renkei.server.cases.web;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import jp.renkei.server.cases.effectiveness.ArmComparison;
import jp.renkei.server.cases.effectiveness.CurvePoint;
import jp.renkei.server.cases.effectiveness.EffectivenessQueries;
import jp.renkei.server.cases.effectiveness.GroupFigures;
import jp.renkei.server.cases.effectiveness.Grouping;
import jp.renkei.server.cases.effectiveness.RemediationChart;
import jp.renkei.server.platform.RenkeiPrincipal;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * What works for the ISP desk: per channel of the first notice (or per ladder, or ladder arm) the
 * cases, times to acknowledge and to a verified fix, shares verified and closed unverified, the
 * remediation curves as SVG with a table of the same numbers, and the arms of ladder experiments.
 */
@Controller
class EffectivenessPage {

    private final EffectivenessQueries effectiveness;
    private final Clock clock;

    EffectivenessPage(EffectivenessQueries effectiveness, Clock clock) {
        this.effectiveness = effectiveness;
        this.clock = clock;
    }

    @GetMapping("/cases/effectiveness")
    String show(RenkeiPrincipal caller, @RequestParam Optional<String> by, Model model) {
        Grouping grouping = by.filter(b -> !b.isBlank()).map(b -> Grouping.fromCode(b).orElseThrow(
                () -> new ResponseStatusException(HttpStatus.BAD_REQUEST,
                        "by: unknown grouping '" + b + "' (channel, ladder or arm)")))
                .orElse(Grouping.CHANNEL);
        long org = caller.organisationId();
        List<GroupFigures> figures = effectiveness.figures(org, grouping);
        List<CurvePoint> curves = effectiveness.curves(org, grouping, clock.instant());
        model.addAttribute("by", grouping.code());
        model.addAttribute("figures", figures);
        model.addAttribute("chart", RemediationChart.of(curves));
        model.addAttribute("days", curves.stream().map(CurvePoint::day).distinct().sorted().toList());
        model.addAttribute("curves", curves);
        model.addAttribute("experiments", ArmComparison.of(grouping == Grouping.ARM ? figures
                : effectiveness.figures(org, Grouping.ARM)));
        return "cases/effectiveness";
    }
}
