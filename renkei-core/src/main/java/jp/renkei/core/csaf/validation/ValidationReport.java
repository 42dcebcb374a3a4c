package jp.renkei.core.csaf.validation;

import java.util.List;

/** All findings for one document; the document is valid when there are none. */
public record ValidationReport(List<Finding> findings) {

    public ValidationReport {
        findings = List.copyOf(findings);
    }

    /** Whether the document passed the schema and every mandatory test. */
    public boolean valid() {
        return findings.isEmpty();
    }

    /** The findings of one test, e.g. {@code 6.1.1}. */
    public List<Finding> of(String test) {
        return findings.stream().filter(f -> f.test().equals(test)).toList();
    }
}
