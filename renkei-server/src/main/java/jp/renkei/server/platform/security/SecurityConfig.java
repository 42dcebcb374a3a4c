package jp.renkei.server.platform.security;

import jp.renkei.server.platform.Accounts;
import jp.renkei.server.platform.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/**
 * Who may do what, in one place. The API authenticates with bearer tokens and no session; the
 * web UI with a password form. The subscriber portal and the demo mail viewer need no login.
 * Role rules live here rather than in pages so the role matrix test covers all of them.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    private static final String ADMIN = Role.ADMINISTRATOR.name();
    private static final String OPERATOR = Role.OPERATOR.name();
    private static final String AUDITOR = Role.AUDITOR.name();

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, Accounts accounts, JsonErrors errors) throws Exception {
        return http
                .securityMatcher("/api/**")
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(new BearerTokenFilter(accounts, errors), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(a -> a
                        // Secrecy of communications: who looked up whom is for auditors' eyes only.
                        .requestMatchers("/api/v1/audit/**").hasRole(AUDITOR)
                        .requestMatchers("/api/v1/users/**").hasRole(ADMIN)
                        // NAS clients carry shared secrets: for the people who run the network only.
                        .requestMatchers("/api/v1/nas-clients/**", "/api/v1/radius/**").hasAnyRole(ADMIN, OPERATOR)
                        // Every user manages their own tokens, auditors included (read-only tokens).
                        .requestMatchers(HttpMethod.POST, "/api/v1/tokens").hasAnyRole(ADMIN, OPERATOR, AUDITOR)
                        // escalation: ladders, the default and experiments are the administrator's to change.
                        .requestMatchers(HttpMethod.PUT, "/api/v1/ladders/**").hasRole(ADMIN)
                        .requestMatchers(HttpMethod.GET, "/api/**").hasAnyRole(ADMIN, OPERATOR, AUDITOR)
                        .requestMatchers("/api/**").hasAnyRole(ADMIN, OPERATOR)
                        .anyRequest().denyAll())
                .exceptionHandling(e -> e
                        .authenticationEntryPoint(errors::unauthenticated)
                        .accessDeniedHandler(errors::forbidden))
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain web(HttpSecurity http) throws Exception {
        return http
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/login", "/error", "/css/**", "/js/**", "/webjars/**", "/favicon.ico",
                                "/portal/**", "/demo/mail/**", "/actuator/health").permitAll()
                        // vendor psirt: the contact point (security.txt, policy, report form) needs no login;
                        // its settings (public address, policy texts, targets) are the administrator's.
                        .requestMatchers("/.well-known/security.txt", "/vendors/**").permitAll()
                        .requestMatchers(HttpMethod.POST, "/psirt/settings").hasRole(ADMIN)
                        // vendor advisories: the CSAF provider directory (TLP:WHITE only), the advisory pages and
                        // the owners' registration are public (under /vendors/** above); authoring, publishing and
                        // importing are for administrators and operators by the general rules below.
                        .requestMatchers(HttpMethod.GET, "/.well-known/csaf/**").permitAll()
                        .requestMatchers(HttpMethod.POST, "/settings/users/**").hasRole(ADMIN)
                        // quarantine (garden): the walled-garden page (only on its own port) needs no login;
                        // enforcement settings, the allow list and the ISP policy are the administrator's.
                        .requestMatchers("/walled-garden", "/walled-garden/**").permitAll()
                        .requestMatchers(HttpMethod.POST, "/settings/garden/**", "/settings/quarantine-policy/**")
                            .hasRole(ADMIN)
                        .requestMatchers("/audit/**").hasRole(AUDITOR)
                        // notify channels: gateway headers and the LINE token are the administrator's; letters and
                        // the call list show addresses and phone numbers, for the staff who send and call.
                        .requestMatchers("/notify/channels/**").hasRole(ADMIN)
                        .requestMatchers("/notify/letters/**", "/notify/call-list/**").hasAnyRole(ADMIN, OPERATOR)
                        .requestMatchers("/settings/nas/**").hasAnyRole(ADMIN, OPERATOR)
                        // portal: the ISP's remediation steps are edited (and read) by administrators and operators.
                        .requestMatchers("/remediation", "/remediation/**").hasAnyRole(ADMIN, OPERATOR)
                        .requestMatchers("/settings/users/**").hasAnyRole(ADMIN, AUDITOR)
                        .requestMatchers(HttpMethod.POST, "/settings/tokens/**").authenticated()
                        // escalation: every role reads the ladders; administrators edit them.
                        .requestMatchers(HttpMethod.POST, "/escalation/**").hasRole(ADMIN)
                        .requestMatchers(HttpMethod.GET, "/**").hasAnyRole(ADMIN, OPERATOR, AUDITOR)
                        .anyRequest().hasAnyRole(ADMIN, OPERATOR))
                .formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
                .logout(l -> l.logoutSuccessUrl("/login?logout"))
                .build();
    }
}
