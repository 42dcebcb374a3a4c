package jp.renkei.server.portal.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The ISP's name as subscribers know it. Reads the platform's organisation table directly because
 * the platform offers no lookup by id yet (the portal has no signed-in principal to ask).
 */
@Component
public class IspNames {

    private final JdbcClient jdbc;

    IspNames(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The organisation's name, or an empty string when unknown. */
    public String of(long organisationId) {
        return jdbc.sql("select name from organisation where id = ?")
                .param(organisationId)
                .query(String.class)
                .optional()
                .orElse("");
    }
}
