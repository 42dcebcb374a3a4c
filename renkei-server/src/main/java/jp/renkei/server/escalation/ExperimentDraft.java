package jp.renkei.server.escalation;

import java.util.List;

/** An experiment as typed in, not yet checked; a blank seed draws a fresh one. */
public record ExperimentDraft(String name, String seed, List<LadderSetup.Arm> arms) {
}
