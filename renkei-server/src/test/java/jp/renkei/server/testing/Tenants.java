package jp.renkei.server.testing;

import java.util.UUID;

import jp.renkei.server.platform.Accounts;
import jp.renkei.server.platform.OrganisationKind;
import jp.renkei.server.platform.Role;

/**
 * Fresh organisations and users for tests that share one application context: a test working in
 * its own organisation cannot be disturbed by (or disturb) another test's data.
 */
public final class Tenants {

    /** A user of an organisation, with the API token and password that sign them in. */
    public record Member(long organisationId, String username, String password, String token) {}

    private final Accounts accounts;

    public Tenants(Accounts accounts) {
        this.accounts = accounts;
    }

    /** A new ISP with one user of the given role. */
    public Member newIsp(String name, Role role) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        long org = accounts.createOrganisation(name + " " + suffix, OrganisationKind.ISP);
        return member(org, role);
    }

    /** Another user, with the given role, of an existing organisation. */
    public Member member(long organisationId, Role role) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String username = role.code() + "-" + suffix;
        String password = "pw-" + suffix + "-long-enough";
        long user = accounts.createUser(organisationId, username, username, password, role);
        String token = "rk_test_" + suffix;
        accounts.storeToken(organisationId, user, "test", token);
        return new Member(organisationId, username, password, token);
    }
}
