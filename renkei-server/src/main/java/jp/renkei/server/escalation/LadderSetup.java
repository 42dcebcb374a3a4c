package jp.renkei.server.escalation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jp.renkei.core.escalation.Ladder;
import jp.renkei.core.escalation.LadderExperiment;

/** An organisation's ladders (latest versions, by name), the default for new cases and the experiment. */
public record LadderSetup(List<Ladder> ladders, String defaultLadder, Optional<Experiment> experiment) {

    /** A running experiment: its name, the seed of its draw, and the arms with their weights. */
    public record Experiment(String name, String seed, List<Arm> arms) {

        /**
         * The arm (ladder name) this case draws. The core draws among distinct arms with equal
         * chances, so an arm of weight w enters the draw as w slots: its name, then name#2 …
         * name#w (ladder names cannot contain '#'). Equal weights of 1 draw exactly as the core.
         */
        public String draw(long caseId) {
            List<String> slots = new ArrayList<>();
            for (Arm arm : arms) {
                for (int k = 1; k <= arm.weight(); k++) {
                    slots.add(k == 1 ? arm.ladder() : arm.ladder() + "#" + k);
                }
            }
            String slot = new LadderExperiment(name, seed, slots).assign(String.valueOf(caseId));
            int hash = slot.indexOf('#');
            return hash < 0 ? slot : slot.substring(0, hash);
        }
    }

    /** One arm: a ladder, drawn with this weight relative to the others. */
    public record Arm(String ladder, int weight) {
    }
}
