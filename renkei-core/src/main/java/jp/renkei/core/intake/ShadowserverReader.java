package jp.renkei.core.intake;

import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import jp.renkei.core.imports.CsvTable;
import jp.renkei.core.imports.ImportFormatException;
import jp.renkei.core.imports.LookaheadReader;
import jp.renkei.core.imports.Parsed;
import jp.renkei.core.imports.ReaderAlarm;

/**
 * Reads a Shadowserver CSV report into observation drafts. A known IoT report type becomes its
 * problem kind; any other type is read through its header ({@code ip} or {@code src_ip}) as
 * {@link ProblemKind#UNMAPPED} with an {@code unknown-report-type} alarm. Columns outside a known
 * type's header raise an {@code unknown-column} alarm and, like every column, are kept in the
 * evidence, since Shadowserver adds columns over time.
 */
public final class ShadowserverReader extends LookaheadReader<ObservationDraft> {

    private final CsvTable table;
    private final String reportType;
    private final ProblemKind kind;
    private final String ipColumn;
    private final String portColumn;
    private final String[] header;
    private final int timestamp;
    private final int ip;
    private final int port;
    private final int protocol;
    private final int severity;
    private final int infection;
    private final int family;
    private final int vendor;
    private final int model;
    private final int version;
    private final int banner;
    private final List<ReaderAlarm> alarms = new ArrayList<>();
    private final Fingerprinter fingerprinter = new Fingerprinter();
    private final Fingerprinter.Header fingerprintHeader;

    /** Reads the header at once: a file without a timestamp or address column is a whole-file problem. */
    public ShadowserverReader(InputStream in, String fileName, String reportType) {
        this.reportType = reportType;
        this.table = CsvTable.open(in, fileName);
        try {
            Optional<ShadowserverReportType.Layout> layout = ShadowserverReportType.layout(reportType);
            if (layout.isPresent()) {
                this.kind = layout.get().kind();
                this.ipColumn = layout.get().ipColumn();
                this.portColumn = layout.get().portColumn();
                for (String column : table.header()) {
                    if (!layout.get().knownColumns().contains(column)) {
                        alarms.add(new ReaderAlarm(ReaderAlarm.UNKNOWN_COLUMN, "column '" + column + "' is not in the"
                                + " known header of Shadowserver report type " + reportType + " (" + fileName
                                + "); its values are kept in the evidence"));
                    }
                }
            } else {
                this.kind = ProblemKind.UNMAPPED;
                this.ipColumn = table.hasColumn("ip") || !table.hasColumn("src_ip") ? "ip" : "src_ip";
                this.portColumn = ipColumn.equals("ip") ? "port" : "src_port";
                alarms.add(new ReaderAlarm(ReaderAlarm.UNKNOWN_REPORT_TYPE, "Shadowserver report type '" + reportType
                        + "' in " + fileName + " is not mapped to a problem kind (mapped: "
                        + ShadowserverReportType.supportedList() + "); rows are kept as unmapped and open no case"));
            }
            this.timestamp = table.requireColumn("timestamp");
            this.ip = table.requireColumn(ipColumn);
        } catch (RuntimeException e) {
            table.close();
            throw e;
        }
        this.header = table.header().toArray(String[]::new);
        this.fingerprintHeader = new Fingerprinter.Header(header);
        this.port = table.column(portColumn);
        this.protocol = table.column("protocol");
        this.severity = table.column("severity");
        this.infection = table.column("infection");
        this.family = table.column("family");
        this.vendor = table.column("device_vendor");
        this.model = table.column("device_model");
        this.version = table.column("device_version");
        this.banner = table.column("banner");
    }

    @Override
    public List<ReaderAlarm> alarms() {
        return List.copyOf(alarms);
    }

    @Override
    protected Parsed<ObservationDraft> fetch() {
        return table.next(this::toDraft);
    }

    private Parsed<ObservationDraft> toDraft(long line, CsvRecord r) {
        String timeText = r.getField(timestamp);
        Instant time = ReportTime.parseUtc(timeText);
        if (time == null) {
            return new Parsed.Rejected<>(line, "column 'timestamp': '" + timeText + "' is not a UTC timestamp");
        }
        String ipText = r.getField(ip);
        String address = FastIp.canonical(ipText);
        if (address == null) {
            return new Parsed.Rejected<>(line, "column '" + ipColumn + "': '" + ipText + "' is not an IP address");
        }
        String portText = field(r, port);
        OptionalInt portNumber = FastIp.port(portText);
        if (portNumber == null) {
            return new Parsed.Rejected<>(line, "column '" + portColumn + "': '" + portText + "' is not a port number");
        }
        LinkedHashMap<String, String> evidence = new LinkedHashMap<>(header.length * 2);
        for (int i = 0; i < header.length; i++) {
            evidence.putIfAbsent(header[i], r.getField(i));
        }
        Optional<String> malware = kind == ProblemKind.INFECTED || kind == ProblemKind.COMPROMISED
                ? present(field(r, infection)).or(() -> present(field(r, family))) : Optional.empty();
        Optional<String> deviceVendor = present(field(r, vendor));
        Optional<String> deviceModel = present(field(r, model));
        Optional<String> firmware = present(field(r, version));
        if (deviceVendor.isEmpty() && banner >= 0) {
            Optional<DeviceIdentity> device = BannerFingerprints.identify(r.getField(banner));
            if (device.isPresent()) {
                deviceVendor = Optional.of(device.get().vendor());
                deviceModel = deviceModel.or(device.get()::model);
                firmware = firmware.or(device.get()::firmware);
            }
        }
        return new Parsed.Row<>(line, new ObservationDraft(reportType, line, time, address, portNumber,
                transport(field(r, protocol)), kind, Severity.parse(field(r, severity)), malware, deviceVendor,
                deviceModel, firmware, evidence, fingerprinter.of(reportType, fingerprintHeader, r::getField)));
    }

    static String transport(String protocol) {
        if (protocol.equalsIgnoreCase("tcp")) {
            return "tcp";
        }
        return protocol.equalsIgnoreCase("udp") ? "udp" : "";
    }

    private static String field(CsvRecord r, int column) {
        return column < 0 ? "" : r.getField(column).strip();
    }

    static Optional<String> present(String value) {
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    @Override
    public void close() {
        table.close();
    }

    @Override
    public String toString() {
        return "ShadowserverReader[" + reportType.toLowerCase(Locale.ROOT) + "]";
    }
}
