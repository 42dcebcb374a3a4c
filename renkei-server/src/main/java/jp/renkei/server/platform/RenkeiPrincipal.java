package jp.renkei.server.platform;

/**
 * Who is calling: a user of one organisation with one role. Controllers take it as a parameter
 * and pass {@link #organisationId()} to every query, so tenant scoping is visible in the code.
 */
public record RenkeiPrincipal(
        long userId, long organisationId, String organisationName, OrganisationKind organisationKind,
        String username, String displayName, Role role) {

    /** True for roles that may change data (import, work cases). */
    public boolean canWrite() {
        return role == Role.ADMINISTRATOR || role == Role.OPERATOR;
    }

    /** Name written to the audit log and import log. */
    public String actor() {
        return username;
    }
}
