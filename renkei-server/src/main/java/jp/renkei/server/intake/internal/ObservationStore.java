package jp.renkei.server.intake.internal;

import java.time.Duration;
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

    /**
     * How far apart two feeds' sightings of one device may be and still be one sighting. Feeds
     * report the same scan or sinkhole hit with their own delays and rounding (Shadowserver daily
     * files, IntelMQ relays, NOTICE lists in JST minutes); an hour covers that without merging a
     * device's separate infections, which are days apart.
     */
    public static final Duration LINK_WINDOW = Duration.ofHours(1);

    /** Why an unmapped observation has no subscriber: it was never looked up. */
    public static final String UNMAPPED_REASON = "unmapped-kind";

    /** A stored observation and the earlier one of the same device from another feed, if any. */
    public record Stored(long id, Optional<Long> linkedTo) {}

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ObservationStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** As {@link #insertIfNew(long, String, String, ObservationDraft)} from feed {@code api}, returning the id. */
    public Optional<Long> insertIfNew(long organisationId, String fileName, ObservationDraft d) {
        return insertIfNew(organisationId, "api", fileName, d).map(Stored::id);
    }

    /**
     * Stores a new observation; empty when its fingerprint is already stored. The same-device rule:
     * an observation is linked to the earliest unlinked observation of the organisation with the
     * same address and kind, from a different feed, within {@link #LINK_WINDOW} of its source time,
     * and with the same port when both have one. Same-feed repeats are separate sightings and are
     * not linked. Two feeds' files imported at the very same moment may not see each other's
     * uncommitted rows; then both count, which over-counts once but never loses a sighting.
     */
    public Optional<Stored> insertIfNew(long organisationId, String feed, String fileName, ObservationDraft d) {
        Integer port = d.port().isPresent() ? d.port().getAsInt() : null;
        return jdbc.sql("""
                insert into observation (organisation_id, fingerprint, report_type, file_name, line, source_time,
                    ip, port, transport, kind, severity, malware_family, device_vendor, device_model, evidence,
                    feed, device_firmware, linked_to)
                values (:org, :fingerprint, :type, :file, :line, :time, cast(:ip as inet), :port, :transport, :kind,
                    :severity, :family, :vendor, :model, cast(:evidence as jsonb), :feed, :firmware,
                    (select o.id from observation o
                      where o.organisation_id = :org and o.ip = cast(:ip as inet) and o.kind = :kind
                        and o.feed <> :feed and o.linked_to is null
                        and o.source_time between :from and :to
                        and (o.port is null or cast(:port as integer) is null or o.port = cast(:port as integer))
                      order by o.source_time, o.id limit 1))
                on conflict (organisation_id, fingerprint) do nothing
                returning id, linked_to""")
                .param("org", organisationId)
                .param("fingerprint", d.fingerprint())
                .param("type", d.reportType())
                .param("file", fileName)
                .param("line", d.line())
                .param("time", d.sourceTime().atOffset(ZoneOffset.UTC))
                .param("from", d.sourceTime().minus(LINK_WINDOW).atOffset(ZoneOffset.UTC))
                .param("to", d.sourceTime().plus(LINK_WINDOW).atOffset(ZoneOffset.UTC))
                .param("ip", d.ip())
                .param("port", port, java.sql.Types.INTEGER)
                .param("transport", d.transport())
                .param("kind", d.kind().code())
                .param("severity", d.severity().map(Severity::name).map(String::toLowerCase).orElse(null),
                        java.sql.Types.VARCHAR)
                .param("family", d.malwareFamily().orElse(null), java.sql.Types.VARCHAR)
                .param("vendor", d.deviceVendor().orElse(null), java.sql.Types.VARCHAR)
                .param("model", d.deviceModel().orElse(null), java.sql.Types.VARCHAR)
                .param("firmware", d.deviceFirmware().orElse(null), java.sql.Types.VARCHAR)
                .param("evidence", json.writeValueAsString(d.evidence()))
                .param("feed", feed)
                .query((rs, i) -> {
                    long id = rs.getLong("id");
                    long linked = rs.getLong("linked_to");
                    return new Stored(id, rs.wasNull() ? Optional.empty() : Optional.of(linked));
                })
                .optional();
    }

    /** Marks an unmapped observation as deliberately not attributed (nobody's identity is looked up). */
    public void recordNotAttributed(long organisationId, long observationId, String reason) {
        jdbc.sql("update observation set unattributed_reason = ? where organisation_id = ? and id = ?")
                .params(reason, organisationId, observationId)
                .update();
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
