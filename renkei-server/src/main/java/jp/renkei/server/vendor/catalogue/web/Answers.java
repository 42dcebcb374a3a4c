package jp.renkei.server.vendor.catalogue.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import jp.renkei.server.vendor.catalogue.CatalogueResult;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The API's answers for the catalogue's outcomes, in the JSON shape the other endpoints use. */
final class Answers {

    private Answers() {
    }

    /** 201 with the saved value as shown, or 400 / 409 / 404 naming the field. */
    static <T> ResponseEntity<?> of(CatalogueResult<T> result, Function<T, ?> shown) {
        return of(result, shown, HttpStatus.CREATED);
    }

    /** {@code saved} with the saved value as shown, or 400 / 409 / 404 naming the field. */
    static <T> ResponseEntity<?> of(CatalogueResult<T> result, Function<T, ?> shown, HttpStatus saved) {
        if (result instanceof CatalogueResult.Saved<T> done) {
            return ResponseEntity.status(saved).body(shown.apply(done.value()));
        }
        if (result instanceof CatalogueResult.Invalid<T> invalid) {
            return bad(invalid.field(), invalid.reason());
        }
        if (result instanceof CatalogueResult.Conflict<T> conflict) {
            return ResponseEntity.status(HttpStatus.CONFLICT)
                    .body(Map.of("reason", "conflict", "parameter", conflict.field(), "detail", conflict.reason()));
        }
        return notFound(((CatalogueResult.NotFound<T>) result).what());
    }

    static ResponseEntity<Map<String, String>> bad(String parameter, String detail) {
        return ResponseEntity.badRequest().body(Map.of("reason", "bad-parameter", "parameter", parameter,
                "detail", detail));
    }

    static ResponseEntity<Map<String, String>> notFound(String what) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("reason", "not-found", "detail",
                what + " is not in your organisation's catalogue"));
    }

    /** A yyyy-mm-dd date, absent when blank. */
    static Optional<LocalDate> date(String field, String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(value.strip()));
        } catch (DateTimeParseException e) {
            throw new BadField(field, field + " '" + value + "' is not a date (yyyy-mm-dd)");
        }
    }

    /** A request field that cannot be used; answered 400 by the controllers' handler. */
    static final class BadField extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final String field;

        BadField(String field, String message) {
            super(message);
            this.field = field;
        }
    }
}
