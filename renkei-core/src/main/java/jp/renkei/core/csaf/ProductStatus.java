package jp.renkei.core.csaf;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** {@code product_status} of one vulnerability: product ids per status, in the order given. */
public record ProductStatus(Map<Status, List<String>> byStatus) {

    /** The statuses CSAF 2.0 defines. */
    public enum Status implements CsafEnum {
        FIRST_AFFECTED, FIRST_FIXED, FIXED, KNOWN_AFFECTED, KNOWN_NOT_AFFECTED, LAST_AFFECTED, RECOMMENDED,
        UNDER_INVESTIGATION
    }

    /** No statuses. */
    public static final ProductStatus NONE = new ProductStatus(Map.of());

    public ProductStatus {
        EnumMap<Status, List<String>> copy = new EnumMap<>(Status.class);
        byStatus.forEach((status, ids) -> {
            if (!ids.isEmpty()) {
                copy.put(status, List.copyOf(ids));
            }
        });
        byStatus = Collections.unmodifiableMap(copy);
    }

    /** The product ids with {@code status}; empty when none. */
    public List<String> ids(Status status) {
        return byStatus.getOrDefault(status, List.of());
    }

    /** Whether no status lists a product. */
    public boolean isEmpty() {
        return byStatus.isEmpty();
    }
}
