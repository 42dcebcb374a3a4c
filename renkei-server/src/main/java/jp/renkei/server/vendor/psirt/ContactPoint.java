package jp.renkei.server.vendor.psirt;

import java.util.Optional;

/** A vendor's published contact point: where reports go and what the vendor promises about them. */
public record ContactPoint(long organisationId, String vendorName, String slug, Optional<String> contactEmail,
        Optional<String> acknowledgmentsUrl, Optional<String> encryptionUrl, String policyJa, String policyEn,
        ClockTargets targets) {

    /** The disclosure policy in the language asked for (Japanese unless English). */
    public String policy(String language) {
        return "en".equals(language) ? policyEn : policyJa;
    }
}
