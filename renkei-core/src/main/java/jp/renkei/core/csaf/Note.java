package jp.renkei.core.csaf;

import java.util.Objects;
import java.util.Optional;

/** A note on the document or on one vulnerability. */
public record Note(Category category, String text, Optional<String> title, Optional<String> audience) {

    /** What kind of text the note holds. */
    public enum Category implements CsafEnum {
        DESCRIPTION, DETAILS, FAQ, GENERAL, LEGAL_DISCLAIMER, OTHER, SUMMARY
    }

    public Note {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(audience, "audience");
    }

    /** A note with a title and no audience. */
    public static Note of(Category category, String title, String text) {
        return new Note(category, text, Optional.of(title), Optional.empty());
    }
}
