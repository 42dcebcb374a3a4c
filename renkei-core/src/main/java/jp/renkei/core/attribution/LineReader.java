package jp.renkei.core.attribution;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import jp.renkei.core.imports.ImportFormatException;

/** Numbered UTF-8 lines of a log file, a leading BOM dropped. */
final class LineReader implements AutoCloseable {

    private final BufferedReader in;
    private final String fileName;
    private long number;

    LineReader(InputStream in, String fileName) {
        this.in = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        this.fileName = fileName;
    }

    /** The next line, or null at the end. */
    String next() {
        try {
            String line = in.readLine();
            if (line != null && ++number == 1 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            return line;
        } catch (IOException e) {
            throw new ImportFormatException("cannot read " + fileName + " at line " + number, e);
        }
    }

    /** The 1-based number of the line last returned. */
    long number() {
        return number;
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            throw new UncheckedIOException("closing " + fileName, e);
        }
    }
}
