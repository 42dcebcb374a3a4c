package jp.renkei.server.intake.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jp.renkei.core.attribution.Assignment;
import jp.renkei.core.intake.ProblemKind;
import jp.renkei.server.intake.AttributionEvidence;
import jp.renkei.server.intake.ObservationQueries;
import jp.renkei.server.intake.ObservationView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Observation reads, always filtered by organisation. */
@Repository
class JdbcObservationQueries implements ObservationQueries {

    private static final TypeReference<LinkedHashMap<String, String>> EVIDENCE = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;

    JdbcObservationQueries(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public List<ObservationView> byIds(long organisationId, Collection<Long> observationIds) {
        if (observationIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select * from observation where organisation_id = :org and id in (:ids)
                order by source_time, id""")
                .param("org", organisationId)
                .param("ids", observationIds)
                .query(this::view)
                .list();
    }

    @Override
    public List<ObservationView> seenWhileHeld(long organisationId, Assignment held, Instant since, Instant until,
            int limit) {
        Instant from = held.from().isAfter(since) ? held.from() : since;
        Instant to = held.to().filter(t -> t.isBefore(until)).orElse(until);
        // A port block of a shared (CGNAT) address: a report without a port cannot be told apart from
        // the other holders' traffic, so only reports within the block count.
        boolean wholeAddress = held.ports().first() == 0 && held.ports().last() == 65535;
        return jdbc.sql("""
                select * from observation where organisation_id = :org
                  and ip <<= cast(:prefix as inet)
                  and source_time >= :from and source_time < :to
                  and (:whole or port between :first and :last)
                order by source_time desc, id desc limit :limit""")
                .param("org", organisationId)
                .param("prefix", held.ip() + "/" + held.prefixLength())
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .param("whole", wholeAddress)
                .param("first", held.ports().first())
                .param("last", held.ports().last())
                .param("limit", limit)
                .query(this::view)
                .list();
    }

    @Override
    public List<ObservationView> unattributed(long organisationId, int limit) {
        return jdbc.sql("""
                select * from observation where organisation_id = ? and subscriber_id is null
                order by source_time desc, id desc limit ?""")
                .params(organisationId, limit)
                .query(this::view)
                .list();
    }

    private ObservationView view(ResultSet rs, int row) throws SQLException {
        Map<String, String> evidence = json.readValue(rs.getString("evidence"), EVIDENCE);
        int port = rs.getInt("port");
        Optional<Integer> maybePort = rs.wasNull() ? Optional.empty() : Optional.of(port);
        return new ObservationView(rs.getLong("id"), rs.getString("report_type"), rs.getString("file_name"),
                rs.getLong("line"), rs.getTimestamp("source_time").toInstant(), rs.getString("ip"), maybePort,
                rs.getString("transport"), ProblemKind.fromCode(rs.getString("kind")),
                Optional.ofNullable(rs.getString("severity")), Optional.ofNullable(rs.getString("malware_family")),
                Optional.ofNullable(rs.getString("device_vendor")), Optional.ofNullable(rs.getString("device_model")),
                evidence,
                new AttributionEvidence(Optional.ofNullable(rs.getString("subscriber_id")),
                        instant(rs, "assignment_from"), instant(rs, "assignment_to"),
                        Optional.ofNullable(rs.getString("assignment_source")),
                        Optional.ofNullable(rs.getString("unattributed_reason"))),
                Optional.ofNullable(rs.getString("device_firmware")));
    }

    private static Optional<Instant> instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return Optional.ofNullable(t).map(Timestamp::toInstant);
    }
}
