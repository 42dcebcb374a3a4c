package jp.renkei.server.quarantine.web;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jp.renkei.server.platform.RenkeiPrincipal;
import jp.renkei.server.quarantine.Quarantine;
import jp.renkei.server.quarantine.Quarantines;
import jp.renkei.server.quarantine.internal.EnforcementAction;
import jp.renkei.server.quarantine.internal.EnforcementLedger;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;

/**
 * The quarantines page: every quarantine with its grounds, its enforcement actions (state, attempts,
 * what the peer answered, the last error) and, for operators, release and retry. Another
 * organisation's quarantine or action answers 404.
 */
@Controller
class QuarantinePages {

    private final Quarantines quarantines;
    private final EnforcementLedger ledger;
    private final Clock clock;

    QuarantinePages(Quarantines quarantines, EnforcementLedger ledger, Clock clock) {
        this.quarantines = quarantines;
        this.ledger = ledger;
        this.clock = clock;
    }

    @GetMapping("/quarantines")
    String list(RenkeiPrincipal caller, Model model) {
        long org = caller.organisationId();
        Map<Quarantine, List<EnforcementAction>> rows = new LinkedHashMap<>();
        for (Quarantine q : quarantines.list(org, 200)) {
            rows.put(q, ledger.of(org, q.id()));
        }
        model.addAttribute("rows", rows);
        model.addAttribute("recent", ledger.recent(org, 20));
        return "quarantine/list";
    }

    @GetMapping("/quarantines/{id}")
    String one(RenkeiPrincipal caller, @PathVariable long id, Model model) {
        Quarantine q = quarantines.find(caller.organisationId(), id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("rows", Map.of(q, ledger.of(caller.organisationId(), id)));
        model.addAttribute("recent", List.of());
        return "quarantine/list";
    }

    @PostMapping("/quarantines/{id}/release")
    String release(RenkeiPrincipal caller, @PathVariable long id) {
        if (quarantines.find(caller.organisationId(), id).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        quarantines.releaseByStaff(caller.organisationId(), id, caller.actor(), clock.instant());
        return "redirect:/quarantines";
    }

    @PostMapping("/quarantines/actions/{id}/retry")
    String retry(RenkeiPrincipal caller, @PathVariable long id) {
        if (!ledger.retry(caller.organisationId(), id, clock.instant())) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return "redirect:/quarantines";
    }
}
