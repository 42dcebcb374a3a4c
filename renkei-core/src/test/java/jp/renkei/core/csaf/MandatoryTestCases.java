package jp.renkei.core.csaf;

import java.util.List;

/**
 * One failing and one passing document per mandatory test, most after the spec's own examples. The
 * passing document is valid as a whole; the failing one fails at least the test it is named for.
 * Shared by {@code MandatoryTestsTest} and the cross-check against the reference validator.
 */
public final class MandatoryTestCases {

    /** A test's documents; {@code failing} must be reported by test {@code id}, {@code passing} by nothing. */
    public record Case(String id, String failure, Fixture failing, Fixture passing) {

        @Override
        public String toString() {
            return id + " " + failure;
        }
    }

    private static final String GROUP = """
            [{"group_id": "CSAFGID-1020300", "product_ids": ["CSAFPID-9080700", "CSAFPID-9080701"]}]""";
    private static final String CVSS_65 = """
            {"version": "3.1", "vectorString": "CVSS:3.1/AV:L/AC:L/PR:H/UI:R/S:U/C:H/I:H/A:H",
             "baseScore": 6.5, "baseSeverity": "MEDIUM"}""";
    private static final String HISTORY_1_2 = """
            [{"date": "2021-07-22T10:00:00.000Z", "number": "1", "summary": "Initial version."},
             {"date": "2021-07-23T10:00:00.000Z", "number": "2", "summary": "Second version."}]""";
    private static final String INFORMATIONAL_NOTES = """
            [{"category": "summary", "text": "Something worth knowing."}]""";
    private static final String EXTERNAL_REFERENCE = """
            [{"category": "external", "summary": "More", "url": "https://example.com/more"}]""";

    private MandatoryTestCases() {
    }

    private static Fixture informational() {
        return Fixture.advisory().with("/document/category", "\"csaf_informational_advisory\"")
                .with("/document/notes", INFORMATIONAL_NOTES)
                .with("/document/references", EXTERNAL_REFERENCE)
                .without("/vulnerabilities");
    }

    private static Fixture history(String history, String version) {
        return Fixture.advisory().with("/document/tracking/revision_history", history)
                .with("/document/tracking/version", "\"" + version + "\"");
    }

    private static Fixture status(String productStatus) {
        return Fixture.advisory().with("/vulnerabilities/0/product_status", productStatus);
    }

