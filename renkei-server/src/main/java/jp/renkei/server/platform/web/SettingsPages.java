package jp.renkei.server.platform.web;

import jp.renkei.server.platform.Accounts;
import jp.renkei.server.platform.AuditLog;
import jp.renkei.server.platform.RenkeiPrincipal;
import jp.renkei.server.platform.Role;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** API tokens (every user, their own), users (administrators) and the audit log (administrators, auditors). */
@Controller
class SettingsPages {

    private final Accounts accounts;
    private final AuditLog audit;

    SettingsPages(Accounts accounts, AuditLog audit) {
        this.accounts = accounts;
        this.audit = audit;
    }

    @GetMapping("/settings/tokens")
    String tokens(RenkeiPrincipal caller, Model model) {
        model.addAttribute("tokens", accounts.tokens(caller));
        return "platform/tokens";
    }

    @PostMapping("/settings/tokens")
    String issueToken(RenkeiPrincipal caller, @RequestParam String name, RedirectAttributes redirect) {
        Accounts.IssuedToken token = accounts.issueToken(caller, name);
        redirect.addFlashAttribute("issued", token);
        return "redirect:/settings/tokens";
    }

    @PostMapping("/settings/tokens/{id}/revoke")
    String revokeToken(RenkeiPrincipal caller, @PathVariable long id) {
        accounts.revokeToken(caller, id);
        return "redirect:/settings/tokens";
    }

    @GetMapping("/settings/users")
    String users(RenkeiPrincipal caller, Model model) {
        model.addAttribute("users", accounts.users(caller.organisationId()));
        model.addAttribute("roles", Role.values());
        return "platform/users";
    }

    @PostMapping("/settings/users")
    String createUser(RenkeiPrincipal caller, @RequestParam String username, @RequestParam String displayName,
            @RequestParam String password, @RequestParam String role, RedirectAttributes redirect) {
        try {
            accounts.createUser(caller.organisationId(), username, displayName, password, Role.fromCode(role));
            audit.record(caller.organisationId(), caller.actor(), "user-created", username, role);
            redirect.addFlashAttribute("created", username);
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/settings/users";
    }

    @GetMapping("/audit")
    String audit(RenkeiPrincipal caller, Model model) {
        model.addAttribute("events", audit.recent(caller.organisationId(), 500));
        return "platform/audit";
    }
}
