package jp.renkei.server.platform.internal;

import java.security.SecureRandom;
import java.util.Base64;

import jp.renkei.server.platform.Accounts;
import jp.renkei.server.platform.OrganisationKind;
import jp.renkei.server.platform.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * First start on an empty database: creates the first organisation and its administrator, so a
 * fresh install is usable from the API ({@code RENKEI_BOOTSTRAP_TOKEN}) and the browser (password
 * from {@code RENKEI_BOOTSTRAP_PASSWORD}, or generated and printed once).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class Bootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(Bootstrap.class);

    private final Accounts accounts;
    private final Environment env;

    Bootstrap(Accounts accounts, Environment env) {
        this.accounts = accounts;
        this.env = env;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (!accounts.isEmpty()) {
            return;
        }
        String orgName = env.getProperty("renkei.bootstrap.org", "Demo ISP");
        OrganisationKind kind = OrganisationKind.fromCode(env.getProperty("renkei.bootstrap.org-kind", "isp"));
        String token = env.getProperty("renkei.bootstrap.token", "");
        String password = env.getProperty("renkei.bootstrap.password", "");
        boolean generated = password.isEmpty();
        if (generated) {
            byte[] bytes = new byte[12];
            new SecureRandom().nextBytes(bytes);
            password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        }
        long org = accounts.createOrganisation(orgName, kind);
        long admin = accounts.createUser(org, "admin", "Administrator", password, Role.ADMINISTRATOR);
        if (!token.isEmpty()) {
            accounts.storeToken(org, admin, "bootstrap", token);
        }
        log.info("Created organisation '{}' ({}) with administrator 'admin'{}{}", orgName, kind.code(),
                token.isEmpty() ? "" : " holding the RENKEI_BOOTSTRAP_TOKEN API token",
                generated ? "; generated password (shown once): " + password : "");
    }
}
