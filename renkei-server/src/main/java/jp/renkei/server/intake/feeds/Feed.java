package jp.renkei.server.intake.feeds;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * One source of device reports of one organisation, with the outcome of its collector's last run.
 *
 * @param schedule   an ISO-8601 interval ({@code PT1H}), a cron expression, or empty for every collector tick
 * @param settings   source settings: {@code url}, {@code trustCertificate} (PEM) for URL feeds;
 *                   {@code host}, {@code port}, {@code user}, {@code folder}, {@code security} for IMAP feeds
 * @param secretSet  whether a password is stored (it is never read back)
 * @param lastStatus {@code ok} or {@code error} of the last collector run
 */
public record Feed(long organisationId, String name, String provider, String format, Optional<String> reportType,
        Optional<String> mapping, FeedSource source, String schedule, Map<String, String> settings,
        boolean secretSet, boolean enabled, Optional<Instant> lastRunAt, Optional<String> lastStatus,
        String lastDetail) {

    public Feed {
        settings = Map.copyOf(settings);
    }

    /** A setting, or the default. */
    public String setting(String key, String otherwise) {
        String value = settings.get(key);
        return value == null || value.isBlank() ? otherwise : value;
    }
}
