package jp.renkei.core.csaf.authoring;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import jp.renkei.core.Language;
import jp.renkei.core.csaf.Note;
import jp.renkei.core.csaf.Publisher;
import jp.renkei.core.csaf.Reference;
import jp.renkei.core.csaf.Tlp;
import jp.renkei.core.csaf.Tracking;

/**
 * Everything a PSIRT decides for one advisory, in plain values. The document version and release dates
 * are taken from {@code revisions} (latest revision = current version), so they cannot disagree.
 * {@code language} is the document's language and the language of every text Renkei writes into it;
 * {@code sourceLanguage} is set on a translation (e.g. the English copy of a Japanese original).
 */
public record AdvisoryInput(
        String trackingId,
        String title,
        Language language,
        Optional<Language> sourceLanguage,
        Publisher publisher,
        Tlp tlp,
        Tracking.Status status,
        List<Tracking.Revision> revisions,
        List<Note> notes,
        List<Reference> references,
        ProductCatalogue catalogue,
        List<VulnerabilityInput> vulnerabilities,
        Instant generatedAt) {

    public AdvisoryInput {
        Objects.requireNonNull(trackingId, "trackingId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(sourceLanguage, "sourceLanguage");
        Objects.requireNonNull(publisher, "publisher");
        Objects.requireNonNull(tlp, "tlp");
        Objects.requireNonNull(status, "status");
        revisions = List.copyOf(revisions);
        notes = List.copyOf(notes);
        references = List.copyOf(references);
        Objects.requireNonNull(catalogue, "catalogue");
        vulnerabilities = List.copyOf(vulnerabilities);
        Objects.requireNonNull(generatedAt, "generatedAt");
    }
}
