package jp.renkei.core.attribution;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;

/** Decides which subscriber held an IP at an instant, given the assignments known for that IP. */
public final class Attributor {

    /**
     * A closed period is evidence from both ends; an open one may only be open because its Stop
     * was lost, so it must not beat a real later session. Among equals, the latest start wins.
     */
    private static final Comparator<Assignment> MOST_CREDIBLE = Comparator
            .comparing(Assignment::isClosed)
            .thenComparing(Assignment::from);

    private Attributor() {
    }

    /** Attributes the instant to the most credible covering assignment, or reports none. */
    public static Attribution attribute(Instant at, Collection<Assignment> candidatesForThatIp) {
        return candidatesForThatIp.stream()
                .filter(a -> a.covers(at))
                .max(MOST_CREDIBLE)
                .<Attribution>map(Attribution.Attributed::new)
                .orElseGet(() -> new Attribution.Unattributed(UnattributedReason.NO_ASSIGNMENT));
    }
}
