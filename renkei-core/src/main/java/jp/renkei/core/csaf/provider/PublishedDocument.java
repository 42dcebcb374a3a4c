package jp.renkei.core.csaf.provider;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import jp.renkei.core.csaf.CanonicalJson;
import jp.renkei.core.csaf.Tlp;

/**
 * A CSAF document as it is published: its exact bytes, the fields the provider layout and feeds need
 * (read from those bytes, so they always agree), and its detached OpenPGP signature when the provider
 * signs.
 */
public record PublishedDocument(
        byte[] json,
        String trackingId,
        String title,
        Tlp tlp,
        String initialReleaseDate,
        String currentReleaseDate,
        Optional<byte[]> signature) {

    public PublishedDocument {
        json = json.clone();
        Objects.requireNonNull(trackingId, "trackingId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(tlp, "tlp");
        Objects.requireNonNull(initialReleaseDate, "initialReleaseDate");
        Objects.requireNonNull(currentReleaseDate, "currentReleaseDate");
        Objects.requireNonNull(signature, "signature");
    }

    /**
     * Reads the fields from a CSAF document's bytes.
     *
     * @throws IllegalArgumentException naming the JSON pointer of a missing or malformed field
     */
    public static PublishedDocument of(byte[] json) {
        JsonNode root;
        try {
            root = CanonicalJson.read(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
        }
        String tlp = text(root, "/document/distribution/tlp/label");
        Tlp label;
        try {
            label = Tlp.valueOf(tlp);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("/document/distribution/tlp/label: unknown TLP label " + tlp, e);
        }
        String initial = text(root, "/document/tracking/initial_release_date");
        String current = text(root, "/document/tracking/current_release_date");
        instant(initial, "/document/tracking/initial_release_date");
        instant(current, "/document/tracking/current_release_date");
        return new PublishedDocument(json, text(root, "/document/tracking/id"), text(root, "/document/title"),
                label, initial, current, Optional.empty());
    }

    /** The document's exact bytes (a copy). */
    @Override
    public byte[] json() {
        return json.clone();
    }

    /** The same document with its detached signature ({@code .asc}). */
    public PublishedDocument signedWith(byte[] asc) {
        return new PublishedDocument(json, trackingId, title, tlp, initialReleaseDate, currentReleaseDate,
                Optional.of(asc.clone()));
    }

    /** The initial release date as an instant (it decides the year folder). */
    public Instant initialRelease() {
        return instant(initialReleaseDate, "initial_release_date");
    }

    /** The current release date as an instant (it orders changes.csv). */
    public Instant currentRelease() {
        return instant(currentReleaseDate, "current_release_date");
    }

    /** The document's path below the provider base. */
    public String path() {
        return ProviderLayout.documentPath(tlp, initialRelease(), trackingId);
    }

    private static String text(JsonNode root, String pointer) {
        JsonNode node = root.at(pointer);
        if (!node.isTextual()) {
            throw new IllegalArgumentException(pointer + ": missing or not a string");
        }
        return node.asText();
    }

    static Instant instant(String text, String what) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(what + ": not a date-time: " + text, e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PublishedDocument d && Arrays.equals(json, d.json)
                && signature.map(s -> d.signature.filter(t -> Arrays.equals(s, t)).isPresent())
                        .orElse(d.signature.isEmpty());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(json);
    }

    @Override
    public String toString() {
        return "PublishedDocument[" + trackingId + ", " + tlp + ", " + json.length + " bytes]";
    }
}
