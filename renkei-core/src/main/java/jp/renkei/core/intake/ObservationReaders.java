package jp.renkei.core.intake;

import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import jp.renkei.core.imports.ImportFormatException;
import jp.renkei.core.imports.RecordReader;

/**
 * One entry point for every device-report format: picks the reader for a format code. X-ARF v0.2
 * mails need a MIME split first (see {@link XarfReader#v02}); here {@code xarf} reads v4 JSON.
 */
public final class ObservationReaders {

    /** Shadowserver CSV reports. */
    public static final String SHADOWSERVER = "shadowserver";
    /** IntelMQ events, JSON lines. */
    public static final String INTELMQ = "intelmq";
    /** NOTICE/NICTER-style lists through a saved column mapping. */
    public static final String NOTICE = "notice";
    /** X-ARF v0.2 mails or v4 JSON. */
    public static final String XARF = "xarf";
    /** Any CSV through a saved column mapping. */
    public static final String CSV = "csv";
    /** The format codes, in the order they are documented. */
    public static final List<String> FORMATS = List.of(SHADOWSERVER, INTELMQ, NOTICE, XARF, CSV);

    private ObservationReaders() {
    }

    /** Whether the format needs a {@link ColumnMapping}. */
    public static boolean needsMapping(String format) {
        return NOTICE.equals(format) || CSV.equals(format);
    }

    /**
     * A reader for {@code content} in {@code format}.
     *
     * @param reportType Shadowserver only: the report type, else taken from the file name
     * @param mapping    {@code notice} and {@code csv} only
     * @throws ImportFormatException for an unknown format, a missing report type or mapping, or a
     *         header without the required columns; the message names what is wrong
     */
    public static RecordReader<ObservationDraft> open(String format, InputStream content, String fileName,
            Optional<String> reportType, Optional<ColumnMapping> mapping) {
        String f = format == null ? "" : format.strip().toLowerCase(Locale.ROOT);
        return switch (f) {
            case SHADOWSERVER -> new ShadowserverReader(content, fileName, reportType.filter(t -> !t.isBlank())
                    .map(t -> t.strip().toLowerCase(Locale.ROOT))
                    .or(() -> ShadowserverReportType.fromFileName(fileName))
                    .orElseThrow(() -> new ImportFormatException("cannot tell the Shadowserver report type of "
                            + fileName + ": name the file YYYY-MM-DD-<report_type>-….csv or pass type= (mapped: "
                            + ShadowserverReportType.supportedList() + ")")));
            case INTELMQ -> new IntelMqReader(content, fileName);
            case XARF -> XarfReader.v4(content, fileName);
            case NOTICE, CSV -> new MappedCsvReader(content, fileName, f, mapping.orElseThrow(
                    () -> new ImportFormatException("format '" + f + "' needs mapping=<name> of a saved column mapping")));
            default -> throw new ImportFormatException("unknown observation format '" + format + "' for " + fileName
                    + " (supported: " + String.join(", ", FORMATS) + ")");
        };
    }
}
