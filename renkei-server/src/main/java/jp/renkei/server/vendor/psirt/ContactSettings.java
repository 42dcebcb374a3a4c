package jp.renkei.server.vendor.psirt;

/** The contact point's settings as the vendor's administrator enters them (blank means "not published"). */
public record ContactSettings(String slug, String contactEmail, String acknowledgmentsUrl, String encryptionUrl,
        String policyJa, String policyEn, int acknowledgeBusinessDays, int triageBusinessDays, int fixDays) {}