    public static List<Case> all() {
        Fixture advisory = Fixture.advisory();
        Fixture vex = Fixture.vex();
        return List.of(
                new Case("6.1.1", "a product group lists undefined products",
                        advisory.with("/product_tree/product_groups",
                                GROUP.replace("9080700", "9080800").replace("9080701", "9080801")),
                        advisory.with("/product_tree/product_groups", GROUP)),
                new Case("6.1.2", "a product id is defined twice",
                        advisory.with("/product_tree/full_product_names/1/product_id", "\"CSAFPID-9080700\""), advisory),
                new Case("6.1.3", "a relationship defines a product in terms of itself",
                        advisory.with("/product_tree/relationships", relationship("CSAFPID-9080703")),
                        advisory.with("/product_tree/relationships", relationship("CSAFPID-9080701"))),
                new Case("6.1.4", "a threat names an undefined product group",
                        advisory.with("/vulnerabilities/0/threats", """
                                [{"category": "exploit_status", "details": "Reliable exploits integrated in Metasploit.",
                                  "group_ids": ["CSAFGID-1020301"]}]"""),
                        advisory.with("/product_tree/product_groups", GROUP).with("/vulnerabilities/0/threats", """
                                [{"category": "exploit_status", "details": "Reliable exploits integrated in Metasploit.",
                                  "group_ids": ["CSAFGID-1020300"]}]""")),
                new Case("6.1.5", "a product group id is defined twice",
                        advisory.with("/product_tree/product_groups", GROUP.replace("]}]", "]}, " + GROUP.substring(1))),
                        advisory.with("/product_tree/product_groups", GROUP)),
                new Case("6.1.6", "a product is both affected and not affected",
                        status("{\"known_affected\": [\"CSAFPID-9080700\"], \"known_not_affected\": [\"CSAFPID-9080700\"]}"),
                        status("{\"known_affected\": [\"CSAFPID-9080700\"], \"known_not_affected\": [\"CSAFPID-9080701\"]}")),
                new Case("6.1.7", "a product has two CVSS v3.1 scores",
                        advisory.with("/vulnerabilities/0/scores", "[" + score(CVSS_65) + ", " + score("""
                                {"version": "3.1", "vectorString": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H",
                                 "baseScore": 10, "baseSeverity": "CRITICAL"}""") + "]"),
                        advisory.with("/vulnerabilities/0/scores", "[" + score(CVSS_65) + "]")),
                new Case("6.1.8", "a CVSS v3.1 object lacks baseSeverity",
                        advisory.with("/vulnerabilities/0/scores", "[" + score(CVSS_65.replace(
                                ", \"baseSeverity\": \"MEDIUM\"", "")) + "]"),
                        advisory.with("/vulnerabilities/0/scores", "[" + score(CVSS_65) + "]")),
                new Case("6.1.9", "baseScore and baseSeverity do not follow from the vector",
                        advisory.with("/vulnerabilities/0/scores", "[" + score(CVSS_65.replace("6.5", "10.0")
                                .replace("MEDIUM", "LOW")) + "]"),
                        advisory.with("/vulnerabilities/0/scores", "[" + score(CVSS_65) + "]")),
                new Case("6.1.10", "attackVector, scope and availabilityImpact contradict the vector",
                        advisory.with("/vulnerabilities/0/scores", "[" + score(cvss981("LOCAL", "CHANGED", "LOW")) + "]"),
                        advisory.with("/vulnerabilities/0/scores", "[" + score(cvss981("NETWORK", "UNCHANGED", "HIGH")) + "]")),
                new Case("6.1.11", "CWE-79 carries another weakness's name",
                        advisory.with("/vulnerabilities/0/cwe", "{\"id\": \"CWE-79\", \"name\": \"Improper Input Validation\"}"),
                        advisory.with("/vulnerabilities/0/cwe", "{\"id\": \"CWE-79\", \"name\": "
                                + "\"Improper Neutralization of Input During Web Page Generation ('Cross-site Scripting')\"}")),
                new Case("6.1.12", "the language EZ does not exist",
                        advisory.with("/document/lang", "\"EZ\""), advisory.with("/document/lang", "\"ja-JP\"")),
                new Case("6.1.13", "a purl has no name",
                        advisory.with("/product_tree/full_product_names/0/product_identification_helper",
                                "{\"purl\": \"pkg:maven/@1.3.4\"}"),
                        advisory.with("/product_tree/full_product_names/0/product_identification_helper",
                                "{\"purl\": \"pkg:maven/org.example/product-a@1.3.4?type=jar\"}")),
                new Case("6.1.14", "revision 2 is dated before revision 1",
                        history("""
                                [{"date": "2021-07-22T10:00:00.000Z", "number": "2", "summary": "Second version."},
                                 {"date": "2021-07-23T10:00:00.000Z", "number": "1", "summary": "Initial version."}]""",
                                "1"),
                        history(HISTORY_1_2, "2")),
                new Case("6.1.15", "a translator gives no source language",
                        advisory.with("/document/publisher/category", "\"translator\""),
                        advisory.with("/document/publisher/category", "\"translator\"")
                                .with("/document/source_lang", "\"de\"")),
                new Case("6.1.16", "the version is not the latest revision",
                        history(HISTORY_1_2, "1"), history(HISTORY_1_2, "2")),
                new Case("6.1.17", "a final document has version 0.9.5",
                        history(single("0.9.5"), "0.9.5"),
                        history(single("0.9.5"), "0.9.5").with("/document/tracking/status", "\"draft\"")),
                new Case("6.1.18", "a final document lists draft revision 0",
                        history("""
                                [{"date": "2021-05-17T10:00:00.000Z", "number": "0", "summary": "First draft"},
                                 {"date": "2021-07-21T10:00:00.000Z", "number": "1", "summary": "Initial version."}]""",
                                "1"),
                        history(single("1"), "1")),
                new Case("6.1.19", "the revision history lists a release candidate",
                        history("""
                                [{"date": "2021-04-22T10:00:00.000Z", "number": "1.0.0-rc", "summary": "Release candidate."},
                                 {"date": "2021-04-23T10:00:00.000Z", "number": "1.0.0", "summary": "Initial version."}]""",
                                "1.0.0"),
                        history(single("1.0.0"), "1.0.0")),
                new Case("6.1.20", "an interim document has a pre-release version",
                        history(single("1.0.0"), "1.0.0-alpha").with("/document/tracking/status", "\"interim\""),
                        history(single("1.0.0"), "1.0.0").with("/document/tracking/status", "\"interim\"")),
                new Case("6.1.21", "version 2 is missing from the revision history",
                        history(HISTORY_1_2.replace("\"2\"", "\"3\""), "3"), history(HISTORY_1_2, "2")),
                new Case("6.1.22", "version 1 is listed twice",
                        history(HISTORY_1_2.replace("\"2\"", "\"1\""), "1"), history(HISTORY_1_2, "2")),
                new Case("6.1.23", "two vulnerabilities have the same CVE",
                        advisory.with("/vulnerabilities/1", advisory.json().at("/vulnerabilities/0").toString()),
                        advisory.with("/vulnerabilities/1", advisory.json().at("/vulnerabilities/0").toString()
                                .replace("CVE-2021-0001", "CVE-2021-0002"))),
                new Case("6.1.24", "the vendor has two involvements at the same date",
                        advisory.with("/vulnerabilities/0/involvements", involvements("2021-04-23T10:00:00.000Z")),
                        advisory.with("/vulnerabilities/0/involvements", involvements("2021-04-24T10:00:00.000Z"))),
                new Case("6.1.25", "sha256 is given twice for one file",
                        advisory.with("/product_tree/full_product_names/0/product_identification_helper",
                                hashes("sha256")),
                        advisory.with("/product_tree/full_product_names/0/product_identification_helper",
                                hashes("sha512"))),
                new Case("6.1.26", "a CSAF Base document is named after the incident response profile",
                        advisory.with("/document/category", "\"Security_Incident_Response\""),
                        advisory.with("/document/category", "\"example_company_bulletin\"")),
                new Case("6.1.27.1", "an informational advisory has only a legal disclaimer",
                        informational().with("/document/notes",
                                "[{\"category\": \"legal_disclaimer\", \"text\": \"As is.\"}]"),
                        informational()),
                new Case("6.1.27.2", "an informational advisory links only itself",
                        informational().with("/document/references", """
                                [{"category": "self", "summary": "The canonical URL.",
                                  "url": "https://example.com/csaf/2021/renkei-fixture-1.json"}]"""),
                        informational()),
                new Case("6.1.27.3", "an informational advisory lists vulnerabilities",
                        informational().with("/vulnerabilities", "[{\"title\": \"A vulnerability item that SHALL NOT exist\"}]"),
                        informational()),
                new Case("6.1.27.4", "a security advisory has no product tree",
                        advisory.without("/product_tree").without("/vulnerabilities/0/product_status")
                                .without("/vulnerabilities/0/remediations"), advisory),
                new Case("6.1.27.5", "a vulnerability has no notes",
                        advisory.without("/vulnerabilities/0/notes"), advisory),
                new Case("6.1.27.6", "a vulnerability has no product status",
                        advisory.without("/vulnerabilities/0/product_status")
                                .without("/vulnerabilities/0/remediations"), advisory),
                new Case("6.1.27.7", "a VEX product status has only first_fixed and recommended",
                        vex.with("/vulnerabilities/0/product_status",
                                "{\"first_fixed\": [\"CSAFPID-9080700\"], \"recommended\": [\"CSAFPID-9080700\"]}")
                                .without("/vulnerabilities/0/remediations"),
                        vex.with("/vulnerabilities/0/product_status", "{\"fixed\": [\"CSAFPID-9080700\"]}")
                                .without("/vulnerabilities/0/remediations")),
                new Case("6.1.27.8", "a VEX vulnerability has neither CVE nor ids",
                        vex.without("/vulnerabilities/0/cve"),
                        vex.without("/vulnerabilities/0/cve").with("/vulnerabilities/0/ids",
                                "[{\"system_name\": \"JVN\", \"text\": \"JVNVU#99999999\"}]")),
                new Case("6.1.27.9", "a not-affected product has no impact statement",
                        notAffected(vex, false), notAffected(vex, true)),
                new Case("6.1.27.10", "an affected product has no action statement",
                        endOfLife(vex, false), endOfLife(vex, true)),
                new Case("6.1.27.11", "a security advisory has no vulnerabilities",
                        advisory.without("/vulnerabilities"), advisory),
                new Case("6.1.28", "the source language equals the language",
                        advisory.with("/document/lang", "\"en-US\"").with("/document/source_lang", "\"en-US\""),
                        advisory.with("/document/lang", "\"en-US\"").with("/document/source_lang", "\"en-GB\"")),
                new Case("6.1.29", "a remediation names no products",
                        advisory.without("/vulnerabilities/0/remediations/0/product_ids"), advisory),
                new Case("6.1.30", "integer and semantic versions are mixed",
                        history(HISTORY_1_2.replace("\"1\"", "\"1.0.0\""), "2"), history(HISTORY_1_2, "2")),
                new Case("6.1.31", "a product version is a range",
                        advisory.with("/product_tree/branches", branch("prior to 4.2")),
                        advisory.with("/product_tree/branches", branch("4.2"))),
                new Case("6.1.32", "a flag names no products",
                        status("{\"known_affected\": [\"CSAFPID-9080700\"], \"known_not_affected\": [\"CSAFPID-9080701\"]}")
                                .with("/vulnerabilities/0/flags", "[{\"label\": \"component_not_present\"}]"),
                        status("{\"known_affected\": [\"CSAFPID-9080700\"], \"known_not_affected\": [\"CSAFPID-9080701\"]}")
                                .with("/vulnerabilities/0/flags",
                                        "[{\"label\": \"component_not_present\", \"product_ids\": [\"CSAFPID-9080701\"]}]")),
                new Case("6.1.33", "a product has two justification flags, one through its group",
                        twoFlags(true), twoFlags(false)));
    }

