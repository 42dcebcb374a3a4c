package jp.renkei.core.csaf;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** What the vulnerability means in practice: its impact, whether it is exploited, whom it targets. */
public record Threat(
        Category category,
        String details,
        List<String> productIds,
        List<String> groupIds,
        Optional<Instant> date) {

    /** The kinds of threat statement CSAF 2.0 defines. */
    public enum Category implements CsafEnum {
        EXPLOIT_STATUS, IMPACT, TARGET_SET
    }

    public Threat {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(details, "details");
        productIds = List.copyOf(productIds);
        groupIds = List.copyOf(groupIds);
        Objects.requireNonNull(date, "date");
    }
}
