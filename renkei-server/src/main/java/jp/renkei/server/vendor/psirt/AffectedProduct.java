package jp.renkei.server.vendor.psirt;

import java.util.Optional;

/** One affected product of a stored record, resolved against the catalogue. */
public record AffectedProduct(long productId, String modelNumber, String productName, boolean allVersions,
        Optional<String> from, boolean fromInclusive, Optional<String> to, boolean toInclusive,
        Optional<Long> fixedFirmwareId, Optional<String> fixedIn) {

    /** The range in the usual notation: {@code all versions}, {@code >= 1.0, < 1.4.2}. */
    public String range() {
        if (allVersions) {
            return "*";
        }
        String lower = from.map(v -> (fromInclusive ? ">= " : "> ") + v).orElse("");
        String upper = to.map(v -> (toInclusive ? "<= " : "< ") + v).orElse("");
        return lower.isEmpty() || upper.isEmpty() ? lower + upper : lower + ", " + upper;
    }
}
