package jp.renkei.server.vendor.advisories;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One advisory of a vendor: authored from records (a draft until first published, then one revision per
 * publication) or imported from another party (read-only).
 */
public record VendorAdvisory(long id, String trackingId, Origin origin, String title, String language,
        Optional<String> tlp, String status, String version, List<Long> recordIds, String summary, String workaround,
        String mitigation, Optional<Instant> initialRelease, Optional<Instant> currentRelease, List<String> unmodelled,
        Instant updatedAt, String updatedBy) {

    /** Where the advisory comes from. */
    public enum Origin {
        AUTHORED, IMPORTED;

        /** {@code authored} or {@code imported}, as stored and in JSON. */
        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public VendorAdvisory {
        recordIds = List.copyOf(recordIds);
        unmodelled = List.copyOf(unmodelled);
    }

    /** Whether a revision has been published; an imported document is as its issuer released it. */
    public boolean published() {
        return origin == Origin.IMPORTED || !"draft".equals(status);
    }

    /** Whether anyone may read it without login once published (TLP:WHITE, i.e. TLP:CLEAR). */
    public boolean publicLabel() {
        return tlp.filter("WHITE"::equals).isPresent();
    }
}
