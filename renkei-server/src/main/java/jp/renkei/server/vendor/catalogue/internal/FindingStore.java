package jp.renkei.server.vendor.catalogue.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jp.renkei.core.sbom.VexState;
import jp.renkei.server.vendor.catalogue.Finding;
import jp.renkei.server.vendor.catalogue.FindingChange;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The finding and finding_change tables. Callers hold the firmware's row lock ({@link CatalogueStore#lockFirmware}). */
@Repository
public class FindingStore {

    /** A finding as matching produced it, before it is stored. */
    public record Matched(String component, String componentName, String componentVersion, String vulnerabilityId,
            List<String> aliases, String basis, Optional<VexState> vexState, Optional<String> vexJustification) {

        String key() {
            return component + "\n" + vulnerabilityId;
        }

        FindingChange.Entry entry() {
            return new FindingChange.Entry(component, vulnerabilityId, aliases);
        }
    }

    /** What replacing a firmware's findings added and removed. */
    public record Diff(List<FindingChange.Entry> added, List<FindingChange.Entry> removed) {
        public boolean isEmpty() {
            return added.isEmpty() && removed.isEmpty();
        }
    }

    private static final TypeReference<List<FindingChange.Entry>> ENTRIES = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;

    FindingStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** A firmware's findings, by component then vulnerability. */
    public List<Finding> findings(long org, long firmwareId) {
        return jdbc.sql("""
                select * from finding where organisation_id = ? and firmware_id = ?
                order by component, vulnerability_id""")
                .params(org, firmwareId).query((rs, i) -> finding(rs)).list();
    }

    /** Makes {@code now} the firmware's findings: new ones get first_found now, gone ones are deleted, kept ones keep their date. */
    public Diff replace(long org, long firmwareId, List<Matched> now) {
        Map<String, Long> existingIds = new LinkedHashMap<>();
        Map<String, FindingChange.Entry> existing = new LinkedHashMap<>();
        jdbc.sql("select id, component, vulnerability_id, aliases from finding where organisation_id = ? and firmware_id = ?")
                .params(org, firmwareId)
                .query((ResultSet rs) -> {
                    String key = rs.getString("component") + "\n" + rs.getString("vulnerability_id");
                    existingIds.put(key, rs.getLong("id"));
                    existing.put(key, new FindingChange.Entry(rs.getString("component"), rs.getString("vulnerability_id"),
                            Arrays.asList((String[]) rs.getArray("aliases").getArray())));
                });
        Map<String, Matched> current = new LinkedHashMap<>();
        now.forEach(m -> current.putIfAbsent(m.key(), m));
        List<FindingChange.Entry> removed = new ArrayList<>();
        List<Long> removedIds = new ArrayList<>();
        existing.forEach((key, entry) -> {
            if (!current.containsKey(key)) {
                removed.add(entry);
                removedIds.add(existingIds.get(key));
            }
        });
        List<Matched> added = current.values().stream().filter(m -> !existing.containsKey(m.key())).toList();
        if (!removedIds.isEmpty()) {
            jdbc.sql("delete from finding where organisation_id = ? and id = any(?)")
                    .params(org, removedIds.toArray(Long[]::new)).update();
        }
        insert(org, firmwareId, added);
        // Kept findings follow the newest data: aliases can grow, the SBOM's VEX can change.
        current.values().stream().filter(m -> existing.containsKey(m.key())).forEach(m -> jdbc.sql("""
                update finding set aliases = ?, basis = ?, vex_state = ?, vex_justification = ?, component_name = ?,
                    component_version = ?
                where id = ?""")
                .params(m.aliases().toArray(String[]::new), m.basis(), m.vexState().map(VexState::code).orElse(null),
                        m.vexJustification().orElse(null), m.componentName(), m.componentVersion(),
                        existingIds.get(m.key()))
                .update());
        return new Diff(added.stream().map(Matched::entry).toList(), removed);
    }

    private void insert(long org, long firmwareId, List<Matched> added) {
        if (added.isEmpty()) {
            return;
        }
        jdbc.sql("""
                insert into finding (organisation_id, firmware_id, component, component_name, component_version,
                    vulnerability_id, aliases, basis, vex_state, vex_justification)
                select :org, :firmware, m.component, m.name, m.version, m.vulnerability,
                    array(select jsonb_array_elements_text(cast(m.aliases as jsonb))), m.basis, m.vex, m.justification
                from unnest(cast(:components as text[]), cast(:names as text[]), cast(:versions as text[]),
                    cast(:vulnerabilities as text[]), cast(:aliases as text[]), cast(:bases as text[]),
                    cast(:vex as text[]), cast(:justifications as text[]))
                    as m(component, name, version, vulnerability, aliases, basis, vex, justification)""")
                .param("org", org).param("firmware", firmwareId)
                .param("components", added.stream().map(Matched::component).toArray(String[]::new))
                .param("names", added.stream().map(Matched::componentName).toArray(String[]::new))
                .param("versions", added.stream().map(Matched::componentVersion).toArray(String[]::new))
                .param("vulnerabilities", added.stream().map(Matched::vulnerabilityId).toArray(String[]::new))
                .param("aliases", added.stream().map(m -> json.writeValueAsString(m.aliases())).toArray(String[]::new))
                .param("bases", added.stream().map(Matched::basis).toArray(String[]::new))
                .param("vex", added.stream().map(m -> m.vexState().map(VexState::code).orElse(null)).toArray(String[]::new))
                .param("justifications", added.stream().map(m -> m.vexJustification().orElse(null)).toArray(String[]::new))
                .update();
    }

    /** Records what a re-matching changed; nothing when nothing changed. */
    public void recordChange(long org, long firmwareId, String cause, Optional<Long> importRunId, Diff diff) {
        if (diff.isEmpty()) {
            return;
        }
        jdbc.sql("""
                insert into finding_change (organisation_id, firmware_id, cause, import_run_id, added, removed)
                values (?, ?, ?, ?, cast(? as jsonb), cast(? as jsonb))""")
                .params(org, firmwareId, cause, importRunId.orElse(null), json.writeValueAsString(diff.added()),
                        json.writeValueAsString(diff.removed()))
                .update();
    }

    /** The organisation's latest changes, newest first. */
    public List<FindingChange> changes(long org, int limit) {
        return jdbc.sql("""
                select c.*, f.version, p.model_number, p.name from finding_change c
                join firmware f on f.id = c.firmware_id join product p on p.id = f.product_id
                where c.organisation_id = ? order by c.changed_at desc, c.id desc limit ?""")
                .params(org, limit)
                .query((rs, i) -> new FindingChange(rs.getLong("id"), rs.getString("model_number"), rs.getString("name"),
                        rs.getString("version"), rs.getString("cause"),
                        Optional.ofNullable((Long) rs.getObject("import_run_id", Long.class)),
                        rs.getTimestamp("changed_at").toInstant(), json.readValue(rs.getString("added"), ENTRIES),
                        json.readValue(rs.getString("removed"), ENTRIES)))
                .list();
    }

    private static Finding finding(ResultSet rs) throws SQLException {
        return new Finding(rs.getString("component"), rs.getString("component_name"), rs.getString("component_version"),
                rs.getString("vulnerability_id"), Arrays.asList((String[]) rs.getArray("aliases").getArray()),
                rs.getString("basis"), Optional.ofNullable(rs.getString("vex_state")).flatMap(VexState::fromCode),
                Optional.ofNullable(rs.getString("vex_justification")), rs.getTimestamp("first_found").toInstant());
    }
}
