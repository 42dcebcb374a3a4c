package jp.renkei.server.intake.feeds;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The ledger of files collectors received: the durable half of "never lost". */
@Repository
public class Deliveries {

    /** A file about to be registered. */
    public record Receipt(long organisationId, String feedName, String format, Optional<String> reportType,
            Optional<String> mapping, String actor, String origin, String fileName, Spool.Spooled file) {}

    private final JdbcClient jdbc;

    Deliveries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Registers a spooled file as received and returns its id. */
    public long register(Receipt r) {
        return jdbc.sql("""
                insert into feed_delivery (organisation_id, feed_name, format, report_type, mapping, actor, origin,
                    file_name, spool_path, size_bytes, content_sha256, state)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'received') returning id""")
                .params(r.organisationId(), r.feedName(), r.format(), r.reportType().orElse(null),
                        r.mapping().orElse(null), r.actor(), r.origin(), r.fileName(), r.file().path().toString(),
                        r.file().size(), r.file().sha256())
                .query(Long.class).single();
    }

    /** Takes a received file for importing; empty when another worker has it or it is done. */
    Optional<Delivery> claim(long id) {
        return jdbc.sql("""
                update feed_delivery set state = 'importing', attempts = attempts + 1
                where id = ? and state = 'received' returning *""")
                .param(id).query(Deliveries::delivery).optional();
    }

    /** Gives a claimed file back, to be tried again on a later tick. */
    void release(long id, String detail) {
        jdbc.sql("update feed_delivery set state = 'received', detail = ? where id = ? and state = 'importing'")
                .params(detail, id).update();
    }

    void finish(long id, String state, Optional<Long> importRunId, String detail, Path archived) {
        jdbc.sql("""
                update feed_delivery set state = ?, import_run_id = ?, detail = ?, spool_path = ?, finished_at = now()
                where id = ?""")
                .params(state, importRunId.orElse(null), detail, archived.toString(), id).update();
    }

    /**
     * Files a killed process left half-imported become received again. Called at startup only,
     * before any collector runs, so nothing is importing at that moment.
     */
    public int reopenInterrupted() {
        return jdbc.sql("update feed_delivery set state = 'received' where state = 'importing'").update();
    }

    /** Ids of received files, oldest first. */
    public List<Long> received() {
        return jdbc.sql("select id from feed_delivery where state = 'received' order by id")
                .query(Long.class).list();
    }

    int attempts(long id) {
        return jdbc.sql("select attempts from feed_delivery where id = ?").param(id).query(Integer.class).single();
    }

    /** Ids of one feed's received files, oldest first. */
    public List<Long> received(long organisationId, String feedName) {
        return jdbc.sql("""
                select id from feed_delivery where state = 'received' and organisation_id = ? and feed_name = ?
                order by id""").params(organisationId, feedName).query(Long.class).list();
    }

    /** Spool paths of files not yet finished. */
    Set<String> openSpoolPaths() {
        return new HashSet<>(jdbc.sql("select spool_path from feed_delivery where state in ('received', 'importing')")
                .query(String.class).list());
    }

    /** One delivery of the organisation. */
    public Optional<Delivery> find(long organisationId, long id) {
        return jdbc.sql("select * from feed_delivery where organisation_id = ? and id = ?")
                .params(organisationId, id).query(Deliveries::delivery).optional();
    }

    /** The latest deliveries of one feed, newest first. */
    public List<Delivery> recent(long organisationId, String feedName, int limit) {
        return jdbc.sql("""
                select * from feed_delivery where organisation_id = ? and feed_name = ?
                order by received_at desc, id desc limit ?""")
                .params(organisationId, feedName, limit).query(Deliveries::delivery).list();
    }

    static Delivery delivery(ResultSet rs, int row) throws SQLException {
        long run = rs.getLong("import_run_id");
        Optional<Long> runId = rs.wasNull() ? Optional.empty() : Optional.of(run);
        Timestamp finished = rs.getTimestamp("finished_at");
        return new Delivery(rs.getLong("id"), rs.getLong("organisation_id"), rs.getString("feed_name"),
                rs.getString("format"), Optional.ofNullable(rs.getString("report_type")),
                Optional.ofNullable(rs.getString("mapping")), rs.getString("actor"), rs.getString("origin"),
                rs.getString("file_name"), Path.of(rs.getString("spool_path")), rs.getLong("size_bytes"),
                rs.getString("content_sha256"), rs.getString("state"), runId, rs.getString("detail"),
                rs.getTimestamp("received_at").toInstant(), Optional.ofNullable(finished).map(Timestamp::toInstant));
    }
}
