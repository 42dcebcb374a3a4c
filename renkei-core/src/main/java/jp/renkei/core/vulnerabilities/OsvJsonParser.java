package jp.renkei.core.vulnerabilities;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Turns one parsed OSV JSON document into an {@link OsvRecord}, or says which field is wrong by
 * its JSON pointer. Fields Renkei does not use (credits, database_specific …) are not checked.
 */
final class OsvJsonParser {

    /** A field that breaks the OSV schema; the message starts with its JSON pointer. */
    static final class InvalidField extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InvalidField(String pointer, String problem) {
            super((pointer.isEmpty() ? "/" : pointer) + ": " + problem, null, false, false);
        }
    }

    private OsvJsonParser() {
    }

    static OsvRecord record(JsonNode root) {
        if (!root.isObject()) {
            throw new InvalidField("", "expected an OSV object but found " + kind(root));
        }
        String id = requiredText(root, "", "id");
        Instant modified = time(root, "", "modified").orElseThrow(() -> new InvalidField("/modified", "missing"));
        List<OsvAffected> affected = new ArrayList<>();
        Set<OsvSeverity> packageSeverities = new LinkedHashSet<>();
        List<JsonNode> affectedNodes = array(root, "", "affected");
        for (int i = 0; i < affectedNodes.size(); i++) {
            String pointer = "/affected/" + i;
            JsonNode a = object(affectedNodes.get(i), pointer);
            affected.add(affected(a, pointer));
            packageSeverities.addAll(severities(a, pointer));
        }
        List<OsvSeverity> severity = severities(root, "");
        List<String> references = new ArrayList<>();
        List<JsonNode> refs = array(root, "", "references");
        for (int i = 0; i < refs.size(); i++) {
            references.add(requiredText(object(refs.get(i), "/references/" + i), "/references/" + i, "url"));
        }
        return new OsvRecord(id, texts(root, "", "aliases"), text(root, "", "summary").orElse(""),
                text(root, "", "details").orElse(""), time(root, "", "published"), modified,
                time(root, "", "withdrawn"), affected,
                severity.isEmpty() ? List.copyOf(packageSeverities) : severity, references);
    }

    private static OsvAffected affected(JsonNode a, String pointer) {
        String ecosystem = "";
        String name = "";
        Optional<String> purl = Optional.empty();
        if (a.has("package")) {
            String p = pointer + "/package";
            JsonNode pkg = object(a.get("package"), p);
            ecosystem = requiredText(pkg, p, "ecosystem");
            name = requiredText(pkg, p, "name");
            purl = text(pkg, p, "purl").filter(s -> !s.isBlank());
        }
        List<OsvRange> ranges = new ArrayList<>();
        List<JsonNode> rangeNodes = array(a, pointer, "ranges");
        for (int r = 0; r < rangeNodes.size(); r++) {
            ranges.add(range(object(rangeNodes.get(r), pointer + "/ranges/" + r), pointer + "/ranges/" + r));
        }
        return new OsvAffected(ecosystem, name, purl, ranges, texts(a, pointer, "versions"));
    }

    private static OsvRange range(JsonNode range, String pointer) {
        String typeName = requiredText(range, pointer, "type");
        RangeType type;
        try {
            type = RangeType.valueOf(typeName);
        } catch (IllegalArgumentException e) {
            throw new InvalidField(pointer + "/type", "unknown range type \"" + typeName + "\" (SEMVER, ECOSYSTEM or GIT)");
        }
        if (!range.has("events")) {
            throw new InvalidField(pointer + "/events", "missing");
        }
        List<RangeEvent> events = new ArrayList<>();
        List<JsonNode> eventNodes = array(range, pointer, "events");
        for (int i = 0; i < eventNodes.size(); i++) {
            events.add(event(object(eventNodes.get(i), pointer + "/events/" + i), pointer + "/events/" + i));
        }
        return new OsvRange(type, events);
    }

    private static RangeEvent event(JsonNode event, String pointer) {
        List<RangeEvent.Kind> present = new ArrayList<>();
        for (RangeEvent.Kind kind : RangeEvent.Kind.values()) {
            if (event.has(kind.field())) {
                present.add(kind);
            }
        }
        if (present.size() != 1) {
            throw new InvalidField(pointer, "an event has exactly one of introduced, fixed, last_affected, limit"
                    + (present.isEmpty() ? " but has none" : " but has " + present.stream().map(RangeEvent.Kind::field).toList()));
        }
        RangeEvent.Kind kind = present.get(0);
        String version = requiredText(event, pointer, kind.field());
        if (version.isBlank()) {
            throw new InvalidField(pointer + "/" + kind.field(), "empty version");
        }
        return new RangeEvent(kind, version);
    }

    private static List<OsvSeverity> severities(JsonNode parent, String pointer) {
        List<OsvSeverity> out = new ArrayList<>();
        List<JsonNode> nodes = array(parent, pointer, "severity");
        for (int i = 0; i < nodes.size(); i++) {
            String p = pointer + "/severity/" + i;
            JsonNode s = object(nodes.get(i), p);
            out.add(new OsvSeverity(requiredText(s, p, "type"), requiredText(s, p, "score")));
        }
        return out;
    }

    private static JsonNode object(JsonNode node, String pointer) {
        if (!node.isObject()) {
            throw new InvalidField(pointer, "expected an object but found " + kind(node));
        }
        return node;
    }

    private static List<JsonNode> array(JsonNode parent, String pointer, String field) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw new InvalidField(pointer + "/" + field, "expected an array but found " + kind(node));
        }
        List<JsonNode> items = new ArrayList<>(node.size());
        node.forEach(items::add);
        return items;
    }

    private static List<String> texts(JsonNode parent, String pointer, String field) {
        List<JsonNode> items = array(parent, pointer, field);
        List<String> out = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            if (!items.get(i).isTextual()) {
                throw new InvalidField(pointer + "/" + field + "/" + i, "expected a string but found " + kind(items.get(i)));
            }
            out.add(items.get(i).textValue());
        }
        return out;
    }

    private static Optional<String> text(JsonNode parent, String pointer, String field) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isTextual()) {
            throw new InvalidField(pointer + "/" + field, "expected a string but found " + kind(node));
        }
        return Optional.of(node.textValue());
    }

    private static String requiredText(JsonNode parent, String pointer, String field) {
        String value = text(parent, pointer, field).orElseThrow(() -> new InvalidField(pointer + "/" + field, "missing"));
        if (value.isBlank()) {
            throw new InvalidField(pointer + "/" + field, "empty");
        }
        return value;
    }

    /** An RFC 3339 time such as {@code 2024-05-01T12:00:00Z} or with an offset and fractions. */
    private static Optional<Instant> time(JsonNode parent, String pointer, String field) {
        return text(parent, pointer, field).map(t -> {
            try {
                return OffsetDateTime.parse(t, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
            } catch (DateTimeParseException e) {
                throw new InvalidField(pointer + "/" + field, "not an RFC 3339 time: \"" + t + "\"");
            }
        });
    }

    private static String kind(JsonNode node) {
        return node.getNodeType().name().toLowerCase(Locale.ROOT);
    }
}
