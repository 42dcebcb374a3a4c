package jp.renkei.server.cases.web;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import jp.renkei.core.cases.CaseState;
import jp.renkei.core.intake.ProblemKind;
import jp.renkei.core.intake.Severity;
import jp.renkei.server.cases.CaseFilter;
import jp.renkei.server.cases.CaseManagement;
import jp.renkei.server.cases.CaseNotices;
import jp.renkei.server.cases.SubscriberCase;
import jp.renkei.server.intake.ObservationQueries;
import jp.renkei.server.platform.RenkeiPrincipal;
import jp.renkei.server.subscribers.SubscriberDirectory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** The ISP desk's pages: dashboard, case list with filters, and one case with everything known about it. */
@Controller
class CasePages {

    private final CaseManagement cases;
    private final ObservationQueries observations;
    private final SubscriberDirectory directory;
    private final ObjectProvider<CaseNotices> notices;

    CasePages(CaseManagement cases, ObservationQueries observations, SubscriberDirectory directory,
            ObjectProvider<CaseNotices> notices) {
        this.cases = cases;
        this.observations = observations;
        this.directory = directory;
        this.notices = notices;
    }

    @GetMapping("/")
    String dashboard(RenkeiPrincipal caller, Model model) {
        long org = caller.organisationId();
        Map<ProblemKind, Long> byKind = cases.openCountsByKind(org);
        model.addAttribute("counts", cases.countsByState(org));
        model.addAttribute("outcomes", cases.outcomes(org));
        model.addAttribute("byKind", byKind);
        model.addAttribute("maxKind", Math.max(1, byKind.values().stream().mapToLong(Long::longValue).max().orElse(1)));
        model.addAttribute("latest", cases.list(org, CaseFilter.all(), 10));
        return "cases/dashboard";
    }

    @GetMapping("/cases")
    String list(RenkeiPrincipal caller, @RequestParam Optional<String> state, @RequestParam Optional<String> kind,
            @RequestParam Optional<String> subscriber, @RequestParam Optional<String> fixReported,
            @RequestParam Optional<String> severity, @RequestParam Optional<String> sort,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        Optional<CaseState> s = state.filter(v -> !v.isBlank()).flatMap(CasePages::stateOf);
        Optional<ProblemKind> k = kind.filter(v -> !v.isBlank()).flatMap(CasePages::kindOf);
        Optional<String> sub = subscriber.map(String::strip).filter(v -> !v.isEmpty());
        Optional<Boolean> fix = fixReported.filter(v -> v.equals("yes") || v.equals("no")).map(v -> v.equals("yes"));
        Optional<Severity> grade = severity.flatMap(Severity::parse);
        boolean severestFirst = sort.filter(v -> v.equals("severity")).isPresent();
        List<SubscriberCase> found = cases.list(caller.organisationId(),
                new CaseFilter(s, k, sub, fix, grade, severestFirst), 500);
        model.addAttribute("fixReported", fixReported.filter(v -> v.equals("yes") || v.equals("no")).orElse(""));
        model.addAttribute("cases", found);
        model.addAttribute("states", CaseState.values());
        model.addAttribute("kinds", ProblemKind.values());
        model.addAttribute("state", s.map(CaseState::code).orElse(""));
        model.addAttribute("kind", k.map(ProblemKind::code).orElse(""));
        model.addAttribute("subscriber", sub.orElse(""));
        model.addAttribute("severities", Severity.values());
        model.addAttribute("severity", grade.map(Severity::code).orElse(""));
        model.addAttribute("sort", severestFirst ? "severity" : "recent");
        // htmx swaps only the result table when a filter changes.
        return htmx != null ? "cases/list :: results" : "cases/list";
    }

    @GetMapping("/cases/{id}")
    String detail(RenkeiPrincipal caller, @PathVariable long id, Model model) {
        long org = caller.organisationId();
        SubscriberCase c = cases.find(org, id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("c", c);
        model.addAttribute("milestones", cases.milestones(org, id).orElseThrow());
        // Showing who the subscriber is counts as an identity lookup: audited with the case as purpose.
        model.addAttribute("subscriber", directory.find(org, c.subscriberId(), caller.actor(), "case " + id + " viewed"));
        model.addAttribute("observations", observations.byIds(org, cases.observationIds(org, id)));
        model.addAttribute("notices", notices.orderedStream().flatMap(n -> n.forCase(org, id).stream()).toList());
        model.addAttribute("timeline", cases.timeline(org, id));
        return "cases/detail";
    }

    private static Optional<CaseState> stateOf(String code) {
        try {
            return Optional.of(CaseState.fromCode(code));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<ProblemKind> kindOf(String code) {
        try {
            return Optional.of(ProblemKind.fromCode(code));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
