package jp.renkei.core.csaf;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A product with the id by which the rest of the document refers to it. */
public record FullProductName(String productId, String name, Identification identification) {

    /** {@code product_identification_helper}: what lets a reader find the product in an inventory. */
    public record Identification(
            Optional<String> cpe,
            Optional<String> purl,
            List<String> modelNumbers,
            List<String> serialNumbers,
            List<String> skus) {

        /** No identification helper. */
        public static final Identification NONE =
                new Identification(Optional.empty(), Optional.empty(), List.of(), List.of(), List.of());

        public Identification {
            Objects.requireNonNull(cpe, "cpe");
            Objects.requireNonNull(purl, "purl");
            modelNumbers = List.copyOf(modelNumbers);
            serialNumbers = List.copyOf(serialNumbers);
            skus = List.copyOf(skus);
        }

        /** Whether there is nothing to write. */
        public boolean isEmpty() {
            return cpe.isEmpty() && purl.isEmpty() && modelNumbers.isEmpty() && serialNumbers.isEmpty()
                    && skus.isEmpty();
        }
    }

    public FullProductName {
        Objects.requireNonNull(productId, "productId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(identification, "identification");
    }

    /** A product without identification helper. */
    public FullProductName(String productId, String name) {
        this(productId, name, Identification.NONE);
    }
}
