package jp.renkei.server.vendor.advisories.web;

import jp.renkei.core.csaf.provider.DistributionFile;
import jp.renkei.server.vendor.advisories.CsafProviders;
import jp.renkei.server.vendor.psirt.ContactPoint;
import jp.renkei.server.vendor.psirt.ContactPoints;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The CSAF provider directories, no login: the primary vendor's at {@code /.well-known/csaf/}, every
 * vendor's at {@code /vendors/{slug}/.well-known/csaf/} (as security.txt advertises). Only TLP:WHITE
 * documents are in them.
 */
@RestController
class ProviderFiles {

    private final CsafProviders providers;
    private final ContactPoints contacts;

    ProviderFiles(CsafProviders providers, ContactPoints contacts) {
        this.providers = providers;
        this.contacts = contacts;
    }

    @GetMapping("/.well-known/csaf/{*path}")
    ResponseEntity<byte[]> primary(@PathVariable String path) {
        return serve(contacts.primary().orElseThrow(VendorCaller::notFound), true, path);
    }

    @GetMapping("/vendors/{slug}/.well-known/csaf/{*path}")
    ResponseEntity<byte[]> vendor(@PathVariable String slug, @PathVariable String path) {
        return serve(contacts.bySlug(slug).orElseThrow(VendorCaller::notFound), false, path);
    }

    private ResponseEntity<byte[]> serve(ContactPoint vendor, boolean atRoot, String path) {
        DistributionFile file = providers.distribution(vendor, atRoot).file(path.startsWith("/") ? path.substring(1) : path)
                .orElseThrow(VendorCaller::notFound);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(file.mediaType())).body(file.content());
    }
}
