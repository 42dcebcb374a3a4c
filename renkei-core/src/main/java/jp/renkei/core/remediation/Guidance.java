package jp.renkei.core.remediation;

import java.util.List;
import java.util.Objects;

/** What a subscriber reads: a title, why it matters in plain words, and numbered steps. */
public record Guidance(String title, String explanation, List<String> steps) {

    /** Copies the steps so the guidance cannot change after it is built. */
    public Guidance {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(explanation, "explanation");
        steps = List.copyOf(steps);
    }
}
