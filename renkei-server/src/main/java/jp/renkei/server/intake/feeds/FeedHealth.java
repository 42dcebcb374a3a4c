package jp.renkei.server.intake.feeds;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jp.renkei.server.platform.ImportAlarm;

/**
 * How a feed is doing, as the feeds page shows it.
 *
 * @param status     {@code ok}, {@code alarm} (the last import raised an alarm), {@code error} (the
 *                   collector or the last file failed) or {@code idle} (nothing taken in yet)
 * @param alarms     the alarms of the feed's last import
 * @param lastDetail what went wrong, when the status is {@code error}
 */
public record FeedHealth(Feed feed, String status, Optional<Instant> lastImportAt, long files, long accepted,
        long duplicates, long rejected, List<ImportAlarm> alarms, String lastDetail) {

    public FeedHealth {
        alarms = List.copyOf(alarms);
    }
}
