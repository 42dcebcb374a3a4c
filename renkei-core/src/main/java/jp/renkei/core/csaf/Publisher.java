package jp.renkei.core.csaf;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/** Who issues the document; {@code namespace} is the publisher's web address that scopes tracking ids. */
public record Publisher(
        Category category,
        String name,
        URI namespace,
        Optional<String> contactDetails,
        Optional<String> issuingAuthority) {

    /** The kinds of issuing party CSAF 2.0 knows. */
    public enum Category implements CsafEnum {
        COORDINATOR, DISCOVERER, OTHER, TRANSLATOR, USER, VENDOR
    }

    public Publisher {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(contactDetails, "contactDetails");
        Objects.requireNonNull(issuingAuthority, "issuingAuthority");
    }

    /** A vendor publisher with no contact details or issuing authority text. */
    public static Publisher vendor(String name, URI namespace) {
        return new Publisher(Category.VENDOR, name, namespace, Optional.empty(), Optional.empty());
    }
}
