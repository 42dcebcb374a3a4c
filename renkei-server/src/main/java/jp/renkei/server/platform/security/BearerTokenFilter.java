package jp.renkei.server.platform.security;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jp.renkei.server.platform.Accounts;
import jp.renkei.server.platform.RenkeiPrincipal;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** Authenticates API calls carrying {@code Authorization: Bearer <token>}; a wrong token is refused outright. */
class BearerTokenFilter extends OncePerRequestFilter {

    private final Accounts accounts;
    private final JsonErrors errors;

    BearerTokenFilter(Accounts accounts, JsonErrors errors) {
        this.accounts = accounts;
        this.errors = errors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            Optional<RenkeiPrincipal> principal = accounts.authenticateToken(header.substring(7).trim());
            if (principal.isEmpty()) {
                errors.write(response, HttpServletResponse.SC_UNAUTHORIZED, "invalid-token",
                        "the token is unknown or revoked");
                return;
            }
            RenkeiPrincipal p = principal.get();
            var auth = new UsernamePasswordAuthenticationToken(p, null,
                    List.of(new SimpleGrantedAuthority(p.role().authority())));
            SecurityContextHolder.getContext().setAuthentication(auth);
        }
        chain.doFilter(request, response);
    }
}
