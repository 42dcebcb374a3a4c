package jp.renkei.server.vendor.psirt.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import jp.renkei.server.vendor.psirt.AffectedProduct;
import jp.renkei.server.vendor.psirt.CvssScore;
import jp.renkei.server.vendor.psirt.Justification;
import jp.renkei.server.vendor.psirt.RecordStatus;
import jp.renkei.server.vendor.psirt.VulnerabilityRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code vulnerability_record} and {@code vulnerability_affected} tables; always organisation-scoped. */
@Repository
class RecordStore {

    private final JdbcClient jdbc;

    RecordStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long organisationId, String actor, RecordRules.Checked c) {
        long id = jdbc.sql("""
                insert into vulnerability_record (organisation_id, title, description, cve_id, jvn_id, jvndb_id, cwe_id,
                    cvss31_vector, cvss31_score, cvss40_vector, cvss40_score, status, justification, embargoed,
                    embargo_until, publication, published_at, updated_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, case when ? then now() end, ?) returning id""")
                .params(values(organisationId, c, actor, true))
                .query(Long.class).single();
        replaceAffected(organisationId, id, c.affected());
        return id;
    }

    /** Replaces the record's fields; false when the organisation has no such record. */
    boolean update(long organisationId, long id, String actor, RecordRules.Checked c) {
        int changed = jdbc.sql("""
                update vulnerability_record set title = ?, description = ?, cve_id = ?, jvn_id = ?, jvndb_id = ?,
                    cwe_id = ?, cvss31_vector = ?, cvss31_score = ?, cvss40_vector = ?, cvss40_score = ?, status = ?,
                    justification = ?, embargoed = ?, embargo_until = ?, publication = ?,
                    published_at = case when ? then coalesce(published_at, now()) end, updated_by = ?, updated_at = now()
                where organisation_id = ? and id = ?""")
                .params(append(values(organisationId, c, actor, false), organisationId, id))
                .update();
        if (changed == 1) {
            replaceAffected(organisationId, id, c.affected());
        }
        return changed == 1;
    }

    Optional<VulnerabilityRecord> find(long organisationId, long id) {
        return withAffected(organisationId, jdbc.sql("select * from vulnerability_record where organisation_id = ? and id = ?")
                .params(organisationId, id).query(RecordStore::record).list()).stream().findFirst();
    }

    List<VulnerabilityRecord> list(long organisationId) {
        return withAffected(organisationId, jdbc.sql("""
                select * from vulnerability_record where organisation_id = ? order by updated_at desc, id desc""")
                .param(organisationId).query(RecordStore::record).list());
    }

    Optional<Long> byCve(long organisationId, String cve) {
        return jdbc.sql("select id from vulnerability_record where organisation_id = ? and cve_id = ?")
                .params(organisationId, cve).query(Long.class).optional();
    }

    private void replaceAffected(long organisationId, long id, List<RecordRules.Range> ranges) {
        jdbc.sql("delete from vulnerability_affected where organisation_id = ? and vulnerability_id = ?")
                .params(organisationId, id).update();
        for (int i = 0; i < ranges.size(); i++) {
            RecordRules.Range r = ranges.get(i);
            jdbc.sql("""
                    insert into vulnerability_affected (organisation_id, vulnerability_id, product_id, all_versions,
                        version_from, from_inclusive, version_to, to_inclusive, fixed_firmware_id, position)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(organisationId, id, r.productId(), r.allVersions(), r.from().orElse(null),
                            r.fromInclusive(), r.to().orElse(null), r.toInclusive(), r.fixedFirmwareId().orElse(null), i)
                    .update();
        }
    }

    private static Object[] values(long organisationId, RecordRules.Checked c, String actor, boolean withOrg) {
        Object[] fields = {c.title(), c.description(), c.cve().orElse(null), c.jvn().orElse(null),
                c.jvndb().orElse(null), c.cwe().orElse(null), c.cvss31().map(CvssScore::vector).orElse(null),
                c.cvss31().map(CvssScore::baseScore).orElse(null), c.cvss40().map(CvssScore::vector).orElse(null),
                c.cvss40().map(CvssScore::baseScore).orElse(null), c.status().code(),
                c.justification().map(Justification::code).orElse(null), c.embargoed(),
                c.embargoUntil().map(Date::valueOf).orElse(null), c.published() ? "published" : "draft",
                c.published(), actor};
        return withOrg ? prepend(organisationId, fields) : fields;
    }

    private static Object[] prepend(Object first, Object[] rest) {
        Object[] all = new Object[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    private static Object[] append(Object[] head, Object... tail) {
        Object[] all = java.util.Arrays.copyOf(head, head.length + tail.length);
        System.arraycopy(tail, 0, all, head.length, tail.length);
        return all;
    }

    private List<VulnerabilityRecord> withAffected(long organisationId, List<VulnerabilityRecord> records) {
        if (records.isEmpty()) {
            return records;
        }
        Long[] ids = records.stream().map(VulnerabilityRecord::id).toArray(Long[]::new);
        Map<Long, List<AffectedProduct>> byRecord = jdbc.sql("""
                select a.*, p.model_number, p.name as product_name, f.version as fixed_version
                from vulnerability_affected a join product p on p.id = a.product_id
                left join firmware f on f.id = a.fixed_firmware_id
                where a.organisation_id = ? and a.vulnerability_id = any(?) order by a.vulnerability_id, a.position""")
                .params(organisationId, ids)
                .query((rs, i) -> Map.entry(rs.getLong("vulnerability_id"), affected(rs)))
                .list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        return records.stream().map(r -> new VulnerabilityRecord(r.id(), r.title(), r.description(), r.cve(), r.jvn(),
                r.jvndb(), r.cwe(), r.cvss31(), r.cvss40(), r.status(), r.justification(),
                byRecord.getOrDefault(r.id(), List.of()), r.embargoed(), r.embargoUntil(), r.publication(),
                r.publishedAt(), r.createdAt(), r.updatedAt(), r.updatedBy())).toList();
    }

    private static AffectedProduct affected(ResultSet rs) throws SQLException {
        long fixed = rs.getLong("fixed_firmware_id");
        Optional<Long> fixedId = rs.wasNull() ? Optional.empty() : Optional.of(fixed);
        return new AffectedProduct(rs.getLong("product_id"), rs.getString("model_number"), rs.getString("product_name"),
                rs.getBoolean("all_versions"), Optional.ofNullable(rs.getString("version_from")),
                rs.getBoolean("from_inclusive"), Optional.ofNullable(rs.getString("version_to")),
                rs.getBoolean("to_inclusive"), fixedId, Optional.ofNullable(rs.getString("fixed_version")));
    }

    private static VulnerabilityRecord record(ResultSet rs, int row) throws SQLException {
        return new VulnerabilityRecord(rs.getLong("id"), rs.getString("title"), rs.getString("description"),
                Optional.ofNullable(rs.getString("cve_id")), Optional.ofNullable(rs.getString("jvn_id")),
                Optional.ofNullable(rs.getString("jvndb_id")), Optional.ofNullable(rs.getString("cwe_id")),
                CvssScore.stored(rs.getString("cvss31_vector"), "3.1"), CvssScore.stored(rs.getString("cvss40_vector"), "4.0"),
                RecordStatus.fromCode(rs.getString("status")).orElseThrow(),
                Justification.fromCode(rs.getString("justification")), List.of(), rs.getBoolean("embargoed"),
                Optional.ofNullable(rs.getDate("embargo_until")).map(Date::toLocalDate), rs.getString("publication"),
                Optional.ofNullable(rs.getTimestamp("published_at")).map(Timestamp::toInstant),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant(),
                rs.getString("updated_by"));
    }
}
