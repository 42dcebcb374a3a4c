package jp.renkei.server.intake.internal;

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

    /**
     * Stores a chunk of observations in one statement and answers, in input order, what became of
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
        int n = drafts.size();
        String[] fingerprints = new String[n];
        String[] types = new String[n];
        Long[] lines = new Long[n];
        String[] times = new String[n];
        String[] ips = new String[n];
        Integer[] ports = new Integer[n];
        String[] transports = new String[n];
        String[] kinds = new String[n];
        String[] severities = new String[n];
        String[] families = new String[n];
        String[] vendors = new String[n];
        String[] models = new String[n];
        String[] firmwares = new String[n];
        String[] evidence = new String[n];
        String[] subscribers = new String[n];
        Long[] assignments = new Long[n];
        String[] froms = new String[n];
        String[] tos = new String[n];
        String[] sources = new String[n];
        String[] reasons = new String[n];
        for (int i = 0; i < n; i++) {
            ObservationDraft d = drafts.get(i);
            fingerprints[i] = d.fingerprint();
            types[i] = d.reportType();
            lines[i] = d.line();
            times[i] = d.sourceTime().toString();
            ips[i] = d.ip();
            ports[i] = d.port().isPresent() ? d.port().getAsInt() : null;
            transports[i] = d.transport();
            kinds[i] = d.kind().code();
            severities[i] = d.severity().map(Severity::name).map(v -> v.toLowerCase(Locale.ROOT)).orElse(null);
            families[i] = d.malwareFamily().orElse(null);
            vendors[i] = d.deviceVendor().orElse(null);
            models[i] = d.deviceModel().orElse(null);
            firmwares[i] = d.deviceFirmware().orElse(null);
            evidence[i] = json.writeValueAsString(d.evidence());
            AttributionAnswer answer = answers.get(i);
            if (answer == null) {
                reasons[i] = UNMAPPED_REASON;
                continue;
            }
            Optional<Assignment> a = answer.assignment();
            subscribers[i] = a.map(Assignment::subscriberId).orElse(null);
            assignments[i] = answer.assignmentId().orElse(null);
            froms[i] = a.map(x -> x.from().toString()).orElse(null);
            tos[i] = a.flatMap(Assignment::to).map(Object::toString).orElse(null);
            sources[i] = a.map(Assignment::source).orElse(null);
            // Nobody named: the reason, or shared-address for a CGNAT address seen without a port.
            reasons[i] = a.isEmpty() ? answer.outcome() : null;
        }
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
                        and o.source_time between d.time - make_interval(secs => :window) and d.time + make_interval(secs => :window)
                        and (o.port is null or d.port is null or o.port = d.port)
                      order by o.source_time, o.id limit 1)
                from unnest(cast(:fingerprints as text[]), cast(:types as text[]), cast(:lines as bigint[]),
                        cast(cast(:times as text[]) as timestamptz[]), cast(cast(:ips as text[]) as inet[]),
                        cast(:ports as integer[]), cast(:transports as text[]), cast(:kinds as text[]),
                        cast(:severities as text[]), cast(:families as text[]), cast(:vendors as text[]),
                        cast(:models as text[]), cast(:firmwares as text[]), cast(cast(:evidence as text[]) as jsonb[]),
                        cast(:subscribers as text[]), cast(:assignments as bigint[]),
                        cast(cast(:froms as text[]) as timestamptz[]), cast(cast(:tos as text[]) as timestamptz[]),
                        cast(:sources as text[]), cast(:reasons as text[]))
                    with ordinality as d(fingerprint, type, line, time, ip, port, transport, kind, severity, family,
                        vendor, model, firmware, evidence, subscriber, assignment, from_at, to_at, source, reason,
                        position)
                order by d.position
                on conflict (organisation_id, fingerprint) do nothing
                returning id, fingerprint, linked_to""")
                .param("org", organisationId)
                .param("file", fileName)
                .param("feed", feed)
                .param("window", LINK_WINDOW.toSeconds())
                .param("fingerprints", fingerprints)
                .param("types", types)
                .param("lines", lines)
                .param("times", times)
                .param("ips", ips)
                .param("ports", ports)
                .param("transports", transports)
                .param("kinds", kinds)
                .param("severities", severities)
                .param("families", families)
                .param("vendors", vendors)
                .param("models", models)
                .param("firmwares", firmwares)
                .param("evidence", evidence)
                .param("subscribers", subscribers)
                .param("assignments", assignments)
                .param("froms", froms)
                .param("tos", tos)
                .param("sources", sources)
                .param("reasons", reasons)
                .query((rs, i) -> {
                    long linked = rs.getLong("linked_to");
                    Optional<Long> linkedTo = rs.wasNull() ? Optional.empty() : Optional.of(linked);
                    return Map.entry(rs.getString("fingerprint"), new Stored(rs.getLong("id"), linkedTo));
                })
                .list()
                .forEach(e -> stored.put(e.getKey(), e.getValue()));
        List<Optional<Stored>> outcome = new ArrayList<>(n);
        for (ObservationDraft d : drafts) {
            // remove: a fingerprint repeated within the chunk is stored once, its repeats are duplicates
            outcome.add(Optional.ofNullable(stored.remove(d.fingerprint())));
        }
        return outcome;
    }
}
