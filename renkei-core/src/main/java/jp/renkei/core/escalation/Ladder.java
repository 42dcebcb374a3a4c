package jp.renkei.core.escalation;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An ISP's escalation ladder, e.g. e-mail on day 0, SMS on day 3, walled garden on day 7, letter
 * on day 14. Every edit makes a new version; a case keeps the version it started on.
 */
public record Ladder(String name, int version, List<LadderStep> steps, QuietHours quietHours) {

    /** Rejects a blank name, a version below 1, no steps, and steps out of order. */
    public Ladder {
        if (name == null || name.isBlank() || name.contains("@") || name.contains("#")) {
            throw new IllegalArgumentException("ladder name '" + name + "' is blank or contains @ or #");
        }
        if (version < 1) {
            throw new IllegalArgumentException("ladder " + name + " version " + version + " (versions start at 1)");
        }
        Objects.requireNonNull(quietHours, "quietHours");
        steps = List.copyOf(steps);
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("ladder " + name + " has no steps");
        }
        for (int i = 1; i < steps.size(); i++) {
            if (steps.get(i).after().compareTo(steps.get(i - 1).after()) < 0) {
                throw new IllegalArgumentException("ladder " + name + " step " + i + " (" + steps.get(i).after()
                        + ") comes before step " + (i - 1) + " (" + steps.get(i - 1).after() + ")");
            }
        }
    }

    /** The reference of step {@code index}. */
    public StepRef ref(int index) {
        Objects.checkIndex(index, steps.size());
        return new StepRef(name, version, index);
    }

    /** Whether the reference points into this ladder version. */
    public boolean owns(StepRef ref) {
        return ref.ladder().equals(name) && ref.version() == version && ref.index() < steps.size();
    }

    /** The distinct message channels of the steps, in the order they first appear. */
    public List<Channel> messageChannels() {
        List<Channel> out = new ArrayList<>();
        for (LadderStep s : steps) {
            if (s.channel().isMessage() && !out.contains(s.channel())) {
                out.add(s.channel());
            }
        }
        return List.copyOf(out);
    }
}
