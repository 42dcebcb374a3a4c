package jp.renkei.core.csaf.validation;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Tests 6.1.24, 6.1.29 and 6.1.31 to 6.1.33: involvements, remediations, version names and flags. */
final class ReferenceTests {

    /** Words that make a product_version name a range (6.1.31). */
    private static final List<String> RANGE_WORDS =
            List.of("<", ">", "after", "all", "before", "earlier", "later", "prior", "versions");

    private ReferenceTests() {
    }

    /** 6.1.24: within one vulnerability a party appears once per date in the involvements. */
    static List<Finding> multipleDefinitionInInvolvements(At document) {
        List<Finding> findings = new ArrayList<>();
        for (At vulnerability : document.get("vulnerabilities").items()) {
            Map<String, String> first = new HashMap<>();
            for (At involvement : vulnerability.get("involvements").items()) {
                String key = involvement.get("party").text() + "\u0000" + instant(involvement.get("date").text());
                String earlier = first.putIfAbsent(key, involvement.pointer());
                if (earlier != null) {
                    findings.add(involvement.finding("6.1.24", "party " + involvement.get("party").text()
                            + " already has an involvement at this date (" + earlier + ")"));
                }
            }
        }
        return findings;
    }

    private static String instant(String date) {
        try {
            return OffsetDateTime.parse(date).toInstant().toString();
        } catch (DateTimeParseException e) {
            return date;
        }
    }

    /** 6.1.29: every remediation names its products or groups. */
    static List<Finding> remediationWithoutProductReference(At document) {
        return withoutProducts(document, "remediations", "6.1.29", "remediation");
    }

    /** 6.1.32: every flag names its products or groups. */
    static List<Finding> flagWithoutProductReference(At document) {
        return withoutProducts(document, "flags", "6.1.32", "flag");
    }

    private static List<Finding> withoutProducts(At document, String member, String test, String what) {
        List<Finding> findings = new ArrayList<>();
        for (At vulnerability : document.get("vulnerabilities").items()) {
            for (At item : vulnerability.get(member).items()) {
                if (!item.get("product_ids").present() && !item.get("group_ids").present()) {
                    findings.add(item.finding(test, "the " + what + " names no product_ids or group_ids"));
                }
            }
        }
        return findings;
    }

    /** 6.1.31: a product_version branch names one version, not a range. */
    static List<Finding> versionRangeInProductVersion(At document) {
        List<Finding> findings = new ArrayList<>();
        versionRanges(document.at("product_tree", "branches"), findings);
        return findings;
    }

    private static void versionRanges(At branches, List<Finding> findings) {
        for (At branch : branches.items()) {
            if (branch.get("category").text().equals("product_version")) {
                String name = branch.get("name").text().toLowerCase(Locale.ROOT);
                RANGE_WORDS.stream().filter(name::contains).findFirst().ifPresent(word -> findings.add(
                        branch.get("name").finding("6.1.31", "'" + branch.get("name").text()
                                + "' is a version range (contains '" + word + "'); use product_version_range")));
            }
            versionRanges(branch.get("branches"), findings);
        }
    }

    /** 6.1.33: within one vulnerability a product is in at most one flag, directly or through a group. */
    static List<Finding> multipleFlagsWithVexJustificationCodesPerProduct(At document) {
        Map<String, List<String>> groups = Products.groups(document);
        List<Finding> findings = new ArrayList<>();
        for (At vulnerability : document.get("vulnerabilities").items()) {
            Map<String, String> flagged = new HashMap<>();
            for (At flag : vulnerability.get("flags").items()) {
                Set<String> products = Products.covered(flag, groups);
                for (String product : products) {
                    String earlier = flagged.putIfAbsent(product, flag.pointer());
                    if (earlier != null) {
                        findings.add(flag.finding("6.1.33", "product '" + product + "' already has a flag at "
                                + earlier));
                    }
                }
            }
        }
        return findings;
    }
}
