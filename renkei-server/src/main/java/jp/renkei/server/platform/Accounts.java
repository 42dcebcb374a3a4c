package jp.renkei.server.platform;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Organisations, their users and the users' API tokens. Tokens are shown once, when issued;
 * only their SHA-256 is stored.
 */
@Service
public class Accounts {

    /** A user as listed to administrators. */
    public record User(long id, String username, String displayName, Role role, Instant createdAt) {}

    /** A token as listed to its owner (never with its secret). */
    public record ApiToken(long id, String name, Instant createdAt, Optional<Instant> lastUsedAt, boolean revoked) {}

    /** A newly issued token: the only moment its secret is known. */
    public record IssuedToken(long id, String name, String secret) {}

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;

    Accounts(JdbcClient jdbc, PasswordEncoder passwords) {
        this.jdbc = jdbc;
        this.passwords = passwords;
    }

    /** True while no organisation exists: the first start of a fresh database. */
    public boolean isEmpty() {
        return jdbc.sql("select not exists (select 1 from organisation)").query(Boolean.class).single();
    }

    /** The id of the organisation with this name, if it exists. */
    public Optional<Long> findOrganisation(String name) {
        return jdbc.sql("select id from organisation where name = ?").param(name).query(Long.class).optional();
    }

    /** The organisation's name as its subscribers know it (shown in notices and on the portal). */
    public String organisationName(long organisationId) {
        return jdbc.sql("select name from organisation where id = ?").param(organisationId)
                .query(String.class).optional()
                .orElseThrow(() -> new IllegalArgumentException("no organisation " + organisationId));
    }

    /** Creates an organisation and returns its id. */
    @Transactional
    public long createOrganisation(String name, OrganisationKind kind) {
        return jdbc.sql("insert into organisation (name, kind) values (?, ?) returning id")
                .params(name, kind.code()).query(Long.class).single();
    }

    /** Creates a user of an organisation; a null password means API-token access only. */
    @Transactional
    public long createUser(long organisationId, String username, String displayName, String password, Role role) {
        if (username == null || !username.matches("[A-Za-z0-9._@-]{2,64}")) {
            throw new IllegalArgumentException("username must be 2-64 letters, digits or . _ @ -");
        }
        try {
            return jdbc.sql("""
                    insert into app_user (organisation_id, username, display_name, password_hash, role)
                    values (?, ?, ?, ?, ?) returning id""")
                    .params(organisationId, username, displayName,
                            password == null || password.isEmpty() ? null : passwords.encode(password), role.code())
                    .query(Long.class).single();
        } catch (DuplicateKeyException e) {
            throw new IllegalArgumentException("username '" + username + "' is taken", e);
        }
    }

    /** The users of one organisation. */
    public List<User> users(long organisationId) {
        return jdbc.sql("""
                select id, username, display_name, role, created_at from app_user
                where organisation_id = ? order by username""")
                .param(organisationId)
                .query((rs, i) -> new User(rs.getLong("id"), rs.getString("username"),
                        rs.getString("display_name"), Role.fromCode(rs.getString("role")),
                        rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    /** Issues a new random token for the caller. */
    @Transactional
    public IssuedToken issueToken(RenkeiPrincipal owner, String name) {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        String secret = "rk_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        return new IssuedToken(storeToken(owner.organisationId(), owner.userId(), name, secret), name, secret);
    }

    /** Registers a token whose secret was chosen elsewhere (the bootstrap token). */
    @Transactional
    public long storeToken(long organisationId, long userId, String name, String secret) {
        String label = name == null || name.isBlank() ? "token" : name.strip();
        return jdbc.sql("""
                insert into api_token (organisation_id, user_id, name, token_hash)
                values (?, ?, ?, ?) returning id""")
                .params(organisationId, userId, label, Hashes.sha256Hex(secret))
                .query(Long.class).single();
    }

    /** The caller's own tokens. */
    public List<ApiToken> tokens(RenkeiPrincipal owner) {
        return jdbc.sql("""
                select id, name, created_at, last_used_at, revoked_at is not null as revoked
                from api_token where user_id = ? and organisation_id = ? order by created_at desc""")
                .params(owner.userId(), owner.organisationId())
                .query((rs, i) -> new ApiToken(rs.getLong("id"), rs.getString("name"),
                        rs.getTimestamp("created_at").toInstant(),
                        Optional.ofNullable(rs.getTimestamp("last_used_at")).map(java.sql.Timestamp::toInstant),
                        rs.getBoolean("revoked")))
                .list();
    }

    /** Revokes one of the caller's own tokens; another user's token is left alone. */
    @Transactional
    public boolean revokeToken(RenkeiPrincipal owner, long tokenId) {
        return jdbc.sql("""
                update api_token set revoked_at = now()
                where id = ? and user_id = ? and organisation_id = ? and revoked_at is null""")
                .params(tokenId, owner.userId(), owner.organisationId())
                .update() == 1;
    }

    /** The principal a bearer token stands for, if the token is known and not revoked. */
    @Transactional
    public Optional<RenkeiPrincipal> authenticateToken(String secret) {
        Optional<RenkeiPrincipal> principal = jdbc.sql(PRINCIPAL_SELECT + """
                join api_token t on t.user_id = u.id
                where t.token_hash = ? and t.revoked_at is null""")
                .param(Hashes.sha256Hex(secret))
                .query(Accounts::principal)
                .optional();
        principal.ifPresent(p -> jdbc.sql("update api_token set last_used_at = now() where token_hash = ?")
                .param(Hashes.sha256Hex(secret)).update());
        return principal;
    }

    /** The principal and password hash for a username, for form login. */
    public Optional<Login> login(String username) {
        return jdbc.sql(PRINCIPAL_SELECT + " where u.username = ?")
                .param(username)
                .query((rs, i) -> new Login(principal(rs, i), rs.getString("password_hash")))
                .optional();
    }

    /** A user's identity with the stored password hash (null when password login is off). */
    public record Login(RenkeiPrincipal principal, String passwordHash) {}

    private static final String PRINCIPAL_SELECT = """
            select u.id as user_id, u.organisation_id, o.name as org_name, o.kind as org_kind, u.username,
                   u.display_name, u.role, u.password_hash
            from app_user u join organisation o on o.id = u.organisation_id
            """;

    private static RenkeiPrincipal principal(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new RenkeiPrincipal(rs.getLong("user_id"), rs.getLong("organisation_id"), rs.getString("org_name"),
                OrganisationKind.fromCode(rs.getString("org_kind")), rs.getString("username"),
                rs.getString("display_name"), Role.fromCode(rs.getString("role")));
    }
}
