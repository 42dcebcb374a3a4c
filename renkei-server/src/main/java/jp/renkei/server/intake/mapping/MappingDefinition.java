package jp.renkei.server.intake.mapping;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jp.renkei.core.intake.ColumnMapping;
import jp.renkei.core.intake.ProblemKind;

/**
 * A column mapping as the operator writes it (JSON over the API, the form on {@code /mappings}) and
 * as it is stored; blank fields are absent. {@code timeZone} is {@code JST} (Asia/Tokyo), {@code UTC}
 * or any zone id; {@code encoding} is {@code utf-8}, {@code utf-8-bom} or {@code shift_jis};
 * {@code kind} is a fixed problem kind code and {@code kindValues} maps the list's own words to codes.
 */
public record MappingDefinition(String encoding, String timeColumn, String timeZone, String timePattern,
        String ipColumn, String portColumn, String protocolColumn, String kindColumn, String kind,
        Map<String, String> kindValues, String familyColumn, String family, String severityColumn,
        String vendorColumn, String modelColumn, String firmwareColumn) {

    /**
     * The core mapping this definition describes.
     *
     * @throws IllegalArgumentException naming the field at fault
     */
    public ColumnMapping toColumnMapping(String name) {
        Map<String, ProblemKind> values = new LinkedHashMap<>();
        if (kindValues != null) {
            kindValues.forEach((word, code) -> values.put(word, kind("kindValues." + word, code)));
        }
        return new ColumnMapping(name, encodingOf(encoding), timeColumn, zone(timeZone), opt(timePattern), ipColumn,
                opt(portColumn), opt(protocolColumn), opt(kindColumn), opt(kind).map(k -> kind("kind", k)), values,
                opt(familyColumn), opt(family), opt(severityColumn), opt(vendorColumn), opt(modelColumn),
                opt(firmwareColumn));
    }

    private static ColumnMapping.Encoding encodingOf(String code) {
        try {
            return ColumnMapping.Encoding.fromCode(code);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("encoding: " + e.getMessage());
        }
    }

    private static ProblemKind kind(String field, String code) {
        try {
            ProblemKind k = ProblemKind.fromCode(code == null ? "" : code.strip());
            if (k == ProblemKind.UNMAPPED) {
                throw new IllegalArgumentException("unmapped is not a kind a mapping can assign");
            }
            return k;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + ": " + e.getMessage());
        }
    }

    private static ZoneId zone(String text) {
        String z = text == null ? "" : text.strip();
        return switch (z.toUpperCase(Locale.ROOT)) {
            case "", "UTC", "Z" -> ZoneId.of("UTC");
            case "JST" -> ZoneId.of("Asia/Tokyo");
            default -> {
                try {
                    yield ZoneId.of(z);
                } catch (DateTimeException e) {
                    throw new IllegalArgumentException("timeZone: '" + z + "' is not a time zone (JST, UTC, Asia/Tokyo …)");
                }
            }
        };
    }

    private static Optional<String> opt(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }
}
