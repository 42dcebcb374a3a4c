package jp.renkei.core.csaf;

import java.util.Locale;

/** Traffic Light Protocol labels as CSAF 2.0 spells them (TLP 1.0; CLEAR is written WHITE). */
public enum Tlp {
    WHITE, GREEN, AMBER, RED;

    /** The label as written in {@code /document/distribution/tlp/label}. */
    public String label() {
        return name();
    }

    /** The provider directory that holds documents with this label, e.g. {@code white}. */
    public String directory() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether CSAF requires access protection (requirement 5: TLP:AMBER and TLP:RED). */
    public boolean accessProtected() {
        return this == AMBER || this == RED;
    }
}
