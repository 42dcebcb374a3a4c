package jp.renkei.core.vulnerabilities;

import java.util.Objects;

/**
 * A severity of an OSV record.
 *
 * @param type  {@code CVSS_V3}, {@code CVSS_V4}, {@code CVSS_V2}, {@code Ubuntu} …
 * @param score the vector or value as written
 */
public record OsvSeverity(String type, String score) {

    /** Rejects nulls. */
    public OsvSeverity {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(score, "score");
    }
}
