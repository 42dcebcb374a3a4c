package jp.renkei.core.intake.export;

import java.io.IOException;
import java.io.Writer;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * IntelMQ events, one JSON object per line with IntelMQ's dotted keys ({@code time.source},
 * {@code source.ip}, {@code classification.taxonomy}, …), so a CERT pipeline can take Renkei's
 * observations in unchanged.
 */
public final class IntelMqObservationWriter implements ObservationWriter {

    /** IntelMQ taxonomy and type for a problem kind. */
    record Classification(String taxonomy, String type, String identifier) {}

    private final Writer out;
    private final String provider;

    /** @param provider written as {@code feed.provider}, e.g. the ISP's name */
    public IntelMqObservationWriter(Writer out, String provider) {
        this.out = out;
        this.provider = provider;
    }

    @Override
    public void begin() {
        // JSON lines have no header.
    }

    @Override
    public void write(ExportedObservation o) throws IOException {
        Map<String, Object> event = new LinkedHashMap<>();
        Classification c = classify(o.kind());
        event.put("time.source", DateTimeFormatter.ISO_INSTANT.format(o.sourceTime()));
        event.put("source.ip", o.ip());
        if (o.port().isPresent()) {
            event.put("source.port", o.port().getAsInt());
        }
        if (!o.transport().isEmpty()) {
            event.put("protocol.transport", o.transport());
        }
        if (o.kind().equals("exposed-telnet")) {
            event.put("protocol.application", "telnet");
        }
        event.put("classification.taxonomy", c.taxonomy());
        event.put("classification.type", c.type());
        event.put("classification.identifier", o.malwareFamily().orElse(c.identifier()));
        o.malwareFamily().ifPresent(f -> event.put("malware.name", f.toLowerCase(java.util.Locale.ROOT)));
        event.put("feed.name", o.feed().orElse(o.reportType()));
        event.put("feed.provider", provider);
        o.severity().ifPresent(s -> event.put("extra.severity", s));
        o.deviceVendor().ifPresent(v -> event.put("extra.device_vendor", v));
        o.deviceModel().ifPresent(m -> event.put("extra.device_model", m));
        event.put("extra.report_type", o.reportType());
        event.put("extra.renkei_kind", o.kind());
        StringBuilder line = new StringBuilder(256).append('{');
        boolean first = true;
        for (Map.Entry<String, Object> e : event.entrySet()) {
            if (!first) {
                line.append(',');
            }
            first = false;
            string(line, e.getKey());
            line.append(':');
            if (e.getValue() instanceof Integer n) {
                line.append(n);
            } else {
                string(line, e.getValue().toString());
            }
        }
        out.write(line.append("}\n").toString());
    }

    /**
     * IntelMQ's harmonised classification for Renkei's problem kinds (the same table the IntelMQ
     * reader maps back from, so an export re-imports as the same kinds); unknown kinds stay "other".
     */
    static Classification classify(String kind) {
        return switch (kind) {
            case "exposed-telnet" -> new Classification("vulnerable", "potentially-unwanted-accessible", "open-telnet");
            case "exposed-service" -> new Classification("vulnerable", "potentially-unwanted-accessible", "open-service");
            case "vulnerable-service" -> new Classification("vulnerable", "vulnerable-system", "vulnerable-service");
            case "brute-force-source" -> new Classification("intrusion-attempts", "brute-force", "brute-force");
            case "infected" -> new Classification("malicious-code", "infected-system", "infected");
            case "compromised" -> new Classification("intrusions", "system-compromise", "compromised");
            default -> new Classification("other", "undetermined", kind);
        };
    }

    private static void string(StringBuilder b, String s) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (ch < 0x20) {
                        b.append(String.format("\\u%04x", (int) ch));
                    } else {
                        b.append(ch);
                    }
                }
            }
        }
        b.append('"');
    }
}
