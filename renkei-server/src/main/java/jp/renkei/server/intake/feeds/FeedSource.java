package jp.renkei.server.intake.feeds;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Where a feed's files come from. */
public enum FeedSource {
    /** Files an operator uploads in the web UI. */
    UPLOAD,
    /** Files a script posts to the REST API. */
    REST,
    /** Files dropped into the feed's folder under the watch directory. */
    DIRECTORY,
    /** Report attachments and X-ARF mails in an IMAP mailbox. */
    IMAP,
    /** A file fetched from an HTTPS URL on a schedule. */
    URL;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The source with this code. */
    public static FeedSource fromCode(String code) {
        return Arrays.stream(values()).filter(s -> s.code().equalsIgnoreCase(code.trim())).findFirst()
                .orElseThrow(() -> new InvalidFeedException("unknown source '" + code + "' (expected "
                        + Arrays.stream(values()).map(FeedSource::code).collect(Collectors.joining(", ")) + ")"));
    }

    /** True for sources Renkei fetches from by itself. */
    public boolean collected() {
        return this == DIRECTORY || this == IMAP || this == URL;
    }
}
