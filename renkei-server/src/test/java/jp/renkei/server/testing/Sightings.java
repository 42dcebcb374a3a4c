package jp.renkei.server.testing;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jp.renkei.core.intake.ProblemKind;
import jp.renkei.server.intake.ObservationsRecorded;
import jp.renkei.server.intake.RecordedObservation;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Test data the way intake produces it: subscribers in the directory, observation rows, and
 * {@link ObservationsRecorded} published inside the same transaction.
 */
public final class Sightings {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;

    public Sightings(JdbcClient jdbc, ApplicationEventPublisher events, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.events = events;
        this.tx = new TransactionTemplate(transactions);
    }

    public static Sightings in(ApplicationContext context) {
        return new Sightings(context.getBean(JdbcClient.class), context,
                context.getBean(PlatformTransactionManager.class));
    }

    /** The id of an organisation by name, e.g. "Demo ISP". */
    public long organisation(String name) {
        return jdbc.sql("select id from organisation where name = ?").param(name).query(Long.class).single();
    }

    /** Adds (or replaces) a subscriber in the organisation's directory. */
    public void subscriber(long org, String subscriberId, String name, String email, String language) {
        jdbc.sql("""
                insert into subscriber (organisation_id, subscriber_id, name, email, language) values (?, ?, ?, ?, ?)
                on conflict (organisation_id, subscriber_id) do update
                set name = excluded.name, email = excluded.email, language = excluded.language""")
                .params(org, subscriberId, name, email, language)
                .update();
    }

    /** One sighting to record. */
    public record Sighting(ProblemKind kind, Instant at, String ip, Optional<String> subscriberId,
            Optional<String> vendor, Optional<String> model) {

        public static Sighting of(String subscriberId, ProblemKind kind, Instant at, String ip) {
            return new Sighting(kind, at, ip, Optional.of(subscriberId), Optional.empty(), Optional.empty());
        }

        public static Sighting unattributed(ProblemKind kind, Instant at, String ip) {
            return new Sighting(kind, at, ip, Optional.empty(), Optional.empty(), Optional.empty());
        }

        public Sighting device(String vendor, String model) {
            return new Sighting(kind, at, ip, subscriberId, Optional.of(vendor), Optional.of(model));
        }
    }

    /** Stores the sightings as new observations and publishes them in one transaction; returns their ids. */
    public List<Long> record(long org, Sighting... sightings) {
        return tx.execute(status -> {
            List<RecordedObservation> recorded = new ArrayList<>();
            List<Long> ids = new ArrayList<>();
            for (Sighting s : sightings) {
                long id = jdbc.sql("""
                        insert into observation (organisation_id, fingerprint, report_type, file_name, line, source_time,
                            ip, port, transport, kind, device_vendor, device_model, evidence, subscriber_id,
                            assignment_from, assignment_to, assignment_source, unattributed_reason)
                        values (?, ?, 'scan_telnet', 'test.csv', 1, ?, cast(? as inet), 23, 'tcp', ?, ?, ?,
                            cast(? as jsonb), ?, ?, ?, ?, ?)
                        returning id""")
                        .params(org, UUID.randomUUID().toString(), Timestamp.from(s.at()), s.ip(), s.kind().code(),
                                s.vendor().orElse(null), s.model().orElse(null),
                                "{\"ip\":\"" + s.ip() + "\",\"tag\":\"test\"}", s.subscriberId().orElse(null),
                                s.subscriberId().map(x -> Timestamp.from(s.at().minusSeconds(3600))).orElse(null),
                                s.subscriberId().map(x -> Timestamp.from(s.at().plusSeconds(3600))).orElse(null),
                                s.subscriberId().map(x -> "radius").orElse(null),
                                s.subscriberId().isPresent() ? null : "no-assignment")
                        .query(Long.class)
                        .single();
                ids.add(id);
                recorded.add(new RecordedObservation(id, s.kind(), s.at(), s.ip(), s.subscriberId()));
            }
            events.publishEvent(new ObservationsRecorded(org, recorded));
            return ids;
        });
    }
}