    private static String relationship(String relatesTo) {
        return """
                [{"category": "installed_on",
                  "full_product_name": {"name": "Product B on itself", "product_id": "CSAFPID-9080703"},
                  "product_reference": "CSAFPID-9080700", "relates_to_product_reference": "%s"}]""".formatted(relatesTo);
    }

    private static String score(String cvss) {
        return "{\"products\": [\"CSAFPID-9080700\"], \"cvss_v3\": " + cvss + "}";
    }

    private static String cvss981(String attackVector, String scope, String availability) {
        return """
                {"version": "3.1", "vectorString": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
                 "baseScore": 9.8, "baseSeverity": "CRITICAL", "attackVector": "%s", "attackComplexity": "LOW",
                 "privilegesRequired": "NONE", "userInteraction": "NONE", "scope": "%s",
                 "confidentialityImpact": "HIGH", "integrityImpact": "HIGH", "availabilityImpact": "%s"}"""
                .formatted(attackVector, scope, availability);
    }

    private static String single(String number) {
        return "[{\"date\": \"2021-07-21T10:00:00.000Z\", \"number\": \"" + number + "\", \"summary\": \"Initial version.\"}]";
    }

    private static String involvements(String secondDate) {
        return """
                [{"date": "2021-04-23T10:00:00.000Z", "party": "vendor", "status": "completed"},
                 {"date": "%s", "party": "vendor", "status": "in_progress",
                  "summary": "The vendor has released a mitigation and is working to fully resolve the issue."}]"""
                .formatted(secondDate);
    }

