package jp.renkei.server.platform.security;

import java.util.Optional;

import jp.renkei.server.platform.RenkeiPrincipal;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The principal of the current request, however the caller authenticated. */
public final class SignedIn {

    private SignedIn() {}

    public static Optional<RenkeiPrincipal> principal() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        Object principal = auth == null ? null : auth.getPrincipal();
        if (principal instanceof RenkeiPrincipal p) {
            return Optional.of(p);
        }
        if (principal instanceof PasswordLogin.LoggedIn l) {
            return Optional.of(l.principal());
        }
        return Optional.empty();
    }
}
