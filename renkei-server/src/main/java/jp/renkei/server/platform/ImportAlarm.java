package jp.renkei.server.platform;

/**
 * Something about an imported file that needs a person's attention although its data was kept:
 * {@code unknown-report-type} or {@code unknown-column} (a feed changed its format). Shown in the
 * import result and on the feeds page, so a format change never becomes a silent "0 imported".
 */
public record ImportAlarm(String kind, String detail) {

    /** A report type no mapping knows; its rows are kept as unmapped observations. */
    public static final String UNKNOWN_REPORT_TYPE = "unknown-report-type";
    /** A column the mapping does not know; its values are kept in the evidence. */
    public static final String UNKNOWN_COLUMN = "unknown-column";
}
