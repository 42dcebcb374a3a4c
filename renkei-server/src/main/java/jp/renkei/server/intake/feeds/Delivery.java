package jp.renkei.server.intake.feeds;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * One file a collector received for a feed, kept in its spool folder until the import run is
 * recorded. Format and mapping are copied from the feed when the file arrives.
 *
 * @param origin where it came from: a path, a message id, a URL, or the uploading user
 * @param state  {@code received}, {@code importing}, {@code imported}, {@code duplicate} (content already
 *               taken in) or {@code failed} (the file cannot be read as the format)
 */
public record Delivery(long id, long organisationId, String feedName, String format, Optional<String> reportType,
        Optional<String> mapping, String actor, String origin, String fileName, Path spoolPath, long sizeBytes,
        String contentSha256, String state, Optional<Long> importRunId, String detail, Instant receivedAt,
        Optional<Instant> finishedAt) {

    /** True once nothing more will happen to the file. */
    public boolean finished() {
        return state.equals(IMPORTED) || state.equals(DUPLICATE) || state.equals(FAILED);
    }

    public static final String RECEIVED = "received";
    public static final String IMPORTING = "importing";
    public static final String IMPORTED = "imported";
    public static final String DUPLICATE = "duplicate";
    public static final String FAILED = "failed";
}