    private static String hashes(String secondAlgorithm) {
        return """
                {"hashes": [{"filename": "product_a.so", "file_hashes": [
                  {"algorithm": "sha256", "value": "026a37919b182ef7c63791e82c9645e2f897a3f0b73c7a6028c7febf62e93838"},
                  {"algorithm": "%s", "value": "0a853ce2337f0608489ac596a308dc5b7b19d35a52b10bf31261586ac368b175"}]}]}"""
                .formatted(secondAlgorithm);
    }

    private static String branch(String version) {
        return """
                [{"category": "vendor", "name": "Example Company", "branches": [
                  {"category": "product_name", "name": "Product D", "branches": [
                    {"category": "product_version", "name": "%s",
                     "product": {"name": "Example Company Product D %s", "product_id": "CSAFPID-9080703"}}]}]}]"""
                .formatted(version, version);
    }

    private static Fixture notAffected(Fixture vex, boolean statementForC) {
        String flags = statementForC
                ? "[{\"label\": \"component_not_present\", \"product_ids\": [\"CSAFPID-9080702\"]}]" : "[]";
        Fixture f = vex.with("/product_tree/product_groups", GROUP.replace("1020300", "0001"))
                .with("/vulnerabilities/0/product_status",
                        "{\"known_not_affected\": [\"CSAFPID-9080700\", \"CSAFPID-9080701\", \"CSAFPID-9080702\"]}")
                .without("/vulnerabilities/0/remediations")
                .with("/vulnerabilities/0/threats", """
                        [{"category": "impact", "details": "The vulnerable code is not present in these products.",
                          "group_ids": ["CSAFGID-0001"]}]""");
        return statementForC ? f.with("/vulnerabilities/0/flags", flags) : f;
    }

