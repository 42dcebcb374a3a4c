package jp.renkei.server.vendor.catalogue.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jp.renkei.core.sbom.ComponentHash;
import jp.renkei.core.sbom.ComponentType;
import jp.renkei.core.sbom.SbomComponent;
import jp.renkei.core.sbom.SbomNote;
import jp.renkei.core.sbom.VexAnalysis;
import jp.renkei.core.sbom.VexState;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The JSON columns of the SBOM tables: hashes, VEX statements, the subject component and notes. */
final class SbomJson {

    private final JsonMapper json;

    SbomJson(JsonMapper json) {
        this.json = json;
    }

    String hashes(List<ComponentHash> hashes) {
        return json.writeValueAsString(hashes.stream().map(h -> Map.of("alg", h.algorithm(), "value", h.value())).toList());
    }

    List<ComponentHash> hashes(String column) {
        List<ComponentHash> out = new ArrayList<>();
        json.readTree(column).forEach(h -> out.add(new ComponentHash(h.path("alg").asString(), h.path("value").asString())));
        return out;
    }

    String vex(List<VexAnalysis> vex) {
        List<Map<String, String>> rows = new ArrayList<>();
        for (VexAnalysis v : vex) {
            Map<String, String> row = new LinkedHashMap<>();
            row.put("vulnerability", v.vulnerabilityId());
            v.state().ifPresent(s -> row.put("state", s.code()));
            v.justification().ifPresent(j -> row.put("justification", j));
            v.detail().ifPresent(d -> row.put("detail", d));
            rows.add(row);
        }
        return json.writeValueAsString(rows);
    }

    List<VexAnalysis> vex(String column) {
        List<VexAnalysis> out = new ArrayList<>();
        json.readTree(column).forEach(v -> out.add(new VexAnalysis(v.path("vulnerability").asString(),
                text(v, "state").flatMap(VexState::fromCode), text(v, "justification"), text(v, "detail"))));
        return out;
    }

    String component(SbomComponent c) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("type", c.type().code());
        c.bomRef().ifPresent(v -> row.put("bomRef", v));
        c.supplier().ifPresent(v -> row.put("supplier", v));
        c.manufacturer().ifPresent(v -> row.put("manufacturer", v));
        c.group().ifPresent(v -> row.put("group", v));
        row.put("name", c.name());
        c.version().ifPresent(v -> row.put("version", v));
        c.cpe().ifPresent(v -> row.put("cpe", v));
        c.purl().ifPresent(v -> row.put("purl", v));
        row.put("hashes", json.readTree(hashes(c.hashes())));
        row.put("vex", json.readTree(vex(c.vex())));
        return json.writeValueAsString(row);
    }

    SbomComponent component(String column) {
        JsonNode c = json.readTree(column);
        return new SbomComponent(ComponentType.fromCode(c.path("type").asString()).orElse(ComponentType.LIBRARY),
                text(c, "bomRef"), text(c, "supplier"), text(c, "manufacturer"), text(c, "group"),
                c.path("name").asString(), text(c, "version"), text(c, "cpe"), text(c, "purl"),
                hashes(c.path("hashes").toString()), vex(c.path("vex").toString()));
    }

    String notes(List<SbomNote> notes) {
        return json.writeValueAsString(notes.stream().map(n -> Map.of("kind", n.kind().code(), "location", n.location(),
                "reason", n.reason())).toList());
    }

    List<SbomNote> notes(String column) {
        List<SbomNote> out = new ArrayList<>();
        json.readTree(column).forEach(n -> out.add(new SbomNote(
                SbomNote.Kind.valueOf(n.path("kind").asString().toUpperCase(java.util.Locale.ROOT).replace('-', '_')),
                n.path("location").asString(), n.path("reason").asString())));
        return out;
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isMissingNode() || v.isNull() ? Optional.empty() : Optional.of(v.asString());
    }
}
