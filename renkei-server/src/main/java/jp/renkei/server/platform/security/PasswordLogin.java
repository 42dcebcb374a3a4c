package jp.renkei.server.platform.security;

import java.util.Collection;
import java.util.List;

import jp.renkei.server.platform.Accounts;
import jp.renkei.server.platform.RenkeiPrincipal;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** Form login: looks users up by username; users without a password can only use tokens. */
@Component
class PasswordLogin implements UserDetailsService {

    private final Accounts accounts;

    PasswordLogin(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return accounts.login(username)
                .filter(l -> l.passwordHash() != null)
                .map(l -> new LoggedIn(l.principal(), l.passwordHash()))
                .orElseThrow(() -> new UsernameNotFoundException(username));
    }

    /** The session's user; carries the principal so controllers need no second lookup. */
    record LoggedIn(RenkeiPrincipal principal, String passwordHash) implements UserDetails {
        @Override
        public Collection<? extends GrantedAuthority> getAuthorities() {
            return List.of(new SimpleGrantedAuthority(principal.role().authority()));
        }

        @Override
        public String getPassword() {
            return passwordHash;
        }

        @Override
        public String getUsername() {
            return principal.username();
        }
    }
}
