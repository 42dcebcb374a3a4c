package jp.renkei.server.vendor.advisories.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import jp.renkei.core.csaf.Tracking;
import jp.renkei.server.vendor.advisories.VendorAdvisory;
import jp.renkei.server.vendor.advisories.VendorAdvisory.Origin;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code advisory}, {@code advisory_record} and {@code advisory_revision} tables; always organisation-scoped. */
@Repository
class AdvisoryStore {

    /** An imported document's fields as stored. */
    record ImportedFields(String trackingId, String title, String language, Optional<String> tlp, String status,
            String version, Instant initialRelease, Instant currentRelease, List<String> unmodelled) {}

    private final JdbcClient jdbc;

    AdvisoryStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The next tracking id number of the organisation in this year (1, 2, …). */
    int nextNumber(long organisationId, int year) {
        return jdbc.sql("""
                insert into advisory_counter (organisation_id, year, last_number) values (?, ?, 1)
                on conflict (organisation_id, year) do update set last_number = advisory_counter.last_number + 1
                returning last_number""").params(organisationId, year).query(Integer.class).single();
    }

    long insertDraft(long organisationId, String actor, String trackingId, String title, String language, String tlp,
            String summary, String workaround, String mitigation, List<Long> recordIds) {
        long id = jdbc.sql("""
                insert into advisory (organisation_id, tracking_id, origin, title, language, tlp, status, summary,
                    workaround, mitigation, updated_by)
                values (?, ?, 'authored', ?, ?, ?, 'draft', ?, ?, ?, ?) returning id""")
                .params(organisationId, trackingId, title, language, tlp, summary, workaround, mitigation, actor)
                .query(Long.class).single();
        for (int i = 0; i < recordIds.size(); i++) {
            jdbc.sql("insert into advisory_record (organisation_id, advisory_id, vulnerability_id, position) values (?, ?, ?, ?)")
                    .params(organisationId, id, recordIds.get(i), i).update();
        }
        return id;
    }

    /** Stores another party's document; the same tracking id again replaces the earlier copy. */
    long upsertImported(long organisationId, String actor, ImportedFields f, byte[] document) {
        return jdbc.sql("""
                insert into advisory (organisation_id, tracking_id, origin, title, language, tlp, status, version,
                    document, initial_release, current_release, unmodelled, updated_by)
                values (?, ?, 'imported', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (organisation_id, origin, tracking_id) do update set title = excluded.title,
                    language = excluded.language, tlp = excluded.tlp, status = excluded.status,
                    version = excluded.version, document = excluded.document,
                    initial_release = excluded.initial_release, current_release = excluded.current_release,
                    unmodelled = excluded.unmodelled, updated_by = excluded.updated_by, updated_at = now()
                returning id""")
                .params(organisationId, f.trackingId(), f.title(), f.language(), f.tlp().orElse(null), f.status(),
                        f.version(), document, Timestamp.from(f.initialRelease()), Timestamp.from(f.currentRelease()),
                        String.join("\n", f.unmodelled()), actor)
                .query(Long.class).single();
    }

