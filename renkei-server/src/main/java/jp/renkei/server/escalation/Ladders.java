package jp.renkei.server.escalation;

import java.util.Optional;

import jp.renkei.core.escalation.Ladder;

/**
 * An organisation's escalation ladders. Saving makes a new version (cases keep the version they
 * started on); one ladder is the default for new cases, or an experiment draws each new case's
 * ladder at random. Without any ladder of its own an ISP runs the built-in one: e-mail on day 0,
 * SMS on day 3, walled garden on day 7, letter on day 14.
 */
public interface Ladders {

    /** The name of the built-in ladder, and of the ladder new cases get when no default is chosen. */
    String BUILT_IN = "default";

    /** The latest version of every ladder, the default and the experiment. Reads only. */
    LadderSetup setup(long organisationId);

    /** The latest version of the named ladder (the built-in one for {@link #BUILT_IN} when never edited). */
    Optional<Ladder> latest(long organisationId, String name);

    /**
     * Stores the draft as the next version of its ladder (version 1 for a new name).
     *
     * @return the stored ladder, or the first problem naming its field
     */
    LadderChange save(long organisationId, String actor, LadderDraft draft);

    /** Makes the named ladder (its latest version at each case's start) the default for new cases. */
    LadderChange chooseDefault(long organisationId, String actor, String name);

    /**
     * Starts an experiment: new cases draw one of the arms (weighted), recorded per case. Replaces
     * any running experiment; cases keep the arm they drew.
     */
    LadderChange startExperiment(long organisationId, String actor, ExperimentDraft draft);

    /** Ends the experiment; new cases get the default again. Nothing when none runs. */
    void endExperiment(long organisationId, String actor);

    /**
     * Applies every change in one transaction: all of them, or none when one is rejected (its field
     * prefixed with {@code ladders[i].} for a ladder). A ladder saved unchanged keeps its version,
     * and an experiment identical to the running one is left running.
     */
    LadderChange configure(long organisationId, String actor, LadderConfiguration configuration);
}
