package jp.renkei.core.intake;

import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import jp.renkei.core.Sha256;
import jp.renkei.core.imports.CsvTable;
import jp.renkei.core.imports.ImportFormatException;
import jp.renkei.core.imports.LookaheadReader;
import jp.renkei.core.imports.Parsed;
import jp.renkei.core.net.IpAddresses;

/**
 * Reads a Shadowserver CSV report of a supported type into observation drafts. Columns Renkei
 * does not interpret are kept in the evidence, since Shadowserver adds columns over time.
 */
public final class ShadowserverReader extends LookaheadReader<ObservationDraft> {

    private final CsvTable table;
    private final String reportType;
    private final ProblemKind kind;
    private final String ipColumn;
    private final String portColumn;
    private final int timestamp;
    private final int ip;

    /** Checks the report type and header at once; both are whole-file problems. */
    public ShadowserverReader(InputStream in, String fileName, String reportType) {
        if (!ShadowserverReportType.isSupported(reportType)) {
            throw new ImportFormatException("unsupported Shadowserver report type '" + reportType + "' in "
                    + fileName + " (supported: " + ShadowserverReportType.supportedList() + ")");
        }
        this.reportType = reportType;
        boolean scan = reportType.equals(ShadowserverReportType.SCAN_TELNET);
        this.kind = scan ? ProblemKind.EXPOSED_TELNET : ProblemKind.INFECTED;
        this.ipColumn = scan ? "ip" : "src_ip";
        this.portColumn = scan ? "port" : "src_port";
        this.table = CsvTable.open(in, fileName);
        try {
            this.timestamp = table.requireColumn("timestamp");
            this.ip = table.requireColumn(ipColumn);
        } catch (RuntimeException e) {
            table.close();
            throw e;
        }
    }

    @Override
    protected Parsed<ObservationDraft> fetch() {
        return table.next().map(this::toDraft).orElse(null);
    }

    private Parsed<ObservationDraft> toDraft(Parsed<CsvRecord> parsed) {
        if (!(parsed instanceof Parsed.Row<CsvRecord> row)) {
            return new Parsed.Rejected<>(parsed.line(), ((Parsed.Rejected<CsvRecord>) parsed).reason());
        }
        long line = row.line();
        CsvRecord r = row.value();
        String timeText = r.getField(timestamp);
        Optional<Instant> time = ReportTime.parse(timeText);
        if (time.isEmpty()) {
            return new Parsed.Rejected<>(line, "column 'timestamp': '" + timeText + "' is not a UTC timestamp");
        }
        String ipText = r.getField(ip);
        if (!IpAddresses.isAddress(ipText)) {
            return new Parsed.Rejected<>(line, "column '" + ipColumn + "': '" + ipText + "' is not an IP address");
        }
        String portText = value(r, portColumn);
        OptionalInt port = OptionalInt.empty();
        if (!portText.isEmpty()) {
            try {
                port = OptionalInt.of(Integer.parseInt(portText));
            } catch (NumberFormatException e) {
                port = OptionalInt.of(-1);
            }
            if (port.getAsInt() < 0 || port.getAsInt() > 65_535) {
                return new Parsed.Rejected<>(line, "column '" + portColumn + "': '" + portText + "' is not a port number");
            }
        }
        String transport = value(r, "protocol").toLowerCase(Locale.ROOT);
        Optional<String> family = present(value(r, "infection")).or(() -> present(value(r, "family")));
        LinkedHashMap<String, String> evidence = evidence(r);
        return new Parsed.Row<>(line, new ObservationDraft(reportType, line, time.get(),
                IpAddresses.canonical(ipText), port,
                transport.equals("tcp") || transport.equals("udp") ? transport : "",
                kind, Severity.parse(value(r, "severity")),
                kind == ProblemKind.INFECTED ? family : Optional.empty(),
                present(value(r, "device_vendor")), present(value(r, "device_model")),
                evidence, fingerprint(evidence)));
    }

    private LinkedHashMap<String, String> evidence(CsvRecord r) {
        List<String> header = table.header();
        LinkedHashMap<String, String> evidence = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            evidence.putIfAbsent(header.get(i), r.getField(i));
        }
        return evidence;
    }

    /** Separators between names and values keep "ab","c" and "a","bc" from hashing alike. */
    private String fingerprint(LinkedHashMap<String, String> evidence) {
        MessageDigest digest = Sha256.newDigest();
        digest.update(reportType.getBytes(StandardCharsets.UTF_8));
        evidence.forEach((column, value) -> {
            digest.update((byte) 0x1e);
            digest.update(column.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0x1f);
            digest.update(value.getBytes(StandardCharsets.UTF_8));
        });
        return Sha256.hex(digest);
    }

    private String value(CsvRecord r, String column) {
        int i = table.column(column);
        return i < 0 ? "" : r.getField(i).strip();
    }

    private static Optional<String> present(String value) {
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    @Override
    public void close() {
        table.close();
    }
}
