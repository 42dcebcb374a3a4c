package jp.renkei.server.intake.feeds;

/** Fetches new files of one kind of feed source and registers them as deliveries. */
interface Collector {

    /** The source this collector serves. */
    FeedSource source();

    /**
     * Spools and registers whatever is new at the feed's source; acknowledges it at the source
     * (moves, marks seen, remembers the ETag) only after registering.
     *
     * @return a one-line summary for the feeds page, e.g. "2 files"
     * @throws Exception when the source cannot be reached; recorded as the feed's error
     */
    String collect(Feed feed) throws Exception;
}
