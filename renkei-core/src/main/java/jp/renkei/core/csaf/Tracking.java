package jp.renkei.core.csaf;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** {@code /document/tracking}: the identity and life of a document across its revisions. */
public record Tracking(
        String id,
        Status status,
        String version,
        Instant initialReleaseDate,
        Instant currentReleaseDate,
        List<Revision> revisionHistory,
        List<String> aliases,
        Optional<Generator> generator) {

    /** Draft documents may still change; interim ones expect updates; final ones are settled. */
    public enum Status implements CsafEnum {
        DRAFT, FINAL, INTERIM
    }

    /** One item of the revision history. */
    public record Revision(Instant date, String number, String summary, Optional<String> legacyVersion) {

        public Revision {
            Objects.requireNonNull(date, "date");
            Objects.requireNonNull(number, "number");
            Objects.requireNonNull(summary, "summary");
            Objects.requireNonNull(legacyVersion, "legacyVersion");
        }

        /** A revision without a legacy version. */
        public Revision(Instant date, String number, String summary) {
            this(date, number, summary, Optional.empty());
        }
    }

    /** The engine that produced the document, and when. */
    public record Generator(String engineName, Optional<String> engineVersion, Optional<Instant> date) {

        public Generator {
            Objects.requireNonNull(engineName, "engineName");
            Objects.requireNonNull(engineVersion, "engineVersion");
            Objects.requireNonNull(date, "date");
        }
    }

    public Tracking {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(initialReleaseDate, "initialReleaseDate");
        Objects.requireNonNull(currentReleaseDate, "currentReleaseDate");
        revisionHistory = List.copyOf(revisionHistory);
        aliases = List.copyOf(aliases);
        Objects.requireNonNull(generator, "generator");
    }
}
