package jp.renkei.server.platform.web;

import java.util.List;
import java.util.Map;

import jp.renkei.server.platform.Accounts;
import jp.renkei.server.platform.AuditLog;
import jp.renkei.server.platform.RenkeiPrincipal;
import jp.renkei.server.platform.Role;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** REST v1: who am I, my tokens, my organisation's users (administrators), the audit log (auditors). */
@RestController
@RequestMapping("/api/v1")
class AccountsApi {

    private final Accounts accounts;
    private final AuditLog audit;

    AccountsApi(Accounts accounts, AuditLog audit) {
        this.accounts = accounts;
        this.audit = audit;
    }

    @GetMapping("/me")
    RenkeiPrincipal me(RenkeiPrincipal caller) {
        return caller;
    }

    record TokenRequest(String name) {}

    @PostMapping("/tokens")
    ResponseEntity<Accounts.IssuedToken> issueToken(RenkeiPrincipal caller, @RequestBody TokenRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(accounts.issueToken(caller, request.name()));
    }

    @GetMapping("/users")
    List<Accounts.User> users(RenkeiPrincipal caller) {
        return accounts.users(caller.organisationId());
    }

    record UserRequest(String username, String displayName, String password, String role) {}

    @PostMapping("/users")
    ResponseEntity<?> createUser(RenkeiPrincipal caller, @RequestBody UserRequest request) {
        try {
            long id = accounts.createUser(caller.organisationId(), request.username(),
                    request.displayName() == null ? request.username() : request.displayName(),
                    request.password(), Role.fromCode(request.role() == null ? "" : request.role()));
            audit.record(caller.organisationId(), caller.actor(), "user-created", request.username(), request.role());
            return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("id", id));
        } catch (IllegalArgumentException e) {
            return ResponseEntity.badRequest().body(Map.of("reason", "invalid", "detail", e.getMessage()));
        }
    }

    @GetMapping("/audit")
    List<AuditLog.AuditEvent> audit(RenkeiPrincipal caller) {
        return audit.recent(caller.organisationId(), 1000);
    }
}
