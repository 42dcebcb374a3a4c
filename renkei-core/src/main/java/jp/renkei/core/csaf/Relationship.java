package jp.renkei.core.csaf;

import java.util.Objects;

/**
 * A product made of two others, e.g. firmware {@code installed_on} a device model; the combination
 * gets its own product id in {@code fullProductName}.
 */
public record Relationship(
        Category category,
        String productReference,
        String relatesToProductReference,
        FullProductName fullProductName) {

    /** How the referenced product relates to the other one. */
    public enum Category implements CsafEnum {
        DEFAULT_COMPONENT_OF, EXTERNAL_COMPONENT_OF, INSTALLED_ON, INSTALLED_WITH, OPTIONAL_COMPONENT_OF
    }

    public Relationship {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(productReference, "productReference");
        Objects.requireNonNull(relatesToProductReference, "relatesToProductReference");
        Objects.requireNonNull(fullProductName, "fullProductName");
    }
}
