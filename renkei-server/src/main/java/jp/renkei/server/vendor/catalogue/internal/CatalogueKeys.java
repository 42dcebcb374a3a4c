package jp.renkei.server.vendor.catalogue.internal;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Model numbers and firmware versions appear in URLs ({@code /api/v1/products/RX-200/firmware/2.1.0}),
 * so they are kept to letters, digits and {@code . _ + : ( ) -} and inner spaces.
 */
public final class CatalogueKeys {

    private static final Pattern ALLOWED = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} ._+:()\\-]{0,99}");

    private CatalogueKeys() {
    }

    /** Why {@code value} cannot be a model number or version, or empty when it can. */
    public static Optional<String> problem(String what, String value) {
        if (value == null || value.isBlank()) {
            return Optional.of(what + " is required");
        }
        if (!ALLOWED.matcher(value.strip()).matches()) {
            return Optional.of(what + " '" + value + "' may only contain letters, digits, spaces and . _ + : ( ) -"
                    + " (at most 100 characters, starting with a letter or digit)");
        }
        return Optional.empty();
    }
}
