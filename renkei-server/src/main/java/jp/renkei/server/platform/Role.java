package jp.renkei.server.platform;

import java.util.Arrays;
import java.util.Locale;

/** What a user may do inside their own organisation. Enforced on the server, never in the page. */
public enum Role {
    /** Manages users and tokens, and may do everything an operator does. */
    ADMINISTRATOR,
    /** Imports data, works cases, sends notices. */
    OPERATOR,
    /** Reads everything, including the audit log; changes nothing. */
    AUDITOR;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The Spring Security authority, e.g. {@code ROLE_OPERATOR}. */
    public String authority() {
        return "ROLE_" + name();
    }

    public static Role fromCode(String code) {
        return Arrays.stream(values())
                .filter(r -> r.code().equalsIgnoreCase(code.trim()))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "unknown role '" + code + "' (expected administrator, operator or auditor)"));
    }
}
