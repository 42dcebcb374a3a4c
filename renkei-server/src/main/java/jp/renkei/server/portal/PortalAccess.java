package jp.renkei.server.portal;

import java.security.SecureRandom;
import java.util.Optional;

import jp.renkei.core.portal.AccessCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Access codes for the subscriber portal. The code itself is returned once; only its SHA-256 is stored. */
@Service
public class PortalAccess {

    private final SecureRandom random = new SecureRandom();
    private final JdbcClient jdbc;

    PortalAccess(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Issues a new code for the case, stored as a hash in the caller's transaction. Several codes
     * may open the same case (e.g. a mail and a later letter).
     */
    @Transactional
    public AccessCode issue(long organisationId, long caseId) {
        while (true) {
            AccessCode code = AccessCode.generate(random);
            // "do nothing" rather than catching a duplicate key: a failed insert would abort the caller's transaction.
            int stored = jdbc.sql("""
                    insert into portal_access (code_hash, organisation_id, case_id) values (?, ?, ?)
                    on conflict (code_hash) do nothing""")
                    .params(code.hash(), organisationId, caseId)
                    .update();
            if (stored == 1) {
                return code;
            }
        }
    }

    /** The case a typed code opens, if it is a code Renkei issued. */
    public Optional<PortalGrant> open(AccessCode code) {
        return jdbc.sql("select organisation_id, case_id from portal_access where code_hash = ?")
                .param(code.hash())
                .query((rs, i) -> new PortalGrant(rs.getLong("organisation_id"), rs.getLong("case_id")))
                .optional();
    }
}
