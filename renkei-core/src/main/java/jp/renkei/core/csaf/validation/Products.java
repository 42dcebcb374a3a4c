package jp.renkei.core.csaf.validation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Where a document defines and references product ids and group ids (section 3.1.3 types). */
final class Products {

    private Products() {
    }

    /** Every full product name in the tree: branches at any depth, the flat list, relationships. */
    static List<At> fullProductNames(At document) {
        List<At> names = new ArrayList<>();
        At tree = document.get("product_tree");
        branchProducts(tree.get("branches"), names);
        names.addAll(tree.get("full_product_names").items());
        for (At relationship : tree.get("relationships").items()) {
            At name = relationship.get("full_product_name");
            if (name.present()) {
                names.add(name);
            }
        }
        return names;
    }

    private static void branchProducts(At branches, List<At> into) {
        for (At branch : branches.items()) {
            At product = branch.get("product");
            if (product.present()) {
                into.add(product);
            }
            branchProducts(branch.get("branches"), into);
        }
    }

    /** The ids defined in full product names, in document order (duplicates kept). */
    static List<At> definitions(At document) {
        return fullProductNames(document).stream().map(p -> p.get("product_id")).filter(At::isText).toList();
    }

    /** The set of defined product ids. */
    static Set<String> definedIds(At document) {
        Set<String> ids = new LinkedHashSet<>();
        definitions(document).forEach(d -> ids.add(d.text()));
        return ids;
    }

    /** Every product id reference outside full product names (the paths listed in test 6.1.1). */
    static List<At> references(At document) {
        List<At> refs = new ArrayList<>();
        At tree = document.get("product_tree");
        for (At group : tree.get("product_groups").items()) {
            refs.addAll(group.get("product_ids").items());
        }
        for (At relationship : tree.get("relationships").items()) {
            refs.add(relationship.get("product_reference"));
            refs.add(relationship.get("relates_to_product_reference"));
        }
        for (At vulnerability : document.get("vulnerabilities").items()) {
            for (At status : statuses(vulnerability)) {
                refs.addAll(status.items());
            }
            for (At remediation : vulnerability.get("remediations").items()) {
                refs.addAll(remediation.get("product_ids").items());
            }
            for (At score : vulnerability.get("scores").items()) {
                refs.addAll(score.get("products").items());
            }
            for (At threat : vulnerability.get("threats").items()) {
                refs.addAll(threat.get("product_ids").items());
            }
        }
        return refs.stream().filter(At::isText).toList();
    }

    /** The {@code product_status} lists of one vulnerability that are present. */
    static List<At> statuses(At vulnerability) {
        List<At> lists = new ArrayList<>();
        At status = vulnerability.get("product_status");
        status.node().fieldNames().forEachRemaining(name -> lists.add(status.get(name)));
        return lists;
    }

    /** Group id → product ids, from {@code /product_tree/product_groups}. */
    static Map<String, List<String>> groups(At document) {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        for (At group : document.at("product_tree", "product_groups").items()) {
            List<String> ids = group.get("product_ids").items().stream().map(At::text).toList();
            groups.putIfAbsent(group.get("group_id").text(), ids);
        }
        return groups;
    }

    /** The product ids an item covers directly ({@code product_ids}) or through its {@code group_ids}. */
    static Set<String> covered(At item, Map<String, List<String>> groups) {
        Set<String> ids = new LinkedHashSet<>();
        item.get("product_ids").items().forEach(p -> ids.add(p.text()));
        item.get("group_ids").items().forEach(g -> ids.addAll(groups.getOrDefault(g.text(), List.of())));
        return ids;
    }
}
