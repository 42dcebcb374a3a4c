package jp.renkei.core.imports;

import de.siegmar.fastcsv.reader.CloseableIterator;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A CSV file with a header row, read one record at a time (UTF-8, optional BOM, quoted fields,
 * CRLF). Shared by every CSV import so they agree on line numbers and header handling.
 */
public final class CsvTable implements AutoCloseable {

    private final String fileName;
    private final CsvReader<CsvRecord> csv;
    private final CloseableIterator<CsvRecord> records;
    private final List<String> header;
    private final Map<String, Integer> index = new HashMap<>();
    private boolean broken;
    private long lastLine = 1;

    private CsvTable(InputStream in, String fileName, Charset charset) {
        this.fileName = fileName;
        this.csv = CsvReader.builder()
                .detectBomHeader(true)
                .skipEmptyLines(true)
                // Field-count mismatches become row rejections here, not exceptions in FastCSV.
                .allowExtraFields(true)
                .allowMissingFields(true)
                .ofCsvRecord(in, charset);
        this.records = csv.iterator();
        CsvRecord first = nextRaw().orElseThrow(
                () -> new ImportFormatException("no header row in " + fileName + " (file is empty)"));
        this.header = first.getFields().stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
        for (int i = 0; i < header.size(); i++) {
            index.putIfAbsent(header.get(i), i);
        }
    }

    /** Opens the file and reads its header; throws {@link ImportFormatException} if there is none. */
    public static CsvTable open(InputStream in, String fileName) {
        return new CsvTable(in, fileName, StandardCharsets.UTF_8);
    }

    /**
     * As {@link #open(InputStream, String)} in another encoding (e.g. {@code windows-31j} for
     * Japanese lists); a UTF-8 byte-order mark is skipped whatever the charset.
     */
    public static CsvTable open(InputStream in, String fileName, Charset charset) {
        return new CsvTable(in, fileName, charset);
    }

    /** Column names from the header, lower-cased and trimmed, in file order. */
    public List<String> header() {
        return header;
    }

    /** Whether the header has this (lower-case) column. */
    public boolean hasColumn(String name) {
        return index.containsKey(name);
    }

    /** Position of a required column; a missing one makes the whole file unusable. */
    public int requireColumn(String name) {
        Integer i = index.get(name);
        if (i == null) {
            throw new ImportFormatException(
                    "missing required column '" + name + "' in " + fileName + " (header: " + header + ")");
        }
        return i;
    }

    /** Position of an optional column, or -1. */
    public int column(String name) {
        return index.getOrDefault(name, -1);
    }

    /** The file name given when opening, for messages. */
    public String fileName() {
        return fileName;
    }

    /** Turns one well-formed data record (with its starting line) into a value or a rejection. */
    @FunctionalInterface
    public interface RecordConverter<T> {
        Parsed<T> convert(long line, CsvRecord record);
    }

    /**
     * The next data record converted by {@code converter}; a record the table itself rejects
     * (wrong field count, unparsable) passes through as a rejection; null at the end, as
     * {@link LookaheadReader#fetch()} expects.
     */
    public <T> Parsed<T> next(RecordConverter<T> converter) {
        Optional<Parsed<CsvRecord>> next = next();
        if (next.isEmpty()) {
            return null;
        }
        if (next.get() instanceof Parsed.Row<CsvRecord> row) {
            return converter.convert(row.line(), row.value());
        }
        Parsed.Rejected<CsvRecord> rejected = (Parsed.Rejected<CsvRecord>) next.get();
        return new Parsed.Rejected<>(rejected.line(), rejected.reason());
    }

    /**
     * The next data record, or empty at the end. A record whose field count differs from the
     * header, or that FastCSV cannot parse, comes back as a {@link Parsed.Rejected}.
     */
    public Optional<Parsed<CsvRecord>> next() {
        if (broken) {
            return Optional.empty();
        }
        try {
            return nextRaw().map(this::checkWidth);
        } catch (CsvParseException e) {
            // FastCSV cannot resynchronise after a structural error; stop, but say where.
            broken = true;
            return Optional.of(new Parsed.Rejected<>(lastLine + 1,
                    "unreadable CSV after this line, rest of file skipped: " + rootMessage(e)));
        }
    }

    private Parsed<CsvRecord> checkWidth(CsvRecord r) {
        lastLine = r.getStartingLineNumber();
        if (r.getFieldCount() != header.size()) {
            return new Parsed.Rejected<>(r.getStartingLineNumber(), "expected " + header.size()
                    + " fields as in the header but found " + r.getFieldCount());
        }
        return new Parsed.Row<>(r.getStartingLineNumber(), r);
    }

    private Optional<CsvRecord> nextRaw() {
        try {
            return records.hasNext() ? Optional.of(records.next()) : Optional.empty();
        } catch (UncheckedIOException e) {
            throw new ImportFormatException("cannot read " + fileName + ": " + e.getMessage(), e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() == null ? e.getMessage() : t.getMessage();
    }

    @Override
    public void close() {
        try {
            csv.close();
        } catch (IOException e) {
            throw new UncheckedIOException("closing " + fileName, e);
        }
    }
}
