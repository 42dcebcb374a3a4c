package jp.renkei.core.vulnerabilities;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import jp.renkei.core.imports.ImportFormatException;
import jp.renkei.core.imports.LookaheadReader;
import jp.renkei.core.imports.Parsed;
import jp.renkei.core.imports.ReaderAlarm;
import jp.renkei.core.imports.RecordReader;

/**
 * Reads OSV JSON: a zip of {@code *.json} files, one record each (as osv.dev publishes per
 * ecosystem), or one JSON document. The zip is read entry by entry and holds one entry in
 * memory at a time. An entry that is not valid OSV is rejected with its name and the JSON
 * pointer of the field at fault; the other entries are kept.
 */
public final class OsvReader {

    /** Alarm kind: an entry of the zip that is not a {@code .json} file was skipped. */
    public static final String SKIPPED_ENTRY = "skipped-entry";

    /** Entries above this size are rejected unread: no OSV record comes near it. */
    static final int MAX_ENTRY_BYTES = 16 * 1024 * 1024;

    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
            .build();

    // Jackson names the (withheld) source inside its messages; the entry name already says which.
    private static final Pattern SOURCE = Pattern.compile("\\[Source: [^\\]]*?; (line: \\d+, column: \\d+)]");

    private OsvReader() {
    }

    /**
     * Streams the records of a zip; {@link Parsed#line()} is the 1-based number of the entry in
     * the zip. Throws {@link ImportFormatException} when the file is not a zip or has no entries.
     */
    public static RecordReader<OsvRecord> zip(String fileName, InputStream zip) {
        return new ZipReader(fileName, zip);
    }

    /** Parses one OSV document; {@code name} (a file or entry name) starts every rejection reason. */
    public static Parsed<OsvRecord> json(String name, byte[] json) {
        return parse(1, name, json);
    }

    /** The record as OSV JSON, which {@link #json} reads back to an equal record. */
    public static String toJson(OsvRecord record) {
        return OsvJsonWriter.write(record);
    }

    private static Parsed<OsvRecord> parse(long line, String name, byte[] json) {
        JsonNode root;
        try (JsonParser p = JSON.createParser(json)) {
            root = JSON.readTree(p);
            if (root != null && p.nextToken() != null) {
                return new Parsed.Rejected<>(line, name + ": invalid JSON: more content after the record at line "
                        + p.currentLocation().getLineNr() + ", column " + p.currentLocation().getColumnNr());
            }
        } catch (JsonParseException e) {
            return new Parsed.Rejected<>(line, name + ": invalid JSON at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ": "
                    + SOURCE.matcher(e.getOriginalMessage()).replaceAll("$1"));
        } catch (IOException e) {
            return new Parsed.Rejected<>(line, name + ": invalid JSON: " + e.getMessage());
        }
        if (root == null || root.isMissingNode()) {
            return new Parsed.Rejected<>(line, name + ": empty, no OSV record");
        }
        try {
            return new Parsed.Row<>(line, OsvJsonParser.record(root));
        } catch (OsvJsonParser.InvalidField e) {
            return new Parsed.Rejected<>(line, name + ": " + e.getMessage());
        }
    }

    private static final class ZipReader extends LookaheadReader<OsvRecord> {

        private final String fileName;
        private final ZipInputStream zip;
        private final Set<ReaderAlarm> alarms = new LinkedHashSet<>();
        private ZipEntry pending;
        private long entryNumber;
        private boolean broken;

        ZipReader(String fileName, InputStream in) {
            this.fileName = fileName;
            this.zip = new ZipInputStream(in, StandardCharsets.UTF_8);
            try {
                pending = zip.getNextEntry();
            } catch (IOException e) {
                throw new ImportFormatException(fileName + ": not a readable zip archive: " + e.getMessage(), e);
            }
            if (pending == null) {
                throw new ImportFormatException(fileName + ": not a zip archive, or a zip without entries");
            }
        }

        @Override
        protected Parsed<OsvRecord> fetch() {
            while (!broken) {
                ZipEntry entry;
                try {
                    entry = pending != null ? pending : zip.getNextEntry();
                    pending = null;
                } catch (IOException e) {
                    return stop(entryNumber + 1, "cannot read the entry after entry " + entryNumber, e);
                }
                if (entry == null) {
                    return null;
                }
                entryNumber++;
                if (entry.isDirectory()) {
                    continue;
                }
                String name = entry.getName();
                if (!name.toLowerCase(Locale.ROOT).endsWith(".json")) {
                    alarms.add(new ReaderAlarm(SKIPPED_ENTRY, fileName + ": entry " + entryNumber + " \"" + name
                            + "\" is not a .json file and was skipped"));
                    continue;
                }
                byte[] bytes;
                try {
                    bytes = zip.readNBytes(MAX_ENTRY_BYTES + 1);
                } catch (IOException e) {
                    return stop(entryNumber, "entry " + entryNumber + " \"" + name + "\" is damaged or cut short", e);
                }
                if (bytes.length > MAX_ENTRY_BYTES) {
                    return new Parsed.Rejected<>(entryNumber, name + ": larger than " + MAX_ENTRY_BYTES
                            + " bytes, not an OSV record");
                }
                return parse(entryNumber, name, bytes);
            }
            return null;
        }

        // A damaged zip cannot be resynchronised: say where, and end.
        private Parsed<OsvRecord> stop(long line, String what, IOException e) {
            broken = true;
            return new Parsed.Rejected<>(line, fileName + ": unreadable zip, rest of the file skipped: "
                    + what + " (" + e.getMessage() + ")");
        }

        @Override
        public List<ReaderAlarm> alarms() {
            return new ArrayList<>(alarms);
        }

        @Override
        public void close() {
            try {
                zip.close();
            } catch (IOException e) {
                throw new UncheckedIOException("closing " + fileName, e);
            }
        }
    }
}
