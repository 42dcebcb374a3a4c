package jp.renkei.server.intake;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Builds a Shadowserver CSV report with the real column set of its type (test data). */
public final class ShadowserverFile {

    /** {@code scan_telnet} columns as Shadowserver publishes them. */
    public static final List<String> SCAN_TELNET = List.of("timestamp", "severity", "ip", "protocol", "port",
            "hostname", "tag", "asn", "geo", "region", "city", "naics", "hostname_source", "sector", "banner");
    /** {@code event4_sinkhole} columns as Shadowserver publishes them. */
    public static final List<String> EVENT4_SINKHOLE = List.of("timestamp", "protocol", "src_ip", "src_port",
            "src_asn", "src_geo", "src_region", "src_city", "src_hostname", "src_naics", "src_sector",
            "device_vendor", "device_type", "device_model", "severity", "dst_ip", "dst_port", "dst_asn", "dst_geo",
            "dst_region", "dst_city", "dst_hostname", "dst_naics", "dst_sector", "public_source", "infection",
            "family", "tag", "application", "version", "event_id", "ssl_cipher", "ssl_servername");

    private final List<String> columns;
    private final StringBuilder text = new StringBuilder();

    private ShadowserverFile(List<String> columns) {
        this.columns = columns;
        text.append(columns.stream().map(ShadowserverFile::quote).collect(Collectors.joining(","))).append("\r\n");
    }

    /** A report with these columns. */
    public static ShadowserverFile of(List<String> columns) {
        return new ShadowserverFile(columns);
    }

    /** A row: pairs of column and value; other columns are empty. */
    public ShadowserverFile row(String... columnValuePairs) {
        Map<String, String> values = new java.util.HashMap<>();
        for (int i = 0; i < columnValuePairs.length; i += 2) {
            values.put(columnValuePairs[i], columnValuePairs[i + 1]);
        }
        if (!columns.containsAll(values.keySet())) {
            throw new IllegalArgumentException("unknown column in " + Arrays.toString(columnValuePairs));
        }
        text.append(columns.stream().map(c -> quote(values.getOrDefault(c, ""))).collect(Collectors.joining(",")))
                .append("\r\n");
        return this;
    }

    private static String quote(String value) {
        return "\"" + value.replace("\"", "\"\"") + "\"";
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
