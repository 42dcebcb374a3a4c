package jp.renkei.server.escalation;

import java.util.List;
import java.util.Optional;

/**
 * Several changes applied together (the API's PUT): the ladders to save, then the default, then
 * the experiment to start or whether to end the running one.
 */
public record LadderConfiguration(List<LadderDraft> ladders, Optional<String> defaultLadder,
        Optional<ExperimentDraft> experiment, boolean endExperiment) {
}
