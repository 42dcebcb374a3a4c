package jp.renkei.server.escalation.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jp.renkei.server.escalation.LadderSetup;
import jp.renkei.server.escalation.Ladders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The default ladder and the experiment of each organisation over JDBC; checks are the caller's. */
@Component
class SettingStore {

    private final JdbcClient jdbc;

    SettingStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The ladder new cases get when no experiment runs; the built-in one's name when none was chosen. */
    String defaultName(long organisationId) {
        return jdbc.sql("select default_ladder from ladder_setting where organisation_id = ?")
                .param(organisationId)
                .query(String.class)
                .optional()
                .filter(n -> !n.isBlank())
                .orElse(Ladders.BUILT_IN);
    }

    void chooseDefault(long organisationId, String ladder, String actor, Instant at) {
        jdbc.sql("""
                insert into ladder_setting (organisation_id, default_ladder, updated_by, updated_at) values (?, ?, ?, ?)
                on conflict (organisation_id) do update
                set default_ladder = excluded.default_ladder, updated_by = excluded.updated_by,
                    updated_at = excluded.updated_at""")
                .params(organisationId, ladder, actor, Timestamp.from(at))
                .update();
    }

    Optional<LadderSetup.Experiment> experiment(long organisationId) {
        List<LadderSetup.Arm> arms = jdbc.sql("""
                select ladder_name, weight from ladder_experiment_arm where organisation_id = ? order by position""")
                .param(organisationId)
                .query((rs, i) -> new LadderSetup.Arm(rs.getString("ladder_name"), rs.getInt("weight")))
                .list();
        return jdbc.sql("select name, seed from ladder_experiment where organisation_id = ?")
                .param(organisationId)
                .query((rs, i) -> new LadderSetup.Experiment(rs.getString("name"), rs.getString("seed"), arms))
                .optional();
    }

    /** Replaces any running experiment; the arms keep their order, which takes part in the draw. */
    void startExperiment(long organisationId, LadderSetup.Experiment experiment, String actor, Instant at) {
        endExperiment(organisationId);
        jdbc.sql("""
                insert into ladder_experiment (organisation_id, name, seed, started_by, started_at) values (?, ?, ?, ?, ?)""")
                .params(organisationId, experiment.name(), experiment.seed(), actor, Timestamp.from(at))
                .update();
        for (int i = 0; i < experiment.arms().size(); i++) {
            jdbc.sql("""
                    insert into ladder_experiment_arm (organisation_id, position, ladder_name, weight) values (?, ?, ?, ?)""")
                    .params(organisationId, i, experiment.arms().get(i).ladder(), experiment.arms().get(i).weight())
                    .update();
        }
    }

    void endExperiment(long organisationId) {
        jdbc.sql("delete from ladder_experiment where organisation_id = ?").param(organisationId).update();
    }
}
