package jp.renkei.server.vendor.catalogue.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jp.renkei.core.sbom.Sbom;
import jp.renkei.core.sbom.SbomComponent;
import jp.renkei.core.sbom.SbomFormat;
import jp.renkei.core.sbom.SbomNote;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** The firmware_sbom and sbom_component tables: one current SBOM per firmware, its components flattened. */
@Repository
public class SbomStore {

    /** The stored facts about a firmware's current SBOM. */
    public record StoredSbom(long firmwareId, String contentSha256, String fileName, SbomFormat format,
            String specVersion, Optional<String> serialNumber, int bomVersion, Optional<SbomComponent> subject,
            List<SbomNote> notes, Instant importedAt, String importedBy) {}

    private final JdbcClient jdbc;
    private final SbomJson json;

    SbomStore(JdbcClient jdbc, JsonMapper mapper) {
        this.jdbc = jdbc;
        this.json = new SbomJson(mapper);
    }

    public Optional<StoredSbom> sbom(long org, long firmwareId) {
        return jdbc.sql("select * from firmware_sbom where organisation_id = ? and firmware_id = ?")
                .params(org, firmwareId)
                .query((rs, i) -> new StoredSbom(rs.getLong("firmware_id"), rs.getString("content_sha256"),
                        rs.getString("file_name"), SbomFormat.valueOf(rs.getString("format").toUpperCase(java.util.Locale.ROOT)),
                        rs.getString("spec_version"), Optional.ofNullable(rs.getString("serial_number")),
                        rs.getInt("bom_version"),
                        Optional.ofNullable(rs.getString("subject")).map(json::component),
                        json.notes(rs.getString("notes")), rs.getTimestamp("imported_at").toInstant(),
                        rs.getString("imported_by")))
                .optional();
    }

    /** Makes {@code sbom} the firmware's current SBOM, replacing the previous one and its components. */
    public void replace(long org, long firmwareId, String actor, String fileName, String sha256, SbomFormat format,
            Sbom sbom, List<SbomNote> notes) {
        jdbc.sql("delete from sbom_component where organisation_id = ? and firmware_id = ?").params(org, firmwareId).update();
        List<SbomComponent> cs = sbom.components();
        int n = cs.size();
        Integer[] positions = new Integer[n];
        String[] types = new String[n];
        String[] refs = new String[n];
        String[] suppliers = new String[n];
        String[] manufacturers = new String[n];
        String[] groups = new String[n];
        String[] names = new String[n];
        String[] versions = new String[n];
        String[] cpes = new String[n];
        String[] purls = new String[n];
        String[] hashes = new String[n];
        String[] vex = new String[n];
        for (int i = 0; i < n; i++) {
            SbomComponent c = cs.get(i);
            positions[i] = i;
            types[i] = c.type().code();
            refs[i] = c.bomRef().orElse(null);
            suppliers[i] = c.supplier().orElse(null);
            manufacturers[i] = c.manufacturer().orElse(null);
            groups[i] = c.group().orElse(null);
            names[i] = c.name();
            versions[i] = c.version().orElse(null);
            cpes[i] = c.cpe().orElse(null);
            purls[i] = c.purl().orElse(null);
            hashes[i] = json.hashes(c.hashes());
            vex[i] = json.vex(c.vex());
        }
        jdbc.sql("""
                insert into sbom_component (organisation_id, firmware_id, position, type, bom_ref, supplier, manufacturer,
                    component_group, name, version, cpe, purl, hashes, vex)
                select :org, :firmware, c.* from unnest(cast(:positions as integer[]), cast(:types as text[]),
                    cast(:refs as text[]), cast(:suppliers as text[]), cast(:manufacturers as text[]),
                    cast(:groups as text[]), cast(:names as text[]), cast(:versions as text[]), cast(:cpes as text[]),
                    cast(:purls as text[]), cast(cast(:hashes as text[]) as jsonb[]), cast(cast(:vex as text[]) as jsonb[])) as c""")
                .param("org", org).param("firmware", firmwareId).param("positions", positions).param("types", types)
                .param("refs", refs).param("suppliers", suppliers).param("manufacturers", manufacturers)
                .param("groups", groups).param("names", names).param("versions", versions).param("cpes", cpes)
                .param("purls", purls).param("hashes", hashes).param("vex", vex)
                .update();
        jdbc.sql("""
                insert into firmware_sbom (firmware_id, organisation_id, content_sha256, file_name, format, spec_version,
                    serial_number, bom_version, subject, notes, imported_by)
                values (:firmware, :org, :sha, :file, :format, :spec, :serial, :bomVersion, cast(:subject as jsonb),
                    cast(:notes as jsonb), :actor)
                on conflict (firmware_id) do update set content_sha256 = excluded.content_sha256,
                    file_name = excluded.file_name, format = excluded.format, spec_version = excluded.spec_version,
                    serial_number = excluded.serial_number, bom_version = excluded.bom_version,
                    subject = excluded.subject, notes = excluded.notes, imported_at = now(),
                    imported_by = excluded.imported_by""")
                .param("firmware", firmwareId).param("org", org).param("sha", sha256).param("file", fileName)
                .param("format", format.name().toLowerCase(java.util.Locale.ROOT)).param("spec", sbom.specVersion())
                .param("serial", sbom.serialNumber().orElse(null)).param("bomVersion", sbom.bomVersion())
                .param("subject", sbom.subject().map(json::component).orElse(null))
                .param("notes", json.notes(notes)).param("actor", actor)
                .update();
    }

    /** The components of a firmware's current SBOM in document order (empty without one). */
    public List<SbomComponent> components(long org, long firmwareId) {
        return jdbc.sql("select * from sbom_component where organisation_id = ? and firmware_id = ? order by position")
                .params(org, firmwareId)
                .query((rs, i) -> new SbomComponent(
                        jp.renkei.core.sbom.ComponentType.fromCode(rs.getString("type")).orElseThrow(),
                        Optional.ofNullable(rs.getString("bom_ref")), Optional.ofNullable(rs.getString("supplier")),
                        Optional.ofNullable(rs.getString("manufacturer")),
                        Optional.ofNullable(rs.getString("component_group")), rs.getString("name"),
                        Optional.ofNullable(rs.getString("version")), Optional.ofNullable(rs.getString("cpe")),
                        Optional.ofNullable(rs.getString("purl")), json.hashes(rs.getString("hashes")),
                        json.vex(rs.getString("vex"))))
                .list();
    }

    /** How many components a firmware's current SBOM has. */
    public int componentCount(long org, long firmwareId) {
        return jdbc.sql("select count(*) from sbom_component where organisation_id = ? and firmware_id = ?")
                .params(org, firmwareId).query(Integer.class).single();
    }

    /** The whole current SBOM of a firmware, as it can be exported. */
    public Optional<Sbom> load(long org, long firmwareId) {
        return sbom(org, firmwareId).map(s -> new Sbom(s.specVersion(), s.serialNumber(), s.bomVersion(), s.subject(),
                components(org, firmwareId)));
    }

    /** Every firmware of the organisation that has an SBOM. */
    public List<Long> firmwareWithSbom(long org) {
        return jdbc.sql("select firmware_id from firmware_sbom where organisation_id = ? order by firmware_id")
                .param(org).query(Long.class).list();
    }
}
