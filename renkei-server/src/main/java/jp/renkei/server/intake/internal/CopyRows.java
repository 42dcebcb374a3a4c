package jp.renkei.server.intake.internal;

/**
 * Rows in PostgreSQL's {@code COPY ... (format csv)} text: every value quoted (a quote doubled),
 * absent values unquoted and empty, which {@code COPY} reads as SQL null. Values are written as
 * they are, so commas, newlines and backslashes in evidence need no other escaping.
 */
final class CopyRows {

    private final StringBuilder text = new StringBuilder(1 << 16);
    private boolean rowStarted;

    /** Adds a value to the current row; {@code null} becomes SQL null. */
    CopyRows value(Object value) {
        if (rowStarted) {
            text.append(',');
        }
        rowStarted = true;
        if (value != null) {
            String s = value.toString();
            text.append('"');
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '"') {
                    text.append('"');
                }
                text.append(c);
            }
            text.append('"');
        }
        return this;
    }

    /** Ends the current row. */
    CopyRows endRow() {
        text.append('\n');
        rowStarted = false;
        return this;
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
