package jp.renkei.core.csaf;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Products referred to together by a group id (CSAF requires at least two). */
public record ProductGroup(String groupId, List<String> productIds, Optional<String> summary) {

    public ProductGroup {
        Objects.requireNonNull(groupId, "groupId");
        productIds = List.copyOf(productIds);
        Objects.requireNonNull(summary, "summary");
    }
}
