package jp.renkei.server.escalation;

import java.util.List;
import java.util.Optional;

import jp.renkei.core.escalation.Ladder;

/** An organisation's ladders (latest versions, by name), the default for new cases and the experiment. */
public record LadderSetup(List<Ladder> ladders, String defaultLadder, Optional<Experiment> experiment) {

    /** A running experiment: its name, the seed of its draw, and the arms with their weights. */
    public record Experiment(String name, String seed, List<Arm> arms) {
    }

    /** One arm: a ladder, drawn with this weight relative to the others. */
    public record Arm(String ladder, int weight) {
    }
}
