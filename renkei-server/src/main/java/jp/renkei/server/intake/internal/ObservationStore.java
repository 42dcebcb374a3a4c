package jp.renkei.server.intake.internal;

import java.time.ZoneOffset;
import java.util.Optional;

import jp.renkei.core.attribution.Assignment;
import jp.renkei.core.intake.ObservationDraft;
import jp.renkei.core.intake.Severity;
import jp.renkei.server.attribution.AttributionAnswer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** Writes observations and their attribution outcome; reads are in {@link JdbcObservationQueries}. */
@Repository
public class ObservationStore {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ObservationStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Stores a new observation and returns its id; empty when its fingerprint is already stored. */
    public Optional<Long> insertIfNew(long organisationId, String fileName, ObservationDraft d) {
        return jdbc.sql("""
                insert into observation (organisation_id, fingerprint, report_type, file_name, line, source_time,
                    ip, port, transport, kind, severity, malware_family, device_vendor, device_model, evidence)
                values (:org, :fingerprint, :type, :file, :line, :time, cast(:ip as inet), :port, :transport, :kind,
                    :severity, :family, :vendor, :model, cast(:evidence as jsonb))
                on conflict (organisation_id, fingerprint) do nothing
                returning id""")
                .param("org", organisationId)
                .param("fingerprint", d.fingerprint())
                .param("type", d.reportType())
                .param("file", fileName)
                .param("line", d.line())
                .param("time", d.sourceTime().atOffset(ZoneOffset.UTC))
                .param("ip", d.ip())
                .param("port", d.port().isPresent() ? d.port().getAsInt() : null, java.sql.Types.INTEGER)
                .param("transport", d.transport())
                .param("kind", d.kind().code())
                .param("severity", d.severity().map(Severity::name).map(String::toLowerCase).orElse(null),
                        java.sql.Types.VARCHAR)
                .param("family", d.malwareFamily().orElse(null), java.sql.Types.VARCHAR)
                .param("vendor", d.deviceVendor().orElse(null), java.sql.Types.VARCHAR)
                .param("model", d.deviceModel().orElse(null), java.sql.Types.VARCHAR)
                .param("evidence", json.writeValueAsString(d.evidence()))
                .query(Long.class)
                .optional();
    }

    /** Stores who the observation was attributed to, or why nobody could be named. */
    public void recordAttribution(long organisationId, long observationId, AttributionAnswer answer) {
        Optional<Assignment> a = answer.assignment();
        jdbc.sql("""
                update observation set subscriber_id = :subscriber, assignment_id = :assignment,
                    assignment_from = :from, assignment_to = :to, assignment_source = :source,
                    unattributed_reason = :reason
                where organisation_id = :org and id = :id""")
                .param("subscriber", a.map(Assignment::subscriberId).orElse(null), java.sql.Types.VARCHAR)
                .param("assignment", answer.assignmentId().orElse(null), java.sql.Types.BIGINT)
                .param("from", a.map(x -> x.from().atOffset(ZoneOffset.UTC)).orElse(null),
                        java.sql.Types.TIMESTAMP_WITH_TIMEZONE)
                .param("to", a.flatMap(Assignment::to).map(t -> t.atOffset(ZoneOffset.UTC)).orElse(null),
                        java.sql.Types.TIMESTAMP_WITH_TIMEZONE)
                .param("source", a.map(Assignment::source).orElse(null), java.sql.Types.VARCHAR)
                .param("reason", answer.attribution() instanceof jp.renkei.core.attribution.Attribution.Unattributed u
                        ? u.reason().code() : null, java.sql.Types.VARCHAR)
                .param("org", organisationId)
                .param("id", observationId)
                .update();
    }
}
