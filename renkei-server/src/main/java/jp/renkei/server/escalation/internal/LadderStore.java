package jp.renkei.server.escalation.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jp.renkei.core.escalation.Channel;
import jp.renkei.core.escalation.Ladder;
import jp.renkei.core.escalation.LadderStep;
import jp.renkei.core.escalation.QuietHours;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Ladder versions over JDBC; every statement is filtered by organisation. */
@Component
class LadderStore {

    /** E-mail on day 0, SMS on day 3, walled garden on day 7, letter on day 14; no quiet hours, so day 0 goes at once. */
    static Ladder builtIn(String name, int version) {
        return new Ladder(name, version, List.of(
                LadderStep.day(0, Channel.EMAIL),
                LadderStep.day(3, Channel.SMS),
                LadderStep.day(7, Channel.WALLED_GARDEN),
                LadderStep.day(14, Channel.LETTER)), QuietHours.none());
    }

    private record Row(long id, String name, int version, Optional<LocalTime> from, Optional<LocalTime> to,
            String zone) {
    }

    private static final String COLUMNS = "id, name, version, quiet_from, quiet_to, quiet_zone";

    private final JdbcClient jdbc;
    private final Clock clock;

    LadderStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The version a run refers to. */
    StoredLadder byId(long organisationId, long ladderId) {
        Row row = jdbc.sql("select " + COLUMNS + " from ladder where organisation_id = ? and id = ?")
                .params(organisationId, ladderId)
                .query(LadderStore::row)
                .single();
        return load(organisationId, row);
    }

    /** The latest stored version of the named ladder. */
    Optional<StoredLadder> latest(long organisationId, String name) {
        return jdbc.sql("select " + COLUMNS
                        + " from ladder where organisation_id = ? and name = ? order by version desc limit 1")
                .params(organisationId, name)
                .query(LadderStore::row)
                .optional()
                .map(r -> load(organisationId, r));
    }

    /** The latest version of every stored ladder, by name. */
    List<StoredLadder> latestOfEach(long organisationId) {
        return jdbc.sql("select distinct on (name) " + COLUMNS
                        + " from ladder where organisation_id = ? order by name, version desc")
                .param(organisationId)
                .query(LadderStore::row)
                .list()
                .stream()
                .map(r -> load(organisationId, r))
                .toList();
    }

    /**
     * Stores the steps and quiet hours as the next version of the named ladder; a concurrent save
     * of the same name loses on the unique key and throws.
     */
    StoredLadder insertNextVersion(long organisationId, String name, List<LadderStep> steps, QuietHours quiet,
            String actor) {
        boolean none = quiet.isEmpty();
        long id = jdbc.sql("""
                insert into ladder (organisation_id, name, version, quiet_from, quiet_to, quiet_zone, created_by, created_at)
                values (?, ?, (select coalesce(max(version), 0) + 1 from ladder where organisation_id = ? and name = ?),
                    ?, ?, ?, ?, ?)
                returning id""")
                .params(organisationId, name, organisationId, name, none ? null : quiet.start(),
                        none ? null : quiet.end(), quiet.zone().getId(), actor,
                        Timestamp.from(clock.instant()))
                .query(Long.class)
                .single();
        for (int i = 0; i < steps.size(); i++) {
            jdbc.sql("""
                    insert into ladder_step (organisation_id, ladder_id, position, after_seconds, channel)
                    values (?, ?, ?, ?, ?)""")
                    .params(organisationId, id, i, steps.get(i).after().toSeconds(), steps.get(i).channel().code())
                    .update();
        }
        return byId(organisationId, id);
    }

    /**
     * The built-in ladder as version 1 of {@code default}, stored the first time a case needs it.
     * Two transactions racing here both find the one row the unique key lets in.
     */
    StoredLadder storeBuiltIn(long organisationId, String name) {
        Ladder builtIn = builtIn(name, 1);
        jdbc.sql("""
                insert into ladder (organisation_id, name, version, quiet_zone, created_by, created_at)
                values (?, ?, 1, 'UTC', 'built-in', ?)
                on conflict (organisation_id, name, version) do nothing""")
                .params(organisationId, name, Timestamp.from(clock.instant()))
                .update();
        long id = jdbc.sql("select id from ladder where organisation_id = ? and name = ? and version = 1")
                .params(organisationId, name)
                .query(Long.class)
                .single();
        for (int i = 0; i < builtIn.steps().size(); i++) {
            LadderStep s = builtIn.steps().get(i);
            jdbc.sql("""
                    insert into ladder_step (organisation_id, ladder_id, position, after_seconds, channel)
                    values (?, ?, ?, ?, ?) on conflict (ladder_id, position) do nothing""")
                    .params(organisationId, id, i, s.after().toSeconds(), s.channel().code())
                    .update();
        }
        return latest(organisationId, name).orElseThrow();
    }

    private StoredLadder load(long organisationId, Row row) {
        List<LadderStep> steps = new ArrayList<>(jdbc.sql("""
                select after_seconds, channel from ladder_step where organisation_id = ? and ladder_id = ?
                order by position""")
                .params(organisationId, row.id())
                .query((rs, i) -> new LadderStep(Duration.ofSeconds(rs.getLong("after_seconds")),
                        Channel.fromCode(rs.getString("channel")).orElseThrow()))
                .list());
        QuietHours quiet = row.from().isPresent()
                ? new QuietHours(row.from().get(), row.to().orElseThrow(), ZoneId.of(row.zone()))
                : QuietHours.none();
        return new StoredLadder(row.id(), new Ladder(row.name(), row.version(), steps, quiet));
    }

    private static Row row(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new Row(rs.getLong("id"), rs.getString("name"), rs.getInt("version"),
                Optional.ofNullable(rs.getObject("quiet_from", LocalTime.class)),
                Optional.ofNullable(rs.getObject("quiet_to", LocalTime.class)), rs.getString("quiet_zone"));
    }
}
