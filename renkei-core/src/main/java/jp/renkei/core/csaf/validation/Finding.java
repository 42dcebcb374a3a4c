package jp.renkei.core.csaf.validation;

import java.util.Objects;

/**
 * One problem found in a document: which test found it ({@code schema} or a mandatory test number such
 * as {@code 6.1.6}), the JSON pointer of the offending part ({@code ""} for the whole document), and why.
 */
public record Finding(String test, String pointer, String message) {

    /** The test name used for JSON schema violations. */
    public static final String SCHEMA = "schema";

    public Finding {
        Objects.requireNonNull(test, "test");
        Objects.requireNonNull(pointer, "pointer");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return test + " at '" + pointer + "': " + message;
    }
}
