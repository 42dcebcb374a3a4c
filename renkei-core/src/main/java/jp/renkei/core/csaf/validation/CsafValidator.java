package jp.renkei.core.csaf.validation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Decides whether a CSAF 2.0 document is valid: the bundled JSON schema plus every mandatory test. */
public final class CsafValidator {

    private CsafValidator() {
    }

    /** Schema findings first, then mandatory-test findings in section order. */
    public static ValidationReport validate(JsonNode document) {
        List<Finding> findings = new ArrayList<>(CsafSchemas.bundled().validateDocument(document));
        findings.addAll(MandatoryTests.run(document));
        return new ValidationReport(findings);
    }
}
