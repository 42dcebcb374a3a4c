package jp.renkei.core.demo;

import de.siegmar.fastcsv.writer.CsvWriter;
import java.io.IOException;
import java.io.Writer;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import jp.renkei.core.intake.ShadowserverReportType;

/** Writes report rows with the real Shadowserver headers (see FORMATS.md). */
final class ShadowserverWriter {

    static final List<String> SCAN_TELNET_HEADER = List.of("timestamp", "severity", "ip", "protocol", "port",
            "hostname", "tag", "asn", "geo", "region", "city", "naics", "hostname_source", "sector", "banner");
    static final List<String> EVENT4_SINKHOLE_HEADER = List.of("timestamp", "protocol", "src_ip", "src_port",
            "src_asn", "src_geo", "src_region", "src_city", "src_hostname", "src_naics", "src_sector",
            "device_vendor", "device_type", "device_model", "severity", "dst_ip", "dst_port", "dst_asn", "dst_geo",
            "dst_region", "dst_city", "dst_hostname", "dst_naics", "dst_sector", "public_source", "infection",
            "family", "tag", "application", "version", "event_id", "ssl_cipher", "ssl_servername");

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final String ASN = "64496"; // documentation ASN (RFC 5398)
    private static final String SECTOR = "Communications, Service Provider, and Hosting Service";
    private static final String[][] PLACES = {{"TOKYO", "SETAGAYA"}, {"OSAKA", "OSAKA"}, {"KANAGAWA", "YOKOHAMA"},
        {"AICHI", "NAGOYA"}, {"FUKUOKA", "FUKUOKA"}};
    /** Banner, vendor, model: what scans of Japanese home networks typically see. */
    private static final String[][] TELNET_DEVICES = {
        {"|MikroTik v6.45.3 (stable)|Login:", "MikroTik", "RouterOS"},
        {"|(none) login:", "", ""},
        {"|dvrdvs login:", "Hikvision", "DVR"},
        {"|BCM96816 Broadband Router|Login:", "Broadcom", "BCM96816"},
        {"|ZXHN H108N|Login:", "ZTE", "ZXHN H108N"},
        {"|Welcome to \"HomeGW\", please log in|login:", "", ""},
    };
    private static final String[][] INFECTIONS = {
        {"mirai", "mirai", "Hikvision", "DVR"}, {"mirai", "mirai", "", ""}, {"mozi", "mozi", "", ""},
        {"gafgyt", "gafgyt", "MikroTik", "RouterOS"},
    };

    private ShadowserverWriter() {
    }

    static void write(String reportType, List<ReportRow> rows, Writer out) throws IOException {
        boolean scan = reportType.equals(ShadowserverReportType.SCAN_TELNET);
        CsvWriter csv = CsvWriter.builder().build(out);
        csv.writeRecord(scan ? SCAN_TELNET_HEADER : EVENT4_SINKHOLE_HEADER);
        for (ReportRow r : rows) {
            if (r.reportType().equals(reportType)) {
                csv.writeRecord(scan ? telnet(r) : sinkhole(r));
            }
        }
        csv.flush();
    }

    private static String[] telnet(ReportRow r) {
        String[] device = TELNET_DEVICES[r.profile() % TELNET_DEVICES.length];
        String[] place = PLACES[r.profile() % PLACES.length];
        return new String[] {TIME.format(r.at()), "medium", r.ip(), "tcp", Integer.toString(r.port()), "",
            "telnet", ASN, "JP", place[0], place[1], "517311", "", SECTOR, device[0]};
    }

    private static String[] sinkhole(ReportRow r) {
        String[] infection = INFECTIONS[r.profile() % INFECTIONS.length];
        String[] place = PLACES[r.profile() % PLACES.length];
        return new String[] {TIME.format(r.at()), "tcp", r.ip(), Integer.toString(r.port()), ASN, "JP", place[0],
            place[1], "", "517311", SECTOR, infection[2], infection[2].isEmpty() ? "" : "iot", infection[3], "high",
            "192.0.2.53", "80", "64497", "US", "CALIFORNIA", "SAN FRANCISCO", "", "", "", "CWSandbox", infection[0],
            infection[1], "botnet", "http", "", "", "", ""};
    }
}
