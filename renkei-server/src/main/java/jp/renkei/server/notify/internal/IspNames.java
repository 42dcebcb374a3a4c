package jp.renkei.server.notify.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The ISP's name as its subscribers know it. Reads the platform's organisation table directly
 * because the platform offers no lookup by id yet.
 */
@Component("notifyIspNames")
class IspNames {

    private final JdbcClient jdbc;

    IspNames(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    String of(long organisationId) {
        return jdbc.sql("select name from organisation where id = ?")
                .param(organisationId)
                .query(String.class)
                .optional()
                .orElse("");
    }
}
