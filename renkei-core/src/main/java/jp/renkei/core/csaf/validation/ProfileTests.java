package jp.renkei.core.csaf.validation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** Tests 6.1.27.1 to 6.1.27.11: what each profile requires; a test is skipped for other categories. */
final class ProfileTests {

    private static final String ADVISORY = "csaf_security_advisory";
    private static final String VEX = "csaf_vex";
    private static final String INFORMATIONAL = "csaf_informational_advisory";
    private static final String INCIDENT = "csaf_security_incident_response";

    private ProfileTests() {
    }

    private static boolean category(At document, String... categories) {
        return Set.of(categories).contains(document.at("document", "category").text());
    }

    /** 6.1.27.1: informational and incident documents have a describing document note. */
    static List<Finding> documentNotes(At document) {
        if (!category(document, INFORMATIONAL, INCIDENT)) {
            return List.of();
        }
        Set<String> describing = Set.of("description", "details", "general", "summary");
        At notes = document.at("document", "notes");
        boolean found = notes.items().stream().anyMatch(n -> describing.contains(n.get("category").text()));
        return found ? List.of()
                : List.of(notes.finding("6.1.27.1",
                        "needs a note of category description, details, general or summary"));
    }

    /** 6.1.27.2: informational and incident documents link an external reference. */
    static List<Finding> documentReferences(At document) {
        if (!category(document, INFORMATIONAL, INCIDENT)) {
            return List.of();
        }
        At references = document.at("document", "references");
        // A reference without category is external: that is the schema's default.
        boolean found = references.items().stream()
                .anyMatch(r -> !r.get("category").present() || r.get("category").text().equals("external"));
        return found ? List.of() : List.of(references.finding("6.1.27.2", "needs an external reference"));
    }

    /** 6.1.27.3: an informational advisory has no vulnerabilities. */
    static List<Finding> noVulnerabilities(At document) {
        At vulnerabilities = document.get("vulnerabilities");
        return category(document, INFORMATIONAL) && vulnerabilities.present()
                ? List.of(vulnerabilities.finding("6.1.27.3", "an informational advisory has no vulnerabilities"))
                : List.of();
    }

    /** 6.1.27.4: security advisories and VEX documents have a product tree. */
    static List<Finding> productTree(At document) {
        At tree = document.get("product_tree");
        return category(document, ADVISORY, VEX) && !tree.present()
                ? List.of(tree.finding("6.1.27.4", "needs a product_tree")) : List.of();
    }

    /** 6.1.27.5: in security advisories and VEX documents every vulnerability has notes. */
    static List<Finding> vulnerabilityNotes(At document) {
        return eachVulnerabilityNeeds(document, "notes", "6.1.27.5", ADVISORY, VEX);
    }

    /** 6.1.27.6: in security advisories every vulnerability has a product status. */
    static List<Finding> productStatus(At document) {
        return eachVulnerabilityNeeds(document, "product_status", "6.1.27.6", ADVISORY);
    }

    private static List<Finding> eachVulnerabilityNeeds(At document, String member, String test, String... categories) {
        if (!category(document, categories)) {
            return List.of();
        }
        return document.get("vulnerabilities").items().stream()
                .filter(v -> !v.get(member).present())
                .map(v -> v.get(member).finding(test, "every vulnerability needs " + member))
                .toList();
    }

    /** 6.1.27.7: in VEX documents every product status says fixed, affected, not affected or under investigation. */
    static List<Finding> vexProductStatus(At document) {
        if (!category(document, VEX)) {
            return List.of();
        }
        List<Finding> findings = new ArrayList<>();
        for (At vulnerability : document.get("vulnerabilities").items()) {
            At status = vulnerability.get("product_status");
            boolean found = List.of("fixed", "known_affected", "known_not_affected", "under_investigation").stream()
                    .anyMatch(s -> status.get(s).present());
            if (!found) {
                findings.add(status.finding("6.1.27.7",
                        "needs fixed, known_affected, known_not_affected or under_investigation"));
            }
        }
        return findings;
    }

    /** 6.1.27.8: in VEX documents every vulnerability has a CVE or another id. */
    static List<Finding> vulnerabilityId(At document) {
        if (!category(document, VEX)) {
            return List.of();
        }
        return document.get("vulnerabilities").items().stream()
                .filter(v -> !v.get("cve").present() && !v.get("ids").present())
                .map(v -> v.finding("6.1.27.8", "needs cve or ids"))
                .toList();
    }

    /** 6.1.27.9: in VEX documents every not-affected product has a flag or an impact threat. */
    static List<Finding> impactStatement(At document) {
        return statementFor(document, "known_not_affected", "6.1.27.9", "an impact statement (flag or impact threat)",
                v -> {
                    List<At> statements = new ArrayList<>(v.get("flags").items());
                    v.get("threats").items().stream().filter(t -> t.get("category").text().equals("impact"))
                            .forEach(statements::add);
                    return statements;
                });
    }

    /** 6.1.27.10: in VEX documents every affected product has a remediation. */
    static List<Finding> actionStatement(At document) {
        return statementFor(document, "known_affected", "6.1.27.10", "an action statement (remediation)",
                v -> v.get("remediations").items());
    }

    private static List<Finding> statementFor(At document, String status, String test, String what,
            Function<At, List<At>> statements) {
        if (!category(document, VEX)) {
            return List.of();
        }
        Map<String, List<String>> groups = Products.groups(document);
        List<Finding> findings = new ArrayList<>();
        for (At vulnerability : document.get("vulnerabilities").items()) {
            Set<String> covered = new HashSet<>();
            statements.apply(vulnerability).forEach(s -> covered.addAll(Products.covered(s, groups)));
            for (At product : vulnerability.at("product_status", status).items()) {
                if (!covered.contains(product.text())) {
                    findings.add(product.finding(test, "product '" + product.text() + "' has no " + what));
                }
            }
        }
        return findings;
    }

    /** 6.1.27.11: security advisories and VEX documents have vulnerabilities. */
    static List<Finding> vulnerabilities(At document) {
        At vulnerabilities = document.get("vulnerabilities");
        return category(document, ADVISORY, VEX) && !vulnerabilities.present()
                ? List.of(vulnerabilities.finding("6.1.27.11", "needs vulnerabilities")) : List.of();
    }
}
