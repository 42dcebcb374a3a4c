package jp.renkei.server.vendor.psirt;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Where a vendor's public pages are, as written into security.txt and mails: under the instance's
 * public address ({@code RENKEI_PUBLIC_URL}), at {@code /vendors/{slug}/…}.
 */
@Component
public class PublicAddresses {

    private final String base;

    PublicAddresses(@Value("${renkei.public-url}") String base) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    /** The instance's public address without a trailing slash, e.g. {@code https://psirt.example.co.jp}. */
    public String base() {
        return base;
    }

    public String vendor(ContactPoint c) {
        return base + "/vendors/" + c.slug();
    }

    public String policy(ContactPoint c) {
        return vendor(c) + "/policy";
    }

    public String reportForm(ContactPoint c) {
        return vendor(c) + "/report";
    }

    /** The vendor's own copy of security.txt; the primary vendor's is at {@code /.well-known/security.txt}. */
    public String securityTxt(ContactPoint c, boolean primary) {
        return primary ? base + "/.well-known/security.txt" : vendor(c) + "/security.txt";
    }

    /** The CSAF provider metadata: the instance's for the primary vendor, else under the vendor's address. */
    public String csafProviderMetadata(ContactPoint c, boolean primary) {
        return (primary ? base : vendor(c)) + "/.well-known/csaf/provider-metadata.json";
    }
}
