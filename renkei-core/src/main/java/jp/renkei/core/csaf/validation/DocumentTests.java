package jp.renkei.core.csaf.validation;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Tests 6.1.15, 6.1.26 and 6.1.28: translator, document category and translation metadata. */
final class DocumentTests {

    /** The categories of the CSAF 2.0 profiles; documents with these skip test 6.1.26. */
    static final Set<String> PROFILE_CATEGORIES = Set.of("csaf_base", "csaf_security_incident_response",
            "csaf_informational_advisory", "csaf_security_advisory", "csaf_vex");

    /** Profile names and values other than CSAF Base, normalised as 6.1.26 prescribes. */
    private static final Set<String> PROHIBITED = Set.of(
            "securityincidentresponse", "informationaladvisory", "securityadvisory", "vex",
            "csafsecurityincidentresponse", "csafinformationaladvisory", "csafsecurityadvisory", "csafvex");

    private DocumentTests() {
    }

    /** 6.1.15: a translator publisher states the source language. */
    static List<Finding> translator(At document) {
        At doc = document.get("document");
        if (doc.at("publisher", "category").text().equals("translator") && !doc.get("source_lang").present()) {
            return List.of(doc.get("source_lang").finding("6.1.15", "a translator must give source_lang"));
        }
        return List.of();
    }

    /** 6.1.26: a CSAF Base document does not borrow another profile's name or the csaf_ prefix. */
    static List<Finding> prohibitedDocumentCategoryName(At document) {
        At category = document.at("document", "category");
        if (!category.isText() || PROFILE_CATEGORIES.contains(category.text())) {
            return List.of();
        }
        String lower = category.text().toLowerCase(Locale.ROOT);
        String normalised = lower.replaceAll("[-\\s_]", "");
        if (PROHIBITED.contains(normalised)) {
            return List.of(category.finding("6.1.26", "'" + category.text() + "' is the name of another profile"));
        }
        if (lower.startsWith("csaf_")) {
            return List.of(category.finding("6.1.26", "the prefix csaf_ is reserved"));
        }
        return List.of();
    }

    /** 6.1.28: a translation's language differs from its source language. */
    static List<Finding> translation(At document) {
        At lang = document.at("document", "lang");
        At source = document.at("document", "source_lang");
        if (lang.isText() && source.isText() && lang.text().equalsIgnoreCase(source.text())) {
            return List.of(source.finding("6.1.28", "source_lang equals lang (" + lang.text() + ")"));
        }
        return List.of();
    }
}
