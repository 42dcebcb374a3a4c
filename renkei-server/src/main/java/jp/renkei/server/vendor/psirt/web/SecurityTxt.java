package jp.renkei.server.vendor.psirt.web;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

import jp.renkei.server.vendor.psirt.ContactPoint;
import jp.renkei.server.vendor.psirt.PublicAddresses;

/**
 * Writes a vendor's security.txt (RFC 9116): the report form and the mailbox as contacts in order
 * of preference, an expiry date, the policy, the canonical address, the languages, and the CSAF
 * provider metadata. Generated on every request, so Expires is always ahead.
 */
final class SecurityTxt {

    private SecurityTxt() {}

    static String render(ContactPoint c, PublicAddresses at, boolean primary, Instant expires) {
        StringBuilder b = new StringBuilder();
        b.append("# Security contact of ").append(c.vendorName().replaceAll("[\\r\\n]+", " "))
                .append(" (RFC 9116). Please report vulnerabilities through the form; we reply in Japanese or English.\n");
        line(b, "Contact", at.reportForm(c));
        c.contactEmail().ifPresent(e -> line(b, "Contact", "mailto:" + e));
        line(b, "Expires", DateTimeFormatter.ISO_INSTANT.format(expires.truncatedTo(ChronoUnit.SECONDS)));
        c.encryptionUrl().ifPresent(u -> line(b, "Encryption", u));
        c.acknowledgmentsUrl().ifPresent(u -> line(b, "Acknowledgments", u));
        line(b, "Preferred-Languages", "ja, en");
        line(b, "Canonical", at.securityTxt(c, primary));
        line(b, "Policy", at.policy(c));
        line(b, "CSAF", at.csafProviderMetadata(c, primary));
        return b.toString();
    }

    private static void line(StringBuilder b, String field, String value) {
        b.append(field).append(": ").append(value.replaceAll("[\\r\\n]+", "")).append('\n');
    }
}
