package jp.renkei.server.intake.feeds;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.scheduling.support.CronExpression;

/**
 * What an operator sets for a feed (the body of {@code PUT /api/v1/feeds/{name}} and the feed form).
 * Absent optional values are null here; {@link #validated()} checks and normalises them.
 *
 * @param password the IMAP password; null keeps the stored one, empty removes it
 */
public record FeedDefinition(String provider, String format, String reportType, String mapping, String source,
        String schedule, Map<String, String> settings, String password, Boolean enabled) {

    /** Observation formats a feed may name (the import decides which it can read today). */
    public static final Set<String> FORMATS = Set.of("shadowserver", "intelmq", "notice", "xarf", "csv");

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Map<FeedSource, Set<String>> SETTINGS = Map.of(
            FeedSource.UPLOAD, Set.of(), FeedSource.REST, Set.of(), FeedSource.DIRECTORY, Set.of(),
            FeedSource.IMAP, Set.of("host", "port", "user", "folder", "security"),
            FeedSource.URL, Set.of("url", "trustCertificate"));

    /** The setting keys a source takes. */
    public static Set<String> settingsOf(FeedSource source) {
        return SETTINGS.get(source);
    }

    /** Rejects a feed name that could not be a folder name or URL segment. */
    public static String checkedName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new InvalidFeedException("name: 1–64 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        return name;
    }

    /** This definition with defaults applied, or an {@link InvalidFeedException} naming the first bad field. */
    public FeedDefinition validated() {
        if (format == null || !FORMATS.contains(format)) {
            throw new InvalidFeedException("format: one of " + String.join(", ", FORMATS.stream().sorted().toList()));
        }
        if (source == null) {
            throw new InvalidFeedException("source: required (upload, rest, directory, imap or url)");
        }
        FeedSource src = FeedSource.fromCode(source);
        String sched = schedule == null ? "" : schedule.trim();
        if (!sched.isEmpty()) {
            checkSchedule(sched);
        }
        Map<String, String> s = settings == null ? Map.of() : settings;
        for (String key : s.keySet()) {
            if (!SETTINGS.get(src).contains(key)) {
                throw new InvalidFeedException("settings." + key + ": not a setting of " + src.code() + " feeds"
                        + (SETTINGS.get(src).isEmpty() ? "" : " (" + String.join(", ", SETTINGS.get(src)) + ")"));
            }
        }
        if (src == FeedSource.URL) {
            String url = s.getOrDefault("url", "");
            if (!url.startsWith("https://")) {
                throw new InvalidFeedException("settings.url: an https:// URL is required");
            }
            if (s.containsKey("trustCertificate") && !s.get("trustCertificate").isBlank()) {
                TrustedCertificate.parse(s.get("trustCertificate"));
            }
        }
        if (src == FeedSource.IMAP) {
            if (s.getOrDefault("host", "").isBlank() || s.getOrDefault("user", "").isBlank()) {
                throw new InvalidFeedException("settings.host and settings.user: required for imap feeds");
            }
            if (s.containsKey("port") && !s.get("port").matches("\\d{1,5}")) {
                throw new InvalidFeedException("settings.port: a port number");
            }
            if (s.containsKey("security") && !Set.of("ssl", "starttls", "plain").contains(s.get("security"))) {
                throw new InvalidFeedException("settings.security: ssl, starttls or plain");
            }
        }
        return new FeedDefinition(provider == null ? "" : provider.trim(), format, blankToNull(reportType),
                blankToNull(mapping), src.code(), sched, Map.copyOf(s), password, enabled == null || enabled);
    }

    /** The source, once validated. */
    public FeedSource feedSource() {
        return FeedSource.fromCode(source);
    }

    Optional<String> optionalReportType() {
        return Optional.ofNullable(reportType);
    }

    Optional<String> optionalMapping() {
        return Optional.ofNullable(mapping);
    }

    private static void checkSchedule(String schedule) {
        if (schedule.startsWith("P") || schedule.startsWith("p")) {
            try {
                if (Duration.parse(schedule).compareTo(Duration.ofSeconds(1)) < 0) {
                    throw new InvalidFeedException("schedule: at least one second apart");
                }
                return;
            } catch (DateTimeParseException e) {
                throw new InvalidFeedException("schedule: '" + schedule + "' is not an ISO-8601 duration such as PT1H");
            }
        }
        if (!CronExpression.isValidExpression(schedule)) {
            throw new InvalidFeedException("schedule: '" + schedule
                    + "' is neither an ISO-8601 duration (PT1H) nor a cron expression (0 0 6 * * *)");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
