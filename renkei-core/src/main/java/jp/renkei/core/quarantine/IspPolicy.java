package jp.renkei.core.quarantine;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * An ISP's recorded decision to apply measures without asking each subscriber (for example
 * against a device attacking others), with the legal basis it rests on.
 */
public record IspPolicy(String name, String legalBasis, Set<Measure> measures) {

    /** Rejects a policy without a name, a legal basis or any measure. */
    public IspPolicy {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("ISP policy without a name");
        }
        if (legalBasis == null || legalBasis.isBlank()) {
            throw new IllegalArgumentException("ISP policy '" + name.strip() + "' without a legal basis");
        }
        Objects.requireNonNull(measures, "measures");
        if (measures.isEmpty()) {
            throw new IllegalArgumentException("ISP policy '" + name.strip() + "' covers no measure");
        }
        name = name.strip();
        legalBasis = legalBasis.strip();
        measures = Set.copyOf(EnumSet.copyOf(measures));
    }
}
