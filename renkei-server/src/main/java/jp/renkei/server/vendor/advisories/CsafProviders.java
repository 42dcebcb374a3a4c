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
     * The https base of a provider directory, the directory holding {@code provider-metadata.json}:
     * {@code /.well-known/csaf/} at the instance's root ({@code atRoot}, for the primary vendor, as
     * {@code /.well-known/security.txt} advertises) or {@code /vendors/{slug}/.well-known/csaf/} (as the
     * vendor's own security.txt advertises). CSAF requires https, so an http public address is named with
     * https.
     */
    URI base(ContactPoint vendor, boolean atRoot);

    /** Every file of the vendor's provider directory at that base as it stands now. */
    Distribution distribution(ContactPoint vendor, boolean atRoot);
}
