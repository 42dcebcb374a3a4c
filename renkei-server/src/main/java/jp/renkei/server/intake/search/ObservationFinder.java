package jp.renkei.server.intake.search;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import jp.renkei.core.intake.export.ExportedObservation;
import jp.renkei.core.intake.export.ObservationWriter;
import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/** Observation search and export, always within one organisation, newest first. */
@Repository
public class ObservationFinder {

    /** One found observation and whether it was attributed (never who: that read is audited elsewhere). */
    public record Found(long id, ExportedObservation observation, boolean attributed) {}

    /** One page of results; {@code more} when older ones follow. */
    public record Page(List<Found> rows, int number, boolean more) {}

    private static final int EXPORT_FETCH = 1_000;

    private final NamedParameterJdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate cursor;
    private final TransactionTemplate readOnly;

    ObservationFinder(DataSource dataSource, PlatformTransactionManager transactions) {
        this.jdbc = new NamedParameterJdbcTemplate(dataSource);
        JdbcTemplate fetching = new JdbcTemplate(dataSource);
        // PostgreSQL streams rows through a cursor only with a fetch size inside a transaction.
        fetching.setFetchSize(EXPORT_FETCH);
        this.cursor = new NamedParameterJdbcTemplate(fetching);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /** Page {@code number} (from 1) of {@code size} observations. */
    public Page page(long organisationId, ObservationFilter filter, int number, int size) {
        Map<String, Object> params = new HashMap<>();
        String sql = "select * from observation o where " + where(organisationId, filter, params)
                + " order by o.source_time desc, o.id desc limit :limit offset :offset";
        params.put("limit", size + 1);
        params.put("offset", (long) (number - 1) * size);
        List<Found> rows = new ArrayList<>(jdbc.query(sql, params, ObservationFinder::found));
        boolean more = rows.size() > size;
        return new Page(more ? rows.subList(0, size) : rows, number, more);
    }

    /**
     * Streams every matching observation to the writer through a database cursor, so an export
     * of any size needs bounded memory.
     */
    public void export(long organisationId, ObservationFilter filter, ObservationWriter writer) {
        Map<String, Object> params = new HashMap<>();
        String sql = "select * from observation o where " + where(organisationId, filter, params)
                + " order by o.source_time desc, o.id desc";
        readOnly.executeWithoutResult(status -> {
            cursor.query(sql, params, rs -> {
                try {
                    writer.write(found(rs, 0).observation());
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        });
    }

    private static String where(long organisationId, ObservationFilter f, Map<String, Object> params) {
        StringBuilder w = new StringBuilder("o.organisation_id = :org");
        params.put("org", organisationId);
        f.ip().ifPresent(ip -> {
            w.append(" and o.ip = cast(:ip as inet)");
            params.put("ip", ip);
        });
        f.prefix().ifPresent(p -> {
            w.append(" and o.ip <<= cast(:prefix as inet)");
            params.put("prefix", p);
        });
        f.from().ifPresent(t -> {
            w.append(" and o.source_time >= :from");
            params.put("from", Timestamp.from(t));
        });
        f.to().ifPresent(t -> {
            w.append(" and o.source_time < :to");
            params.put("to", Timestamp.from(t));
        });
        f.kind().ifPresent(k -> {
            w.append(" and o.kind = :kind");
            params.put("kind", k);
        });
        f.model().ifPresent(m -> {
            w.append(" and o.device_model ilike :model escape '\\'");
            params.put("model", "%" + m.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        });
        f.feed().ifPresent(feed -> {
            // Until every import writes observation.feed, files a collector took in name their feed.
            w.append(" and (o.feed = :feed or (o.feed is null and exists (select 1 from feed_delivery d"
                    + " where d.organisation_id = o.organisation_id and d.feed_name = :feed"
                    + " and d.file_name = o.file_name)))");
            params.put("feed", feed);
        });
        return w.toString();
    }

    private static Found found(ResultSet rs, int row) throws SQLException {
        int port = rs.getInt("port");
        OptionalInt maybePort = rs.wasNull() ? OptionalInt.empty() : OptionalInt.of(port);
        String ip = rs.getString("ip");
        int slash = ip.indexOf('/');
        ExportedObservation o = new ExportedObservation(rs.getTimestamp("source_time").toInstant(),
                slash < 0 ? ip : ip.substring(0, slash), maybePort, rs.getString("transport"), rs.getString("kind"),
                Optional.ofNullable(rs.getString("severity")), Optional.ofNullable(rs.getString("malware_family")),
                Optional.ofNullable(rs.getString("device_vendor")), Optional.ofNullable(rs.getString("device_model")),
                rs.getString("report_type"), Optional.ofNullable(rs.getString("feed")), rs.getString("file_name"),
                rs.getLong("line"));
        return new Found(rs.getLong("id"), o, rs.getString("subscriber_id") != null);
    }
}
