package jp.renkei.core.csaf;

import java.util.List;
import java.util.Objects;

/** A CSAF 2.0 document as Renkei models it: document metadata, product tree and vulnerabilities. */
public record Advisory(DocumentMetadata document, ProductTree productTree, List<Vulnerability> vulnerabilities) {

    public Advisory {
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(productTree, "productTree");
        vulnerabilities = List.copyOf(vulnerabilities);
    }
}
