package jp.renkei.core.intake;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Shadowserver report types: recognised from file names, and the ones Renkei can read. */
public final class ShadowserverReportType {

    /** Open telnet found by Internet-wide scans. */
    public static final String SCAN_TELNET = "scan_telnet";
    /** Infected devices seen connecting to a sinkhole. */
    public static final String EVENT4_SINKHOLE = "event4_sinkhole";
    /** Report types {@link ShadowserverReader} understands. */
    public static final Set<String> SUPPORTED = Set.of(SCAN_TELNET, EVENT4_SINKHOLE);

    // Report types use underscores, never hyphens, so the first hyphen after the date ends them.
    private static final Pattern FILE_NAME = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})-([a-z0-9_]+)-.+\\.csv",
            Pattern.CASE_INSENSITIVE);

    private ShadowserverReportType() {
    }

    /** The report type in a name like {@code 2024-09-24-scan_telnet-asn-jp.csv}; directories are ignored. */
    public static Optional<String> fromFileName(String fileName) {
        if (fileName == null) {
            return Optional.empty();
        }
        String base = fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
        Matcher m = FILE_NAME.matcher(base);
        return m.matches() ? Optional.of(m.group(2).toLowerCase(java.util.Locale.ROOT)) : Optional.empty();
    }

    /** Whether {@link ShadowserverReader} can read this report type. */
    public static boolean isSupported(String reportType) {
        return SUPPORTED.contains(reportType);
    }

    /** The supported types, sorted, for error messages. */
    public static String supportedList() {
        return String.join(", ", SUPPORTED.stream().sorted().toList());
    }
}
