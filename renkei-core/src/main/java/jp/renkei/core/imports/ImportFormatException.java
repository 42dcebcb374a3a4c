package jp.renkei.core.imports;

/** A problem with a whole import file (header, report type), as opposed to one bad row. */
public final class ImportFormatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The message names the file and the field or report type at fault. */
    public ImportFormatException(String message) {
        super(message);
    }

    /** As above, keeping the underlying I/O or parser failure. */
    public ImportFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
