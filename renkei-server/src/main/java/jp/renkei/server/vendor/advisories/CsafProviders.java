package jp.renkei.server.vendor.advisories;

import java.net.URI;

import jp.renkei.core.csaf.provider.Distribution;
import jp.renkei.server.vendor.psirt.ContactPoint;

/**
 * Each vendor as a CSAF provider: the files under its {@code .well-known/csaf/} directory, built by the
 * core {@code ProviderDistribution} from its published TLP:WHITE advisories. Documents with another label
 * are not served there at all (they stay in the vendor's console and API), so nothing needs access
 * protection.
 */
public interface CsafProviders {

    /**
     * The provider's canonical https base, the directory holding {@code provider-metadata.json}: the one
     * {@code security.txt} advertises ({@code /.well-known/csaf/} for the primary vendor, else
     * {@code /vendors/{slug}/.well-known/csaf/}). CSAF requires https, so an http public address is named
     * with https.
     */
    URI base(ContactPoint vendor);

    /** Every file of the vendor's provider directory as it stands now. */
    Distribution distribution(ContactPoint vendor);
}
