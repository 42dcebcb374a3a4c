package jp.renkei.server.platform;

import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/** The record of every file taken in, shown on the imports page. */
@Service
public class ImportLog {

    /** One finished import as listed to operators. */
    public record ImportRun(long id, String kind, String format, String fileName, String contentSha256,
            String actor, Instant startedAt, Instant finishedAt, long accepted, long duplicates,
            long rejectedCount, String rejectedJson, String alarmsJson) {}

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ImportLog(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Stores the outcome of one import and returns its id. */
    public long record(long organisationId, String actor, String kind, String format, String fileName,
            String contentSha256, Instant startedAt, ImportTally tally) {
        ImportResult result = tally.result();
        return jdbc.sql("""
                insert into import_run (organisation_id, kind, format, file_name, content_sha256, actor,
                    started_at, finished_at, accepted, duplicates, rejected_count, rejected, alarms)
                values (?, ?, ?, ?, ?, ?, ?, now(), ?, ?, ?, cast(? as jsonb), cast(? as jsonb)) returning id""")
                .params(organisationId, kind, format, fileName, contentSha256, actor,
                        java.sql.Timestamp.from(startedAt), result.accepted(), result.duplicates(),
                        tally.rejectedCount(), json.writeValueAsString(result.rejected()),
                        json.writeValueAsString(result.alarms()))
                .query(Long.class)
                .single();
    }

    /** The latest imports of one organisation, newest first. */
    public List<ImportRun> recent(long organisationId, int limit) {
        return jdbc.sql("""
                select * from import_run where organisation_id = ?
                order by started_at desc, id desc limit ?""")
                .params(organisationId, limit)
                .query((rs, i) -> new ImportRun(rs.getLong("id"), rs.getString("kind"), rs.getString("format"),
                        rs.getString("file_name"), rs.getString("content_sha256"), rs.getString("actor"),
                        rs.getTimestamp("started_at").toInstant(), rs.getTimestamp("finished_at").toInstant(),
                        rs.getLong("accepted"), rs.getLong("duplicates"), rs.getLong("rejected_count"),
                        rs.getString("rejected"), rs.getString("alarms")))
                .list();
    }
}
