package jp.renkei.server.cases.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import jp.renkei.core.cases.CaseChoice;
import jp.renkei.core.cases.CaseRules;
import jp.renkei.core.cases.CaseState;
import jp.renkei.core.cases.OpenCase;
import jp.renkei.core.intake.ProblemKind;
import jp.renkei.core.intake.Severity;
import jp.renkei.server.cases.CaseOpened;
import jp.renkei.server.cases.CaseReinfected;
import jp.renkei.server.cases.SubscriberCase;
import jp.renkei.server.intake.ObservationsRecorded;
import jp.renkei.server.intake.RecordedObservation;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Turns newly recorded observations into cases, inside the import's transaction: the first
 * attributed sighting of a problem opens the subscriber's case ({@code CaseOpened}), later ones
 * extend it, and one after a reported fix reinfects it ({@code CaseReinfected}); a subscriber
 * has one case per problem and device where reports name the device (core {@code CaseRules.choose}). Sightings
 * nobody could be attributed to stay with intake (there is nobody to notify). A case's severity is
 * the worst any of its reports gave, from every feed, including a sighting linked to another feed's
 * within the hour; until a report gives one, it is the problem kind's default.
 */
@Component
class ObservationsToCases {

    private record Key(String subscriberId, ProblemKind kind) {}

    private static final Comparator<Key> KEY_ORDER = Comparator.comparing(Key::subscriberId)
            .thenComparing(k -> k.kind().code());

    private final JdbcClient jdbc;
    private final CaseStore cases;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ObservationsToCases(JdbcClient jdbc, CaseStore cases, ApplicationEventPublisher events, Clock clock) {
        this.clock = clock;
        this.jdbc = jdbc;
        this.cases = cases;
        this.events = events;
    }

    @EventListener
    void on(ObservationsRecorded recorded) {
        // Grouped per subscriber and problem, in a fixed order, so that racing imports lock alike.
        Map<Key, Map<String, List<RecordedObservation>>> bySubject = new TreeMap<>(KEY_ORDER);
        for (RecordedObservation o : recorded.observations()) {
            o.subscriberId().filter(s -> !s.isBlank()).ifPresent(subscriber -> bySubject
                    .computeIfAbsent(new Key(subscriber, o.kind()), k -> new LinkedHashMap<>())
                    .computeIfAbsent(deviceKey(o), d -> new ArrayList<>()).add(o));
        }
        Map<Key, Map<String, Severity>> linkedGrades = new TreeMap<>(KEY_ORDER);
        for (RecordedObservation o : recorded.linked()) {
            if (o.subscriberId().filter(s -> !s.isBlank()).isPresent() && o.severity().isPresent()) {
                linkedGrades.computeIfAbsent(new Key(o.subscriberId().get(), o.kind()), k -> new LinkedHashMap<>())
                        .merge(deviceKey(o), o.severity().get(), Severity::worst);
            }
        }
        // Every lock up front, in one order: taking the linked sightings' locks later would let two
        // imports each hold a lock the other wants.
        java.util.SortedSet<Key> keys = new java.util.TreeSet<>(KEY_ORDER);
        keys.addAll(bySubject.keySet());
        keys.addAll(linkedGrades.keySet());
        keys.forEach(key -> lock(recorded.organisationId(), key));
        bySubject.forEach((key, byDevice) -> byDevice.forEach((device, sightings) ->
                apply(recorded.organisationId(), key, device, sightings)));
        linkedGrades.forEach((key, byDevice) -> byDevice.forEach((device, grade) ->
                regrade(recorded.organisationId(), key, device, grade)));
    }

    private static String deviceKey(RecordedObservation o) {
        return CaseRules.deviceKey(o.deviceVendor(), o.deviceModel());
    }

