package jp.renkei.core.imports;

/** One record read from an import file: either a usable row or a rejection; never both. */
public sealed interface Parsed<T> permits Parsed.Row, Parsed.Rejected {

    /** The 1-based physical line where the record starts. */
    long line();

    /** A record that parsed into a value. */
    record Row<T>(long line, T value) implements Parsed<T> {
    }

    /** A record that was rejected; the reason names the offending field. */
    record Rejected<T>(long line, String reason) implements Parsed<T> {

        /** The same rejection as a plain value, for reports and storage. */
        public Rejection toRejection() {
            return new Rejection(line, reason);
        }
    }
}
