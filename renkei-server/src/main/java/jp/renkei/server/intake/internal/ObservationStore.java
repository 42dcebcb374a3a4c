package jp.renkei.server.intake.internal;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jp.renkei.core.attribution.Assignment;
import jp.renkei.core.intake.ObservationDraft;
import jp.renkei.core.intake.Severity;
import jp.renkei.server.attribution.AttributionAnswer;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
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

    private static final String INCOMING_TABLE = """
            create temporary table if not exists observation_incoming (position integer, fingerprint text,
                type text, line bigint, time timestamptz, ip inet, port integer, transport text, kind text,
                severity text, family text, vendor text, model text, firmware text, evidence jsonb,
                subscriber text, assignment bigint, from_at timestamptz, to_at timestamptz, source text,
                reason text) on commit delete rows""";

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;
    private final JsonMapper json;

    ObservationStore(JdbcClient jdbc, JdbcTemplate jdbcTemplate, JsonMapper json) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.json = json;
    }

    /**
     * Stores a chunk of observations (copied in, then inserted in one statement) and answers, in input order, what became of
     * each: stored (with the observation it is linked to, if any) or empty when its fingerprint was
     * already stored (a duplicate, also within the chunk). The same-device rule: an observation is
     * linked to the earliest unlinked observation of the organisation with the same address and
     * kind, from a different feed, within {@link #LINK_WINDOW} of its source time, and with the same
     * port when both have one. Same-feed repeats are separate sightings and are not linked. Two
     * feeds' files imported at the very same moment may not see each other's uncommitted rows; then
     * both count, which over-counts once but never loses a sighting.
     */
    public List<Optional<Stored>> insertAll(long organisationId, String feed, String fileName,
            List<ObservationDraft> drafts, List<AttributionAnswer> answers) {
        copyIntoIncoming(drafts, answers);
        Map<String, Stored> stored = new HashMap<>();
        jdbc.sql("""
                insert into observation (organisation_id, fingerprint, report_type, file_name, line, source_time,
                    ip, port, transport, kind, severity, malware_family, device_vendor, device_model, evidence,
                    feed, device_firmware, subscriber_id, assignment_id, assignment_from, assignment_to,
                    assignment_source, unattributed_reason, linked_to)
                select :org, d.fingerprint, d.type, :file, d.line, d.time, d.ip, d.port, d.transport, d.kind,
                    d.severity, d.family, d.vendor, d.model, d.evidence, :feed, d.firmware, d.subscriber,
                    d.assignment, d.from_at, d.to_at, d.source, d.reason,
                    (select o.id from observation o
                      where o.organisation_id = :org and o.ip = d.ip and o.kind = d.kind
                        and o.feed <> :feed and o.linked_to is null
                        and o.source_time - d.time between -make_interval(secs => :window) and make_interval(secs => :window)
                        and (o.port is null or d.port is null or o.port = d.port)
                      -- The window is written on the difference so no index can range-scan it: the lookup
                      -- goes by address and kind (observation_same_device, a handful of rows), never
                      -- through every observation of that hour in observation_org_time, whatever the
                      -- planner's statistics say in the middle of a large import.
                      order by o.source_time, o.id limit 1)
                from observation_incoming d
                order by d.position
                on conflict (organisation_id, fingerprint) do nothing
                returning id, fingerprint, linked_to""")
                .param("org", organisationId)
                .param("file", fileName)
                .param("feed", feed)
                .param("window", LINK_WINDOW.toSeconds())
                .query((rs, i) -> {
                    long linked = rs.getLong("linked_to");
                    Optional<Long> linkedTo = rs.wasNull() ? Optional.empty() : Optional.of(linked);
                    return Map.entry(rs.getString("fingerprint"), new Stored(rs.getLong("id"), linkedTo));
                })
                .list()
                .forEach(e -> stored.put(e.getKey(), e.getValue()));
        // Emptied at commit anyway; emptied now too, so a second chunk in one transaction starts clean.
        jdbc.sql("delete from observation_incoming").update();
        int n = drafts.size();
        List<Optional<Stored>> outcome = new ArrayList<>(n);
        for (ObservationDraft d : drafts) {
            // remove: a fingerprint repeated within the chunk is stored once, its repeats are duplicates
            outcome.add(Optional.ofNullable(stored.remove(d.fingerprint())));
        }
        return outcome;
    }

    /**
     * Streams the chunk into a session-local staging table with {@code COPY}: PostgreSQL parses
     * the addresses, times and evidence once, in its fastest input path, and the insert above then
     * reads them as a table. The table empties itself at commit.
     */
    private void copyIntoIncoming(List<ObservationDraft> drafts, List<AttributionAnswer> answers) {
        CopyRows rows = new CopyRows();
        for (int i = 0; i < drafts.size(); i++) {
            ObservationDraft d = drafts.get(i);
            rows.value(i).value(d.fingerprint()).value(d.reportType()).value(d.line()).value(d.sourceTime())
                    .value(d.ip()).value(d.port().isPresent() ? d.port().getAsInt() : null).value(d.transport())
                    .value(d.kind().code())
                    .value(d.severity().map(Severity::name).map(v -> v.toLowerCase(Locale.ROOT)).orElse(null))
                    .value(d.malwareFamily().orElse(null)).value(d.deviceVendor().orElse(null))
                    .value(d.deviceModel().orElse(null)).value(d.deviceFirmware().orElse(null))
                    .value(json.writeValueAsString(d.evidence()));
            AttributionAnswer answer = answers.get(i);
            if (answer == null) {
                rows.value(null).value(null).value(null).value(null).value(null).value(UNMAPPED_REASON).endRow();
                continue;
            }
            Optional<Assignment> a = answer.assignment();
            rows.value(a.map(Assignment::subscriberId).orElse(null))
                    .value(answer.assignmentId().orElse(null))
                    .value(a.map(Assignment::from).orElse(null))
                    .value(a.flatMap(Assignment::to).orElse(null))
                    .value(a.map(Assignment::source).orElse(null))
                    // Nobody named: the reason, or shared-address for a CGNAT address seen without a port.
                    .value(a.isEmpty() ? answer.outcome() : null)
                    .endRow();
        }
        jdbcTemplate.execute((ConnectionCallback<Long>) connection -> {
            try (Statement s = connection.createStatement()) {
                s.execute(INCOMING_TABLE);
            }
            try {
                return connection.unwrap(PGConnection.class).getCopyAPI().copyIn(
                        "copy observation_incoming from stdin with (format csv)", new StringReader(rows.toString()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