    /** Records a published revision and makes its document the advisory's current one. */
    void publish(long organisationId, long id, String actor, String status, Tracking.Revision revision, byte[] document) {
        jdbc.sql("""
                insert into advisory_revision (organisation_id, advisory_id, number, date, summary, document, published_by)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(organisationId, id, Integer.parseInt(revision.number()), Timestamp.from(revision.date()),
                        revision.summary(), document, actor).update();
        jdbc.sql("""
                update advisory set status = ?, version = ?, document = ?,
                    initial_release = coalesce(initial_release, ?), current_release = ?, updated_at = now(), updated_by = ?
                where organisation_id = ? and id = ?""")
                .params(status, revision.number(), document, Timestamp.from(revision.date()),
                        Timestamp.from(revision.date()), actor, organisationId, id).update();
    }

    /** The published revisions, oldest first. */
    List<Tracking.Revision> revisions(long organisationId, long id) {
        return jdbc.sql("""
                select number, date, summary from advisory_revision where organisation_id = ? and advisory_id = ?
                order by number""").params(organisationId, id)
                .query((rs, i) -> new Tracking.Revision(rs.getTimestamp("date").toInstant(),
                        String.valueOf(rs.getInt("number")), rs.getString("summary"))).list();
    }

    Optional<VendorAdvisory> find(long organisationId, long id) {
        return withRecords(organisationId, jdbc.sql("select * from advisory where organisation_id = ? and id = ?")
                .params(organisationId, id).query(AdvisoryStore::advisory).list()).stream().findFirst();
    }

    List<VendorAdvisory> list(long organisationId) {
        return withRecords(organisationId, jdbc.sql("""
                select * from advisory where organisation_id = ? order by updated_at desc, id desc""")
                .param(organisationId).query(AdvisoryStore::advisory).list());
    }

    /** Published TLP:WHITE advisories the organisation authored, newest revision first. */
    List<VendorAdvisory> publicList(long organisationId) {
        return withRecords(organisationId, jdbc.sql("""
                select * from advisory where organisation_id = ? and origin = 'authored' and status <> 'draft'
                    and tlp = 'WHITE' order by current_release desc, id desc""")
                .param(organisationId).query(AdvisoryStore::advisory).list());
    }

    /** The latest document of every published TLP:WHITE advisory the organisation authored. */
    List<byte[]> publicDocuments(long organisationId) {
        return jdbc.sql("""
                select document from advisory where organisation_id = ? and origin = 'authored' and status <> 'draft'
                    and tlp = 'WHITE' order by id""")
                .param(organisationId).query((rs, i) -> rs.getBytes("document")).list();
    }

    /** The current document of a published or imported advisory. */
    Optional<byte[]> document(long organisationId, long id) {
        return jdbc.sql("select document from advisory where organisation_id = ? and id = ? and document is not null")
                .params(organisationId, id).query((rs, i) -> rs.getBytes("document")).optional();
    }

    private List<VendorAdvisory> withRecords(long organisationId, List<VendorAdvisory> advisories) {
        if (advisories.isEmpty()) {
            return advisories;
        }
        Long[] ids = advisories.stream().map(VendorAdvisory::id).toArray(Long[]::new);
        Map<Long, List<Long>> byAdvisory = jdbc.sql("""
                select advisory_id, vulnerability_id from advisory_record
                where organisation_id = ? and advisory_id = any(?) order by advisory_id, position""")
                .params(organisationId, ids)
                .query((rs, i) -> Map.entry(rs.getLong("advisory_id"), rs.getLong("vulnerability_id"))).list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        return advisories.stream().map(a -> new VendorAdvisory(a.id(), a.trackingId(), a.origin(), a.title(),
                a.language(), a.tlp(), a.status(), a.version(), byAdvisory.getOrDefault(a.id(), List.of()), a.summary(),
                a.workaround(), a.mitigation(), a.initialRelease(), a.currentRelease(), a.unmodelled(), a.updatedAt(),
                a.updatedBy())).toList();
    }

    private static VendorAdvisory advisory(ResultSet rs, int row) throws SQLException {
        String unmodelled = rs.getString("unmodelled");
        return new VendorAdvisory(rs.getLong("id"), rs.getString("tracking_id"),
                Origin.valueOf(rs.getString("origin").toUpperCase(java.util.Locale.ROOT)), rs.getString("title"),
                rs.getString("language"), Optional.ofNullable(rs.getString("tlp")), rs.getString("status"),
                rs.getString("version"), List.of(), rs.getString("summary"), rs.getString("workaround"),
                rs.getString("mitigation"), instant(rs, "initial_release"), instant(rs, "current_release"),
                unmodelled.isEmpty() ? List.of() : Arrays.asList(unmodelled.split("\n")),
                rs.getTimestamp("updated_at").toInstant(), rs.getString("updated_by"));
    }

    private static Optional<Instant> instant(ResultSet rs, String column) throws SQLException {
        return Optional.ofNullable(rs.getTimestamp(column)).map(Timestamp::toInstant);
    }
}
