package jp.renkei.core.csaf.provider;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import jp.renkei.core.csaf.CsafEnum;
import jp.renkei.core.csaf.Publisher;

/**
 * How a vendor publishes as a CSAF provider. {@code base} is the HTTPS directory that holds
 * {@code provider-metadata.json}, normally {@code https://<vendor>/.well-known/csaf/}. A trusted
 * provider signs every document (requirements 18–20), so it must name its OpenPGP keys.
 */
public record ProviderSettings(
        URI base,
        Publisher publisher,
        Role role,
        boolean listOnAggregators,
        boolean mirrorOnAggregators,
        List<PgpKey> pgpKeys) {

    /** The issuing-party roles of section 7.2 that publish through a provider directory. */
    public enum Role implements CsafEnum {
        CSAF_PROVIDER, CSAF_TRUSTED_PROVIDER
    }

    /** Where the public OpenPGP key that signs the documents can be fetched. */
    public record PgpKey(URI url, Optional<String> fingerprint) {

        public PgpKey {
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(fingerprint, "fingerprint");
        }
    }

    public ProviderSettings {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(publisher, "publisher");
        Objects.requireNonNull(role, "role");
        pgpKeys = List.copyOf(pgpKeys);
        if (!"https".equals(base.getScheme()) || !base.getPath().endsWith("/")) {
            throw new IllegalArgumentException("the provider base must be an https URL ending in '/': " + base);
        }
        if (role == Role.CSAF_TRUSTED_PROVIDER && pgpKeys.isEmpty()) {
            throw new IllegalArgumentException("a trusted provider signs its documents and must name its OpenPGP key");
        }
    }

    /** A provider that is listed and mirrored by aggregators and does not sign. */
    public static ProviderSettings provider(URI base, Publisher publisher) {
        return new ProviderSettings(base, publisher, Role.CSAF_PROVIDER, true, true, List.of());
    }
}
