package jp.renkei.server.vendor.advisories.internal;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jp.renkei.core.csaf.Publisher;
import jp.renkei.core.csaf.provider.Distribution;
import jp.renkei.core.csaf.provider.ProviderDistribution;
import jp.renkei.core.csaf.provider.ProviderSettings;
import jp.renkei.core.csaf.provider.PublishedDocument;
import jp.renkei.server.vendor.advisories.CsafProviders;
import jp.renkei.server.vendor.psirt.ContactPoint;
import jp.renkei.server.vendor.psirt.ContactPoints;
import jp.renkei.server.vendor.psirt.PublicAddresses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The vendors' CSAF provider directories, built on each request from the stored documents (they are few
 * and the build is a pure function, so there is no cache to go stale).
 */
@Service
class ProviderDirectory implements CsafProviders {

    private static final Logger log = LoggerFactory.getLogger(ProviderDirectory.class);

    private final AdvisoryStore store;
    private final ContactPoints contacts;
    private final PublicAddresses addresses;

    ProviderDirectory(AdvisoryStore store, ContactPoints contacts, PublicAddresses addresses) {
        this.store = store;
        this.contacts = contacts;
        this.addresses = addresses;
        if (addresses.base().startsWith("http://")) {
            log.warn("renkei.public-url {} is http; CSAF requires https, so provider files name {}", addresses.base(),
                    https(addresses.base()));
        }
    }

    @Override
    public URI base(ContactPoint vendor, boolean atRoot) {
        String metadata = https(addresses.csafProviderMetadata(vendor, atRoot));
        return URI.create(metadata.substring(0, metadata.lastIndexOf('/') + 1));
    }

    @Override
    @Transactional(readOnly = true)
    public Distribution distribution(ContactPoint vendor, boolean atRoot) {
        List<PublishedDocument> documents = store.publicDocuments(vendor.organisationId()).stream()
                .map(PublishedDocument::of).toList();
        return ProviderDistribution.build(ProviderSettings.provider(base(vendor, atRoot), publisher(vendor)),
                documents, Instant.now());
    }

    /** The base a document names as its own address: the root's for the primary vendor, else the vendor's. */
    URI canonicalBase(ContactPoint vendor) {
        return base(vendor, contacts.primary().filter(p -> p.organisationId() == vendor.organisationId()).isPresent());
    }

    /** The vendor as the publisher of its advisories; the namespace is its public address. */
    Publisher publisher(ContactPoint vendor) {
        return new Publisher(Publisher.Category.VENDOR, vendor.vendorName(), URI.create(https(addresses.vendor(vendor))),
                vendor.contactEmail(), Optional.empty());
    }

    /** The vendor's readable advisory page for owners and mails (the instance's own address, as configured). */
    String page(ContactPoint vendor, String trackingId) {
        return addresses.vendor(vendor) + "/advisories/" + trackingId;
    }

    private static String https(String url) {
        return url.startsWith("http://") ? "https://" + url.substring("http://".length()) : url;
    }
}