    private static Fixture endOfLife(Fixture vex, boolean actionForC) {
        String remediations = """
                [{"category": "no_fix_planned", "details": "These products are end-of-life. Therefore, no fix will be provided.",
                  "group_ids": ["CSAFGID-0001"]}%s]""".formatted(actionForC ? """
                , {"category": "vendor_fix", "details": "Update Product C.", "product_ids": ["CSAFPID-9080702"]}""" : "");
        return vex.with("/product_tree/product_groups", GROUP.replace("1020300", "0001"))
                .with("/vulnerabilities/0/product_status",
                        "{\"known_affected\": [\"CSAFPID-9080700\", \"CSAFPID-9080701\", \"CSAFPID-9080702\"]}")
                .with("/vulnerabilities/0/remediations", remediations);
    }

    private static Fixture twoFlags(boolean overlapping) {
        return Fixture.advisory().with("/product_tree/product_groups", GROUP.replace("1020300", "0001"))
                .with("/vulnerabilities/0/product_status",
                        "{\"known_not_affected\": [\"CSAFPID-9080700\", \"CSAFPID-9080701\"]}")
                .without("/vulnerabilities/0/remediations")
                .with("/vulnerabilities/0/flags", overlapping ? """
                        [{"label": "component_not_present", "group_ids": ["CSAFGID-0001"]},
                         {"label": "vulnerable_code_cannot_be_controlled_by_adversary", "product_ids": ["CSAFPID-9080700"]}]"""
                        : """
                        [{"label": "component_not_present", "group_ids": ["CSAFGID-0001"]}]""");
    }
}
