package jp.renkei.core.intake.export;

import java.io.IOException;
import java.io.Writer;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/** RFC 4180 CSV with a header row, UTC ISO-8601 times, and one observation per line. */
public final class CsvObservationWriter implements ObservationWriter {

    /** The header row, in column order. */
    public static final String HEADER = "source_time,ip,port,transport,kind,severity,malware_family,"
            + "device_vendor,device_model,report_type,feed,file_name,line";

    private final Writer out;

    public CsvObservationWriter(Writer out) {
        this.out = out;
    }

    @Override
    public void begin() throws IOException {
        out.write(HEADER);
        out.write("\r\n");
    }

    @Override
    public void write(ExportedObservation o) throws IOException {
        out.write(DateTimeFormatter.ISO_INSTANT.format(o.sourceTime()));
        out.write(',');
        out.write(o.ip());
        out.write(',');
        if (o.port().isPresent()) {
            out.write(Integer.toString(o.port().getAsInt()));
        }
        for (String text : new String[] {o.transport(), o.kind(), or(o.severity()), or(o.malwareFamily()),
                or(o.deviceVendor()), or(o.deviceModel()), o.reportType(), or(o.feed()), o.fileName()}) {
            out.write(',');
            out.write(cell(text));
        }
        out.write(',');
        out.write(Long.toString(o.line()));
        out.write("\r\n");
    }

    private static String or(Optional<String> value) {
        return value.orElse("");
    }

    /**
     * Quotes when needed. Text from reports (banners, models) is attacker-controlled and the file
     * is opened in spreadsheets, so a cell that would start a formula is prefixed with a quote.
     */
    static String cell(String text) {
        String value = text;
        if (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
            value = "'" + value;
        }
        if (value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
                || value.indexOf('\r') >= 0) {
            return '"' + value.replace("\"", "\"\"") + '"';
        }
        return value;
    }
}
