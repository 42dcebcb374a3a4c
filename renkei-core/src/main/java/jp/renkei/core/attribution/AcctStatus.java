package jp.renkei.core.attribution;

import java.util.Locale;
import java.util.Optional;

/** RADIUS Acct-Status-Type values (RFC 2866) that matter for who held an IP. */
public enum AcctStatus {
    START(1, "start"),
    STOP(2, "stop"),
    INTERIM_UPDATE(3, "interim-update"),
    ACCOUNTING_ON(7, "accounting-on"),
    ACCOUNTING_OFF(8, "accounting-off");

    private final int number;
    private final String text;

    AcctStatus(int number, String text) {
        this.number = number;
        this.text = text;
    }

    /** The RFC 2866 attribute value. */
    public int number() {
        return number;
    }

    /** The FreeRADIUS dictionary name, e.g. {@code Interim-Update}. */
    public String dictionaryName() {
        return switch (this) {
            case START -> "Start";
            case STOP -> "Stop";
            case INTERIM_UPDATE -> "Interim-Update";
            case ACCOUNTING_ON -> "Accounting-On";
            case ACCOUNTING_OFF -> "Accounting-Off";
        };
    }

    /** Whether this status reports a NAS restart rather than a subscriber session. */
    public boolean isNasEvent() {
        return this == ACCOUNTING_ON || this == ACCOUNTING_OFF;
    }

    /** Parses a dictionary name ({@code Start}, {@code Interim-Update}, case-insensitive) or number. */
    public static Optional<AcctStatus> parse(String value) {
        String v = value == null ? "" : value.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        for (AcctStatus s : values()) {
            if (s.text.equals(v) || Integer.toString(s.number).equals(v)) {
                return Optional.of(s);
            }
        }
        // Some dictionaries spell it "Alive" (the pre-RFC name of Interim-Update).
        return v.equals("alive") ? Optional.of(INTERIM_UPDATE) : Optional.empty();
    }
}
