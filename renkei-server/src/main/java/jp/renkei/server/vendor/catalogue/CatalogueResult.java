package jp.renkei.server.vendor.catalogue;

/** The outcome of a change to the catalogue: saved, or why not (which the API answers 400, 409 or 404). */
public sealed interface CatalogueResult<T> permits CatalogueResult.Saved, CatalogueResult.Invalid,
        CatalogueResult.Conflict, CatalogueResult.NotFound {

    /** Stored. */
    record Saved<T>(T value) implements CatalogueResult<T> {
    }

    /** A field's value is not acceptable; {@code reason} says why. */
    record Invalid<T>(String field, String reason) implements CatalogueResult<T> {
    }

    /** The value is already taken in this organisation (a model number, a firmware version). */
    record Conflict<T>(String field, String reason) implements CatalogueResult<T> {
    }

    /** The product (or firmware) does not exist in the caller's organisation. */
    record NotFound<T>(String what) implements CatalogueResult<T> {
    }
}
