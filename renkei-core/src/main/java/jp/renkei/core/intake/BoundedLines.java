package jp.renkei.core.intake;

import java.io.IOException;
import java.io.Reader;

/**
 * Reads text lines (LF, CRLF or CR) with a length limit, so one enormous line cannot exhaust the
 * heap: an over-long line is skipped to its end and reported as {@link #TOO_LONG}.
 */
final class BoundedLines {

    /** Returned instead of a line longer than the limit. */
    static final String TOO_LONG = "\u0000too-long";

    private final Reader in;
    private final int maxChars;
    private final StringBuilder line = new StringBuilder();
    private final char[] buffer = new char[8192];
    private int pos;
    private int len;
    private boolean pendingCr;

    BoundedLines(Reader in, int maxChars) {
        this.in = in;
        this.maxChars = maxChars;
    }

    /** The next line without its terminator, {@link #TOO_LONG}, or {@code null} at the end. */
    String next() throws IOException {
        line.setLength(0);
        boolean tooLong = false;
        boolean any = false;
        while (true) {
            if (pos == len) {
                len = in.read(buffer);
                pos = 0;
                if (len <= 0) {
                    len = 0;
                    return any ? (tooLong ? TOO_LONG : line.toString()) : null;
                }
            }
            char c = buffer[pos++];
            if (pendingCr) {
                pendingCr = false;
                if (c == '\n') {
                    continue;
                }
            }
            if (c == '\n' || c == '\r') {
                pendingCr = c == '\r';
                return tooLong ? TOO_LONG : line.toString();
            }
            any = true;
            if (line.length() < maxChars) {
                line.append(c);
            } else {
                tooLong = true;
            }
        }
    }

    void close() throws IOException {
        in.close();
    }
}
