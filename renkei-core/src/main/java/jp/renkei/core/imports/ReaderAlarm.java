package jp.renkei.core.imports;

import java.util.Objects;

/**
 * Something about a whole file an operator must see although its records were kept: a report type
 * Renkei cannot interpret, a column it does not know. Never a reason to drop data.
 *
 * @param kind   a stable code such as {@value #UNKNOWN_REPORT_TYPE} or {@value #UNKNOWN_COLUMN}
 * @param detail names the file and the type, column or value at fault
 */
public record ReaderAlarm(String kind, String detail) {

    /** The report type (or classification) is not one Renkei maps to a problem kind. */
    public static final String UNKNOWN_REPORT_TYPE = "unknown-report-type";
    /** The header has a column not in the known header of its report type. */
    public static final String UNKNOWN_COLUMN = "unknown-column";
    /** A kind value in a mapped CSV that neither the mapping nor Renkei recognises. */
    public static final String UNKNOWN_KIND = "unknown-kind";

    /** Rejects nulls. */
    public ReaderAlarm {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(detail, "detail");
    }
}
