package jp.renkei.server.intake.feeds;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jp.renkei.core.imports.Rejection;
import jp.renkei.server.intake.ObservationImport;
import jp.renkei.server.platform.ImportAlarm;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads of the platform's import log that feeds need (by content hash, by id, with alarms).
 * These belong in {@code platform.ImportLog}; they live here until it offers them.
 */
@Repository
public class ImportRuns {

    private static final TypeReference<List<Rejection>> REJECTIONS = new TypeReference<>() {};
    private static final TypeReference<List<ImportAlarm>> ALARMS = new TypeReference<>() {};

    /** One recorded observation import. */
    public record Run(long id, String fileName, String contentSha256, String actor, Instant startedAt,
            Instant finishedAt, long accepted, long duplicates, long rejectedCount, List<Rejection> rejected,
            List<ImportAlarm> alarms) {}

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ImportRuns(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The latest observation import of exactly this content by the organisation. */
    public Optional<Run> takenIn(long organisationId, String contentSha256) {
        return jdbc.sql("""
                select * from import_run where organisation_id = ? and content_sha256 = ? and kind = ?
                order by id desc limit 1""")
                .params(organisationId, contentSha256, ObservationImport.KIND).query(this::run).optional();
    }

    public Optional<Run> find(long organisationId, long id) {
        return jdbc.sql("select * from import_run where organisation_id = ? and id = ?")
                .params(organisationId, id).query(this::run).optional();
    }

    /** The latest observation imports that raised an alarm, newest first. */
    public List<Run> alarmed(long organisationId, int limit) {
        return jdbc.sql("""
                select * from import_run where organisation_id = ? and kind = ? and alarms <> '[]'::jsonb
                order by started_at desc, id desc limit ?""")
                .params(organisationId, ObservationImport.KIND, limit).query(this::run).list();
    }

    private Run run(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Run(rs.getLong("id"), rs.getString("file_name"), rs.getString("content_sha256"),
                rs.getString("actor"), rs.getTimestamp("started_at").toInstant(),
                rs.getTimestamp("finished_at").toInstant(), rs.getLong("accepted"), rs.getLong("duplicates"),
                rs.getLong("rejected_count"), json.readValue(rs.getString("rejected"), REJECTIONS),
                json.readValue(rs.getString("alarms"), ALARMS));
    }
}
