package jp.renkei.core.csaf;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code /document} part of a CSAF document. {@code category} stays a string because imported
 * documents may use any profile (CSAF Base allows free values); Renkei writes
 * {@link #SECURITY_ADVISORY}.
 */
public record DocumentMetadata(
        String category,
        String title,
        Optional<String> lang,
        Optional<String> sourceLang,
        Publisher publisher,
        Tracking tracking,
        Optional<Tlp> tlp,
        Optional<String> distributionText,
        List<Note> notes,
        List<Reference> references) {

    /** The profile of Renkei's own advisories. */
    public static final String SECURITY_ADVISORY = "csaf_security_advisory";

    /** The only CSAF version this package reads and writes. */
    public static final String CSAF_VERSION = "2.0";

    public DocumentMetadata {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(lang, "lang");
        Objects.requireNonNull(sourceLang, "sourceLang");
        Objects.requireNonNull(publisher, "publisher");
        Objects.requireNonNull(tracking, "tracking");
        Objects.requireNonNull(tlp, "tlp");
        Objects.requireNonNull(distributionText, "distributionText");
        notes = List.copyOf(notes);
        references = List.copyOf(references);
    }
}
