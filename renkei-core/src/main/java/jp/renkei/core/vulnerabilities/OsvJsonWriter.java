package jp.renkei.core.vulnerabilities;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Writes an {@link OsvRecord} as OSV JSON that {@link OsvJsonParser} reads back to an equal record. */
final class OsvJsonWriter {

    private static final JsonFactory JSON = new JsonFactory();

    private OsvJsonWriter() {
    }

    static String write(OsvRecord r) {
        StringWriter out = new StringWriter(512);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("id", r.id());
            g.writeStringField("modified", r.modified().toString());
            optionalTime(g, "published", r.published());
            optionalTime(g, "withdrawn", r.withdrawn());
            strings(g, "aliases", r.aliases());
            if (!r.summary().isEmpty()) {
                g.writeStringField("summary", r.summary());
            }
            if (!r.details().isEmpty()) {
                g.writeStringField("details", r.details());
            }
            g.writeArrayFieldStart("severity");
            for (OsvSeverity s : r.severity()) {
                g.writeStartObject();
                g.writeStringField("type", s.type());
                g.writeStringField("score", s.score());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("affected");
            for (OsvAffected a : r.affected()) {
                affected(g, a);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("references");
            for (String url : r.references()) {
                g.writeStartObject();
                g.writeStringField("type", "WEB"); // the reference type is not kept
                g.writeStringField("url", url);
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void affected(JsonGenerator g, OsvAffected a) throws IOException {
        g.writeStartObject();
        if (!a.ecosystem().isEmpty() || !a.name().isEmpty()) {
            g.writeObjectFieldStart("package");
            g.writeStringField("ecosystem", a.ecosystem());
            g.writeStringField("name", a.name());
            if (a.purl().isPresent()) {
                g.writeStringField("purl", a.purl().get());
            }
            g.writeEndObject();
        }
        g.writeArrayFieldStart("ranges");
        for (OsvRange range : a.ranges()) {
            g.writeStartObject();
            g.writeStringField("type", range.type().name());
            g.writeArrayFieldStart("events");
            for (RangeEvent e : range.events()) {
                g.writeStartObject();
                g.writeStringField(e.kind().field(), e.version());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
        strings(g, "versions", a.versions());
        g.writeEndObject();
    }

    private static void strings(JsonGenerator g, String field, List<String> values) throws IOException {
        g.writeArrayFieldStart(field);
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }

    private static void optionalTime(JsonGenerator g, String field, Optional<Instant> time) throws IOException {
        if (time.isPresent()) {
            g.writeStringField(field, time.get().toString());
        }
    }
}
