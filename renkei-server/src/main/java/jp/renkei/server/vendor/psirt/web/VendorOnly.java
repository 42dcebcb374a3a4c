package jp.renkei.server.vendor.psirt.web;

import jp.renkei.server.platform.OrganisationKind;
import jp.renkei.server.platform.RenkeiPrincipal;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** The PSIRT console exists for vendor organisations only; to anyone else it is not there (404). */
final class VendorOnly {

    private VendorOnly() {}

    static long organisation(RenkeiPrincipal caller) {
        if (caller.organisationKind() != OrganisationKind.VENDOR) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return caller.organisationId();
    }

    static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
}
