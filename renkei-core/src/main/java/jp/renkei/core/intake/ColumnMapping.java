package jp.renkei.core.intake;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How to read a CSV list whose columns the operator names (NOTICE/NICTER-style lists, anything
 * else): which header column holds the time, address, port, protocol and kind, or a fixed kind
 * and family for single-purpose lists. Column names are matched case-insensitively after trimming.
 * Every column, mapped or not, is kept in the evidence.
 *
 * @param name            the operator's name for the mapping ({@code [A-Za-z0-9._-]}, up to 64)
 * @param encoding        how the file's bytes are text
 * @param zone            zone of timestamps without an offset (JST lists: {@code Asia/Tokyo})
 * @param timePattern     a {@link DateTimeFormatter} pattern; empty accepts ISO-8601 and
 *                        {@code yyyy/MM/dd HH:mm[:ss]}
 * @param kindValues      the list's own words for kinds (e.g. {@code 脆弱なID/パスワード} →
 *                        vulnerable-service), consulted before {@link ProblemKind#fromLabel}
 */
public record ColumnMapping(String name, Encoding encoding, String timeColumn, ZoneId zone, Optional<String> timePattern,
        String ipColumn, Optional<String> portColumn, Optional<String> transportColumn, Optional<String> kindColumn,
        Optional<ProblemKind> fixedKind, Map<String, ProblemKind> kindValues, Optional<String> familyColumn,
        Optional<String> fixedFamily, Optional<String> severityColumn, Optional<String> vendorColumn,
        Optional<String> modelColumn, Optional<String> firmwareColumn) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    /** The encodings Japanese lists arrive in. */
    public enum Encoding {
        /** UTF-8 (a byte-order mark is skipped when present). */
        UTF_8("utf-8", StandardCharsets.UTF_8),
        /** UTF-8 with a byte-order mark, as Excel saves it. */
        UTF_8_BOM("utf-8-bom", StandardCharsets.UTF_8),
        /** Shift_JIS as Windows writes it (CP932, a superset of Shift_JIS). */
        SHIFT_JIS("shift_jis", Charset.forName("windows-31j"));

        private final String code;
        private final Charset charset;

        Encoding(String code, Charset charset) {
            this.code = code;
            this.charset = charset;
        }

        /** Stable code for storage and APIs. */
        public String code() {
            return code;
        }

        /** The charset to decode with. */
        public Charset charset() {
            return charset;
        }

        /** The encoding with this code; also accepts {@code utf8}, {@code sjis}, {@code cp932}, {@code windows-31j}. */
        public static Encoding fromCode(String code) {
            String c = code == null ? "" : code.strip().toLowerCase(Locale.ROOT).replace('_', '-');
            return switch (c) {
                case "", "utf-8", "utf8" -> UTF_8;
                case "utf-8-bom", "utf8-bom", "utf-8-sig" -> UTF_8_BOM;
                case "shift-jis", "sjis", "cp932", "windows-31j", "ms932" -> SHIFT_JIS;
                default -> throw new IllegalArgumentException("unknown encoding '" + code
                        + "' (known: utf-8, utf-8-bom, shift_jis)");
            };
        }
    }

    /**
     * Checks that the mapping can read anything: a valid name, time and address columns, a kind
     * column or a fixed kind, a valid pattern. Messages name the field at fault.
     */
    public ColumnMapping {
        Objects.requireNonNull(encoding, "encoding");
        Objects.requireNonNull(zone, "zone");
        kindValues = Map.copyOf(kindValues);
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("name: '" + name + "' must be 1-64 letters, digits, '.', '_' or '-'");
        }
        if (timeColumn == null || timeColumn.isBlank()) {
            throw new IllegalArgumentException("timeColumn: required");
        }
        if (ipColumn == null || ipColumn.isBlank()) {
            throw new IllegalArgumentException("ipColumn: required");
        }
        if (kindColumn.isEmpty() && fixedKind.isEmpty()) {
            throw new IllegalArgumentException("kindColumn or fixedKind: one is required");
        }
        timePattern.ifPresent(p -> {
            try {
                DateTimeFormatter.ofPattern(p);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("timePattern: '" + p + "' " + e.getMessage());
            }
        });
        timeColumn = key(timeColumn);
        ipColumn = key(ipColumn);
        portColumn = portColumn.map(ColumnMapping::key);
        transportColumn = transportColumn.map(ColumnMapping::key);
        kindColumn = kindColumn.map(ColumnMapping::key);
        familyColumn = familyColumn.map(ColumnMapping::key);
        severityColumn = severityColumn.map(ColumnMapping::key);
        vendorColumn = vendorColumn.map(ColumnMapping::key);
        modelColumn = modelColumn.map(ColumnMapping::key);
        firmwareColumn = firmwareColumn.map(ColumnMapping::key);
    }

    /** A minimal mapping: time, address and one fixed kind; UTF-8 and UTC. */
    public static ColumnMapping fixed(String name, String timeColumn, String ipColumn, ProblemKind kind) {
        return new ColumnMapping(name, Encoding.UTF_8, timeColumn, ZoneId.of("UTC"), Optional.empty(), ipColumn,
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(kind), Map.of(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    private static String key(String column) {
        return column.strip().toLowerCase(Locale.ROOT);
    }
}