    /**
     * Serialises the case decisions for one subscriber and problem until the import commits: which
     * case a sighting belongs to depends on all the subscriber's open cases for it (adopting one
     * without a device, extending the latest), which a unique index alone cannot arbitrate.
     */
    private void lock(long org, Key key) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('subscriber_case'), hashtext(? || '/' || ? || '/' || ?))")
                .params(Long.toString(org), key.subscriberId(), key.kind().code())
                .query((rs, i) -> 1)
                .list();
    }

    /** The subscriber's cases for the problem that still take sightings, locked. */
    private List<OpenCase> openCases(long org, Key key) {
        return jdbc.sql("""
                select id, device_key, last_seen from subscriber_case
                where organisation_id = ? and subscriber_id = ? and kind = ? and state <> 'closed-unverified'
                order by id
                for update""")
                .params(org, key.subscriberId(), key.kind().code())
                .query((rs, i) -> new OpenCase(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant()))
                .list();
    }

    /** The worst severity the sightings' reports gave; empty when none gave one. */
    private static Optional<Severity> worst(List<RecordedObservation> sightings) {
        return sightings.stream().flatMap(o -> o.severity().stream()).reduce(Severity::worst);
    }

    /** The case's severity after a report graded it: a default gives way, a reported grade only worsens. */
    private static Severity graded(SubscriberCase current, Severity reported) {
        return current.severityReported() ? Severity.worst(current.severity(), reported) : reported;
    }

    /**
     * A linked sighting is not counted again, but its report's grade still counts for the case it
     * would have extended (it opens or adopts nothing).
     */
    private void regrade(long org, Key key, String device, Severity reported) {
        CaseChoice choice = CaseRules.choose(device, openCases(org, key));
        Optional<Long> target = choice instanceof CaseChoice.Extend e ? Optional.of(e.caseId())
                : choice instanceof CaseChoice.Adopt a ? Optional.of(a.caseId()) : Optional.empty();
        target.map(id -> lockedCase(org, id))
                .ifPresent(current -> setSeverity(org, current, graded(current, reported)));
    }

    private SubscriberCase lockedCase(long org, long caseId) {
        return jdbc.sql("select " + CaseStore.CASE_COLUMNS
                        + " from subscriber_case where organisation_id = ? and id = ? for update")
                .params(org, caseId)
                .query(CaseStore::subscriberCase)
                .single();
    }

    private void setSeverity(long org, SubscriberCase current, Severity next) {
        if (current.severityReported() && next == current.severity()) {
            return;
        }
        jdbc.sql("""
                update subscriber_case set severity = ?, severity_reported = true
                where organisation_id = ? and id = ?""")
                .params(next.code(), org, current.id())
                .update();
        if (next != current.severity()) {
            cases.event(org, current.id(), "severity", current.severity().code() + " → " + next.code());
        }
    }

    private void apply(long org, Key key, String device, List<RecordedObservation> sightings) {
        RecordedObservation first = sightings.stream().min(Comparator.comparing(RecordedObservation::sourceTime)).orElseThrow();
        RecordedObservation last = sightings.stream().max(Comparator.comparing(RecordedObservation::sourceTime)).orElseThrow();
        Optional<Severity> reported = worst(sightings);
        CaseChoice choice = CaseRules.choose(device, openCases(org, key));
        if (choice instanceof CaseChoice.Extend e) {
            extend(org, e.caseId(), sightings, first, last, reported);
            return;
        }
        if (choice instanceof CaseChoice.Adopt a) {
            jdbc.sql("update subscriber_case set device_key = ? where organisation_id = ? and id = ?")
                    .params(a.deviceKey(), org, a.caseId())
                    .update();
            cases.event(org, a.caseId(), "device", "device named by a report: " + a.deviceKey());
            extend(org, a.caseId(), sightings, first, last, reported);
            return;
        }
        // The partial unique index still arbitrates should a decision ever race: the loser extends the winner's case.
        Optional<Long> opened = jdbc.sql("""
                insert into subscriber_case (organisation_id, subscriber_id, kind, state, first_seen, last_seen,
                    observation_count, opened_at, severity, severity_reported, device_key)
                values (?, ?, ?, 'open', ?, ?, ?, ?, ?, ?, ?)
                on conflict (organisation_id, subscriber_id, kind, device_key) where state <> 'closed-unverified'
                do nothing
                returning id""")
                .params(org, key.subscriberId(), key.kind().code(), Timestamp.from(first.sourceTime()),
                        Timestamp.from(last.sourceTime()), sightings.size(), Timestamp.from(clock.instant()),
                        reported.orElse(key.kind().defaultSeverity()).code(), reported.isPresent(), device)
                .query(Long.class)
                .optional();
        if (opened.isPresent()) {
            long caseId = opened.get();
            link(org, caseId, sightings);
            reportSources(org, caseId, sightings);
            cases.event(org, caseId, "opened", describe(sightings, last));
            events.publishEvent(new CaseOpened(org, caseId, key.subscriberId(), key.kind()));
            return;
        }
        long winner = jdbc.sql("""
                select id from subscriber_case
                where organisation_id = ? and subscriber_id = ? and kind = ? and device_key = ?
                  and state <> 'closed-unverified'""")
                .params(org, key.subscriberId(), key.kind().code(), device)
                .query(Long.class)
                .single();
        extend(org, winner, sightings, first, last, reported);
    }

    private void extend(long org, long caseId, List<RecordedObservation> sightings, RecordedObservation first,
            RecordedObservation last, Optional<Severity> reported) {
        SubscriberCase current = lockedCase(org, caseId);
        CaseState next = CaseRules.onObservation(current.state(), current.fixReportedAt(), last.sourceTime());
        Instant firstSeen = first.sourceTime().isBefore(current.firstSeen()) ? first.sourceTime() : current.firstSeen();
        Instant lastSeen = last.sourceTime().isAfter(current.lastSeen()) ? last.sourceTime() : current.lastSeen();
        // A reinfected case is no longer a verified fix; its timeline keeps that it once was.
        jdbc.sql("""
                update subscriber_case set state = ?, first_seen = ?, last_seen = ?,
                    observation_count = observation_count + ?,
                    verified_at = case when ? = 'reinfected' then null else verified_at end
                where organisation_id = ? and id = ?""")
                .params(next.code(), Timestamp.from(firstSeen), Timestamp.from(lastSeen), sightings.size(), next.code(),
                        org, current.id())
                .update();
        link(org, current.id(), sightings);
        reportSources(org, current.id(), sightings);
        cases.event(org, current.id(), "observation", describe(sightings, last));
        reported.ifPresent(grade -> setSeverity(org, current, graded(current, grade)));
        if (next != current.state()) {
            cases.event(org, current.id(), next.code(), "seen at " + last.sourceTime() + ", after the fix reported at "
                    + current.fixReportedAt().orElseThrow()
                    + (current.state() == CaseState.VERIFIED ? " and verified" : ""));
        }
        if (next == CaseState.REINFECTED && current.state() != CaseState.REINFECTED) {
            events.publishEvent(new CaseReinfected(org, current.id(), current.subscriberId(),
                    reinfections(org, current.id()), lastSeen));
        }
    }

    /**
     * How often the case was reinfected, this time included: its timeline's reinfected entries. The
     * case row is locked, so no other transaction adds one meanwhile; the (organisation, kind, case)
     * index reads only these entries, and this runs once per reinfection, not per sighting.
     */
    private int reinfections(long org, long caseId) {
        return jdbc.sql("""
                select count(*) from case_event where organisation_id = ? and kind = 'reinfected' and case_id = ?""")
                .params(org, caseId)
                .query(Integer.class)
                .single();
    }

    private void link(long org, long caseId, List<RecordedObservation> sightings) {
        for (RecordedObservation o : sightings) {
            jdbc.sql("""
                    insert into case_observation (case_id, observation_id, organisation_id) values (?, ?, ?)
                    on conflict do nothing""")
                    .params(caseId, o.observationId(), org)
                    .update();
        }
    }

    /** Remembers which feeds' reports showed the problem and when last: they are the ones that can verify a fix. */
    private void reportSources(long org, long caseId, List<RecordedObservation> sightings) {
        Map<List<String>, Instant> latest = new LinkedHashMap<>();
        for (RecordedObservation o : sightings) {
            if (o.feed().isBlank() || o.reportType().isBlank()) {
                continue;
            }
            latest.merge(List.of(o.feed(), o.reportType()), o.sourceTime(), (a, b) -> a.isAfter(b) ? a : b);
        }
        latest.forEach((source, at) -> jdbc.sql("""
                insert into case_report_source (organisation_id, case_id, feed, report_type, last_seen)
                values (?, ?, ?, ?, ?)
                on conflict (case_id, feed, report_type) do update
                set last_seen = greatest(case_report_source.last_seen, excluded.last_seen)""")
                .params(org, caseId, source.get(0), source.get(1), Timestamp.from(at))
                .update());
    }

    private static String describe(List<RecordedObservation> sightings, RecordedObservation last) {
        return sightings.size() + (sightings.size() == 1 ? " observation" : " observations")
                + ", latest at " + last.sourceTime() + " from " + last.ip();
    }
}
