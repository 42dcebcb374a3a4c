package jp.renkei.core.intake;

import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.InputStream;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import jp.renkei.core.imports.CsvTable;
import jp.renkei.core.imports.LookaheadReader;
import jp.renkei.core.imports.Parsed;
import jp.renkei.core.imports.ReaderAlarm;

/**
 * Reads a CSV list through an operator's {@link ColumnMapping} (NOTICE/NICTER-style lists and
 * any other CSV). A kind value neither the mapping nor {@link ProblemKind#fromLabel} knows keeps
 * the row as unmapped and raises an {@code unknown-kind} alarm naming the value.
 */
public final class MappedCsvReader extends LookaheadReader<ObservationDraft> {

    /** Distinct unknown kind values listed as alarms; a list of free text must not flood the result. */
    static final int MAX_ALARMS = 20;

    private final CsvTable table;
    private final ColumnMapping mapping;
    private final String reportType;
    private final String[] header;
    private final DateTimeFormatter pattern;
    private final int time;
    private final int ip;
    private final int port;
    private final int transport;
    private final int kind;
    private final int family;
    private final int severity;
    private final int vendor;
    private final int model;
    private final int firmware;
    private final Map<String, ProblemKind> kindValues = new java.util.HashMap<>();
    private final List<ReaderAlarm> alarms = new ArrayList<>();
    private final Fingerprinter fingerprinter = new Fingerprinter();

    /**
     * Reads the header at once; a mapped column missing from it is a whole-file problem.
     *
     * @param reportType how the observations name their report ({@code notice}, {@code csv})
     */
    public MappedCsvReader(InputStream in, String fileName, String reportType, ColumnMapping mapping) {
        this.mapping = mapping;
        this.reportType = reportType + ":" + mapping.name();
        this.table = CsvTable.open(in, fileName, mapping.encoding().charset());
        try {
            this.time = table.requireColumn(mapping.timeColumn());
            this.ip = table.requireColumn(mapping.ipColumn());
            this.port = optional(mapping.portColumn());
            this.transport = optional(mapping.transportColumn());
            this.kind = optional(mapping.kindColumn());
            this.family = optional(mapping.familyColumn());
            this.severity = optional(mapping.severityColumn());
            this.vendor = optional(mapping.vendorColumn());
            this.model = optional(mapping.modelColumn());
            this.firmware = optional(mapping.firmwareColumn());
        } catch (RuntimeException e) {
            table.close();
            throw e;
        }
        this.header = table.header().toArray(String[]::new);
        this.pattern = mapping.timePattern().map(DateTimeFormatter::ofPattern).orElse(null);
        mapping.kindValues().forEach((k, v) -> kindValues.put(k.strip().toLowerCase(Locale.ROOT), v));
    }

    private int optional(Optional<String> column) {
        return column.isPresent() ? table.requireColumn(column.get()) : -1;
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
        String timeText = r.getField(time);
        Instant when = ReportTime.parse(timeText, mapping.zone(), pattern);
        if (when == null) {
            return new Parsed.Rejected<>(line, "column '" + mapping.timeColumn() + "': '" + timeText
                    + "' is not a timestamp" + mapping.timePattern().map(p -> " of the form " + p).orElse(""));
        }
        String ipText = r.getField(ip).strip();
        String address = FastIp.canonical(ipText);
        if (address == null) {
            return new Parsed.Rejected<>(line, "column '" + mapping.ipColumn() + "': '" + ipText
                    + "' is not an IP address");
        }
        String portText = field(r, port);
        String transportText = field(r, transport);
        // NOTICE-style lists often write "23/tcp" in one column.
        int slash = portText.indexOf('/');
        if (slash > 0) {
            if (transportText.isEmpty()) {
                transportText = portText.substring(slash + 1);
            }
            portText = portText.substring(0, slash).strip();
        }
        OptionalInt portNumber = FastIp.port(portText);
        if (portNumber == null) {
            return new Parsed.Rejected<>(line, "column '" + mapping.portColumn().orElse("") + "': '" + portText
                    + "' is not a port number");
        }
        ProblemKind problem = mapping.fixedKind().orElse(null);
        if (kind >= 0) {
            String label = field(r, kind);
            ProblemKind byValue = kindValues.get(label.toLowerCase(Locale.ROOT));
            problem = byValue != null ? byValue
                    : ProblemKind.fromLabel(label).or(mapping::fixedKind).orElse(ProblemKind.UNMAPPED);
            if (problem == ProblemKind.UNMAPPED) {
                ReaderAlarm alarm = new ReaderAlarm(ReaderAlarm.UNKNOWN_KIND, "kind '" + label + "' in column '"
                        + mapping.kindColumn().orElse("") + "' of " + table.fileName() + " (mapping "
                        + mapping.name() + ") is not known; rows are kept as unmapped and open no case");
                if (alarms.size() < MAX_ALARMS && !alarms.contains(alarm)) {
                    alarms.add(alarm);
                }
            }
        }
        LinkedHashMap<String, String> evidence = new LinkedHashMap<>(header.length * 2);
        for (int i = 0; i < header.length; i++) {
            evidence.putIfAbsent(header[i], r.getField(i));
        }
        Optional<String> malware = ShadowserverReader.present(field(r, family)).or(mapping::fixedFamily);
        return new Parsed.Row<>(line, new ObservationDraft(reportType, line, when, address, portNumber,
                ShadowserverReader.transport(transportText), problem, Severity.parse(field(r, severity)),
                problem == ProblemKind.INFECTED || problem == ProblemKind.COMPROMISED ? malware : Optional.empty(),
                ShadowserverReader.present(field(r, vendor)), ShadowserverReader.present(field(r, model)),
                ShadowserverReader.present(field(r, firmware)), evidence, fingerprinter.of(reportType, evidence)));
    }

    private static String field(CsvRecord r, int column) {
        return column < 0 ? "" : r.getField(column).strip();
    }

    @Override
    public void close() {
        table.close();
    }
}
