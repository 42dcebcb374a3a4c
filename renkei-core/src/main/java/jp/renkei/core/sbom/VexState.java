package jp.renkei.core.sbom;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** CycloneDX VEX {@code analysis.state}. */
public enum VexState {
    RESOLVED, RESOLVED_WITH_PEDIGREE, EXPLOITABLE, IN_TRIAGE, FALSE_POSITIVE, NOT_AFFECTED;

    /** The CycloneDX spelling, e.g. {@code not_affected}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses the CycloneDX spelling. */
    public static Optional<VexState> fromCode(String code) {
        return Arrays.stream(values()).filter(s -> s.code().equals(code)).findFirst();
    }

    /** True when the author says the vulnerability does not apply, so a finding needs no action. */
    public boolean dismisses() {
        return this == FALSE_POSITIVE || this == NOT_AFFECTED || this == RESOLVED || this == RESOLVED_WITH_PEDIGREE;
    }
}
