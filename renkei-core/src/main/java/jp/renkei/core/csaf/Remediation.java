package jp.renkei.core.csaf;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** What an owner of the listed products can do about a vulnerability. */
public record Remediation(
        Category category,
        String details,
        Optional<URI> url,
        List<String> productIds,
        List<String> groupIds,
        Optional<Instant> date) {

    /** The kinds of remediation CSAF 2.0 defines. */
    public enum Category implements CsafEnum {
        MITIGATION, NO_FIX_PLANNED, NONE_AVAILABLE, VENDOR_FIX, WORKAROUND
    }

    public Remediation {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(details, "details");
        Objects.requireNonNull(url, "url");
        productIds = List.copyOf(productIds);
        groupIds = List.copyOf(groupIds);
        Objects.requireNonNull(date, "date");
    }
}
