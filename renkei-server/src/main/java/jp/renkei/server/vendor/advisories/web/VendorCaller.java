package jp.renkei.server.vendor.advisories.web;

import jp.renkei.server.platform.OrganisationKind;
import jp.renkei.server.platform.RenkeiPrincipal;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** Advisories exist for vendor organisations only; to anyone else they are not there (404). */
final class VendorCaller {

    private VendorCaller() {}

    static long organisation(RenkeiPrincipal caller) {
        if (caller.organisationKind() != OrganisationKind.VENDOR) {
            throw notFound();
        }
        return caller.organisationId();
    }

    static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
}
