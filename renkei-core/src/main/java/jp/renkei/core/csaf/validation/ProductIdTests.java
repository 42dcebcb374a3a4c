package jp.renkei.core.csaf.validation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Tests 6.1.1 to 6.1.5: every product and group id is defined exactly once and without cycles. */
final class ProductIdTests {

    private ProductIdTests() {
    }

    /** 6.1.1: every referenced product id is defined by a full product name. */
    static List<Finding> missingProductIdDefinition(At document) {
        Set<String> defined = Products.definedIds(document);
        List<Finding> findings = new ArrayList<>();
        for (At ref : Products.references(document)) {
            if (!defined.contains(ref.text())) {
                findings.add(ref.finding("6.1.1", "product id '" + ref.text()
                        + "' is not defined in the product tree"));
            }
        }
        return findings;
    }

    /** 6.1.2: no product id is defined twice. */
    static List<Finding> multipleProductIdDefinition(At document) {
        Map<String, String> first = new HashMap<>();
        List<Finding> findings = new ArrayList<>();
        for (At definition : Products.definitions(document)) {
            String earlier = first.putIfAbsent(definition.text(), definition.pointer());
            if (earlier != null) {
                findings.add(definition.finding("6.1.2",
                        "product id '" + definition.text() + "' is already defined at " + earlier));
            }
        }
        return findings;
    }

    /** 6.1.3: a product defined by a relationship must not, through its references, lead back to itself. */
    static List<Finding> circularProductIdDefinition(At document) {
        Map<String, List<String>> dependsOn = new HashMap<>();
        List<At> defined = new ArrayList<>();
        for (At relationship : document.at("product_tree", "relationships").items()) {
            At id = relationship.at("full_product_name", "product_id");
            if (id.isText()) {
                dependsOn.computeIfAbsent(id.text(), k -> new ArrayList<>()).addAll(List.of(
                        relationship.get("product_reference").text(),
                        relationship.get("relates_to_product_reference").text()));
                defined.add(id);
            }
        }
        List<Finding> findings = new ArrayList<>();
        for (At id : defined) {
            if (reaches(id.text(), id.text(), dependsOn, new HashSet<>())) {
                findings.add(id.finding("6.1.3", "product id '" + id.text() + "' is defined in terms of itself"));
            }
        }
        return findings;
    }

    private static boolean reaches(String from, String target, Map<String, List<String>> dependsOn, Set<String> seen) {
        for (String next : dependsOn.getOrDefault(from, List.of())) {
            if (next.equals(target)) {
                return true;
            }
            if (seen.add(next) && reaches(next, target, dependsOn, seen)) {
                return true;
            }
        }
        return false;
    }

    /** 6.1.4: every referenced group id is defined by a product group. */
    static List<Finding> missingProductGroupIdDefinition(At document) {
        Set<String> defined = Products.groups(document).keySet();
        List<Finding> findings = new ArrayList<>();
        for (At vulnerability : document.get("vulnerabilities").items()) {
            List<At> refs = new ArrayList<>();
            vulnerability.get("remediations").items().forEach(r -> refs.addAll(r.get("group_ids").items()));
            vulnerability.get("threats").items().forEach(t -> refs.addAll(t.get("group_ids").items()));
            vulnerability.get("flags").items().forEach(f -> refs.addAll(f.get("group_ids").items()));
            for (At ref : refs) {
                if (ref.isText() && !defined.contains(ref.text())) {
                    findings.add(ref.finding("6.1.4", "group id '" + ref.text()
                            + "' is not defined in the product tree"));
                }
            }
        }
        return findings;
    }

    /** 6.1.5: no group id is defined twice. */
    static List<Finding> multipleProductGroupIdDefinition(At document) {
        Map<String, String> first = new HashMap<>();
        List<Finding> findings = new ArrayList<>();
        for (At group : document.at("product_tree", "product_groups").items()) {
            At id = group.get("group_id");
            if (id.isText()) {
                String earlier = first.putIfAbsent(id.text(), id.pointer());
                if (earlier != null) {
                    findings.add(id.finding("6.1.5", "group id '" + id.text() + "' is already defined at " + earlier));
                }
            }
        }
        return findings;
    }
}
