package jp.renkei.core.intake;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Shadowserver report types: recognised from file names, and for each IoT-relevant type the problem
 * kind it reports, where the device's address and port are, and its known header (FORMATS.md).
 * Any other type is still read through its header, as {@link ProblemKind#UNMAPPED}.
 */
public final class ShadowserverReportType {

    /** Open telnet found by Internet-wide scans. */
    public static final String SCAN_TELNET = "scan_telnet";
    /** Devices with signs of compromise found by scans. */
    public static final String COMPROMISED_IOT = "compromised_iot";
    /** Infected devices seen connecting to a sinkhole. */
    public static final String EVENT4_SINKHOLE = "event4_sinkhole";
    /** As {@link #EVENT4_SINKHOLE}, over HTTP. */
    public static final String EVENT4_SINKHOLE_HTTP = "event4_sinkhole_http";
    /** Devices that tried to log into honeypots. */
    public static final String EVENT4_HONEYPOT_BRUTE_FORCE = "event4_honeypot_brute_force";
    /** Devices scanning unused address space like a bot (e.g. Mirai on port 23). */
    public static final String EVENT4_HONEYPOT_DARKNET = "event4_honeypot_darknet";
    /** Devices identified by scans, with vendor, type, model and version. */
    public static final String DEVICE_ID = "device_id";

    /** How a known report type is read. */
    public record Layout(String type, ProblemKind kind, String ipColumn, String portColumn, Set<String> knownColumns) {}

    private static final List<String> SCAN_PREFIX = List.of("timestamp", "severity", "ip", "protocol", "port",
            "hostname", "tag", "asn", "geo", "region", "city", "naics", "hostname_source", "sector");
    // Older scan files lack severity and hostname_source and carry sic.
    private static final List<String> SCAN_OLD = List.of("sic");
    private static final List<String> SINKHOLE = List.of("timestamp", "protocol", "src_ip", "src_port", "src_asn",
            "src_geo", "src_region", "src_city", "src_hostname", "src_naics", "src_sector", "device_vendor",
            "device_type", "device_model", "severity", "dst_ip", "dst_port", "dst_asn", "dst_geo", "dst_region",
            "dst_city", "dst_hostname", "dst_naics", "dst_sector", "public_source", "infection", "family", "tag",
            "application", "version", "event_id", "ssl_cipher", "ssl_servername");
    private static final List<String> DEVICE = List.of("device_vendor", "device_type", "device_model",
            "device_version");

    private static final Map<String, Layout> LAYOUTS = Map.of(
            SCAN_TELNET, scan(SCAN_TELNET, ProblemKind.EXPOSED_TELNET, List.of("banner")),
            COMPROMISED_IOT, scan(COMPROMISED_IOT, ProblemKind.COMPROMISED, concat(DEVICE, List.of("source_type",
                    "category", "family", "status", "detail", "public_source", "account", "server_host_key",
                    "malpubkey_sha256", "banner"))),
            EVENT4_SINKHOLE, event(EVENT4_SINKHOLE, ProblemKind.INFECTED, SINKHOLE),
            EVENT4_SINKHOLE_HTTP, event(EVENT4_SINKHOLE_HTTP, ProblemKind.INFECTED, concat(SINKHOLE, List.of(
                    "http_url", "http_host", "http_agent", "forwarded_by", "http_referer", "machine_name"))),
            EVENT4_HONEYPOT_BRUTE_FORCE, event(EVENT4_HONEYPOT_BRUTE_FORCE, ProblemKind.BRUTE_FORCE_SOURCE,
                    concat(SINKHOLE.subList(0, SINKHOLE.indexOf("event_id") + 1), List.of("service", "start_time",
                            "end_time", "client_version", "username", "password", "payload_url", "payload_md5",
                            "vulnerability_enum", "vulnerability_id", "vulnerability_class",
                            "vulnerability_score", "vulnerability_severity", "vulnerability_version",
                            "target_vendor", "target_product", "target_class"))),
            EVENT4_HONEYPOT_DARKNET, event(EVENT4_HONEYPOT_DARKNET, ProblemKind.INFECTED,
                    concat(SINKHOLE, List.of("count"))),
            DEVICE_ID, scan(DEVICE_ID, ProblemKind.EXPOSED_SERVICE, concat(DEVICE, List.of("banner"))));

    /** Report types {@link ShadowserverReader} maps to a problem kind; others are read as unmapped. */
    public static final Set<String> SUPPORTED = LAYOUTS.keySet();

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

    /** Whether {@link ShadowserverReader} maps this report type to a problem kind. */
    public static boolean isSupported(String reportType) {
        return LAYOUTS.containsKey(reportType);
    }

    /** The layout of a supported type. */
    public static Optional<Layout> layout(String reportType) {
        return Optional.ofNullable(LAYOUTS.get(reportType));
    }

    /** The supported types, sorted, for messages. */
    public static String supportedList() {
        return String.join(", ", SUPPORTED.stream().sorted().toList());
    }

    private static Layout scan(String type, ProblemKind kind, List<String> more) {
        return new Layout(type, kind, "ip", "port", columns(SCAN_PREFIX, SCAN_OLD, more));
    }

    private static Layout event(String type, ProblemKind kind, List<String> columns) {
        return new Layout(type, kind, "src_ip", "src_port", columns(columns));
    }

    @SafeVarargs
    private static Set<String> columns(List<String>... lists) {
        Set<String> all = new LinkedHashSet<>();
        for (List<String> l : lists) {
            all.addAll(l);
        }
        return Set.copyOf(all);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
