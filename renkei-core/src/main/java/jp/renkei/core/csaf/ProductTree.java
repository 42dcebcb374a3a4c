package jp.renkei.core.csaf;

import java.util.List;

/** {@code /product_tree}: every product the document speaks about, each with its product id. */
public record ProductTree(
        List<Branch> branches,
        List<FullProductName> fullProductNames,
        List<Relationship> relationships,
        List<ProductGroup> productGroups) {

    /** A tree without products, for documents that have no {@code product_tree}. */
    public static final ProductTree EMPTY = new ProductTree(List.of(), List.of(), List.of(), List.of());

    public ProductTree {
        branches = List.copyOf(branches);
        fullProductNames = List.copyOf(fullProductNames);
        relationships = List.copyOf(relationships);
        productGroups = List.copyOf(productGroups);
    }

    /** Whether the tree holds nothing (then no {@code product_tree} is written). */
    public boolean isEmpty() {
        return branches.isEmpty() && fullProductNames.isEmpty() && relationships.isEmpty()
                && productGroups.isEmpty();
    }
}
