package jp.renkei.core.csaf;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One level of the product hierarchy (vendor, product name, product version …). CSAF allows a branch
 * either to hold further branches or to name a product, never both and never neither.
 */
public record Branch(Category category, String name, List<Branch> branches, Optional<FullProductName> product) {

    /** What a level of the hierarchy stands for. */
    public enum Category implements CsafEnum {
        ARCHITECTURE, HOST_NAME, LANGUAGE, LEGACY, PATCH_LEVEL, PRODUCT_FAMILY, PRODUCT_NAME,
        PRODUCT_VERSION, PRODUCT_VERSION_RANGE, SERVICE_PACK, SPECIFICATION, VENDOR
    }

    public Branch {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(name, "name");
        branches = List.copyOf(branches);
        Objects.requireNonNull(product, "product");
        if (branches.isEmpty() == product.isEmpty()) {
            throw new IllegalArgumentException("branch '" + name + "' must hold either branches or a product");
        }
    }

    /** An inner branch. */
    public static Branch of(Category category, String name, List<Branch> branches) {
        return new Branch(category, name, branches, Optional.empty());
    }

    /** A leaf branch naming a product. */
    public static Branch leaf(Category category, String name, FullProductName product) {
        return new Branch(category, name, List.of(), Optional.of(product));
    }
}
