package jp.renkei.core.csaf.cvss;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The CVSS v3.x metrics: vector abbreviation, FIRST JSON property and value spellings. */
public enum Cvss3Metric {
    AV("attackVector", true, "N", "NETWORK", "A", "ADJACENT_NETWORK", "L", "LOCAL", "P", "PHYSICAL"),
    AC("attackComplexity", true, "L", "LOW", "H", "HIGH"),
    PR("privilegesRequired", true, "N", "NONE", "L", "LOW", "H", "HIGH"),
    UI("userInteraction", true, "N", "NONE", "R", "REQUIRED"),
    S("scope", true, "U", "UNCHANGED", "C", "CHANGED"),
    C("confidentialityImpact", true, "H", "HIGH", "L", "LOW", "N", "NONE"),
    I("integrityImpact", true, "H", "HIGH", "L", "LOW", "N", "NONE"),
    A("availabilityImpact", true, "H", "HIGH", "L", "LOW", "N", "NONE"),
    E("exploitCodeMaturity", false, "X", "NOT_DEFINED", "H", "HIGH", "F", "FUNCTIONAL", "P", "PROOF_OF_CONCEPT",
            "U", "UNPROVEN"),
    RL("remediationLevel", false, "X", "NOT_DEFINED", "U", "UNAVAILABLE", "W", "WORKAROUND", "T", "TEMPORARY_FIX",
            "O", "OFFICIAL_FIX"),
    RC("reportConfidence", false, "X", "NOT_DEFINED", "C", "CONFIRMED", "R", "REASONABLE", "U", "UNKNOWN"),
    CR("confidentialityRequirement", false, "X", "NOT_DEFINED", "H", "HIGH", "M", "MEDIUM", "L", "LOW"),
    IR("integrityRequirement", false, "X", "NOT_DEFINED", "H", "HIGH", "M", "MEDIUM", "L", "LOW"),
    AR("availabilityRequirement", false, "X", "NOT_DEFINED", "H", "HIGH", "M", "MEDIUM", "L", "LOW"),
    MAV("modifiedAttackVector", false, "X", "NOT_DEFINED", "N", "NETWORK", "A", "ADJACENT_NETWORK", "L", "LOCAL",
            "P", "PHYSICAL"),
    MAC("modifiedAttackComplexity", false, "X", "NOT_DEFINED", "L", "LOW", "H", "HIGH"),
    MPR("modifiedPrivilegesRequired", false, "X", "NOT_DEFINED", "N", "NONE", "L", "LOW", "H", "HIGH"),
    MUI("modifiedUserInteraction", false, "X", "NOT_DEFINED", "N", "NONE", "R", "REQUIRED"),
    MS("modifiedScope", false, "X", "NOT_DEFINED", "U", "UNCHANGED", "C", "CHANGED"),
    MC("modifiedConfidentialityImpact", false, "X", "NOT_DEFINED", "H", "HIGH", "L", "LOW", "N", "NONE"),
    MI("modifiedIntegrityImpact", false, "X", "NOT_DEFINED", "H", "HIGH", "L", "LOW", "N", "NONE"),
    MA("modifiedAvailabilityImpact", false, "X", "NOT_DEFINED", "H", "HIGH", "L", "LOW", "N", "NONE");

    private final String property;
    private final boolean base;
    private final Map<String, String> values = new LinkedHashMap<>();

    Cvss3Metric(String property, boolean base, String... abbreviationAndValue) {
        this.property = property;
        this.base = base;
        for (int i = 0; i < abbreviationAndValue.length; i += 2) {
            values.put(abbreviationAndValue[i], abbreviationAndValue[i + 1]);
        }
    }

    /** The property name in FIRST's CVSS JSON schema, e.g. {@code attackVector}. */
    public String property() {
        return property;
    }

    /** Whether the metric is a base metric, required in every vector. */
    public boolean base() {
        return base;
    }

    /** The JSON spelling of a vector value, e.g. {@code N} → {@code NETWORK}. */
    public Optional<String> jsonValue(String abbreviation) {
        return Optional.ofNullable(values.get(abbreviation));
    }

    /** The allowed vector values, for error messages. */
    public String allowedValues() {
        return String.join(", ", values.keySet());
    }

    /** The metric with this vector abbreviation. */
    public static Optional<Cvss3Metric> byAbbreviation(String abbreviation) {
        for (Cvss3Metric m : values()) {
            if (m.name().equals(abbreviation)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }
}
