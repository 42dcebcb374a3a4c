package jp.renkei.core.csaf.cvss;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The CVSS v2 metrics: vector abbreviation, FIRST JSON property and value spellings. */
public enum Cvss2Metric {
    AV("AV", "accessVector", true, "L", "LOCAL", "A", "ADJACENT_NETWORK", "N", "NETWORK"),
    AC("AC", "accessComplexity", true, "H", "HIGH", "M", "MEDIUM", "L", "LOW"),
    AU("Au", "authentication", true, "M", "MULTIPLE", "S", "SINGLE", "N", "NONE"),
    C("C", "confidentialityImpact", true, "N", "NONE", "P", "PARTIAL", "C", "COMPLETE"),
    I("I", "integrityImpact", true, "N", "NONE", "P", "PARTIAL", "C", "COMPLETE"),
    A("A", "availabilityImpact", true, "N", "NONE", "P", "PARTIAL", "C", "COMPLETE"),
    E("E", "exploitability", false, "U", "UNPROVEN", "POC", "PROOF_OF_CONCEPT", "F", "FUNCTIONAL", "H", "HIGH",
            "ND", "NOT_DEFINED"),
    RL("RL", "remediationLevel", false, "OF", "OFFICIAL_FIX", "TF", "TEMPORARY_FIX", "W", "WORKAROUND",
            "U", "UNAVAILABLE", "ND", "NOT_DEFINED"),
    RC("RC", "reportConfidence", false, "UC", "UNCONFIRMED", "UR", "UNCORROBORATED", "C", "CONFIRMED",
            "ND", "NOT_DEFINED"),
    CDP("CDP", "collateralDamagePotential", false, "N", "NONE", "L", "LOW", "LM", "LOW_MEDIUM", "MH", "MEDIUM_HIGH",
            "H", "HIGH", "ND", "NOT_DEFINED"),
    TD("TD", "targetDistribution", false, "N", "NONE", "L", "LOW", "M", "MEDIUM", "H", "HIGH", "ND", "NOT_DEFINED"),
    CR("CR", "confidentialityRequirement", false, "L", "LOW", "M", "MEDIUM", "H", "HIGH", "ND", "NOT_DEFINED"),
    IR("IR", "integrityRequirement", false, "L", "LOW", "M", "MEDIUM", "H", "HIGH", "ND", "NOT_DEFINED"),
    AR("AR", "availabilityRequirement", false, "L", "LOW", "M", "MEDIUM", "H", "HIGH", "ND", "NOT_DEFINED");

    private final String abbreviation;
    private final String property;
    private final boolean base;
    private final Map<String, String> values = new LinkedHashMap<>();

    Cvss2Metric(String abbreviation, String property, boolean base, String... abbreviationAndValue) {
        this.abbreviation = abbreviation;
        this.property = property;
        this.base = base;
        for (int i = 0; i < abbreviationAndValue.length; i += 2) {
            values.put(abbreviationAndValue[i], abbreviationAndValue[i + 1]);
        }
    }

    /** The abbreviation in the vector, e.g. {@code Au}. */
    public String abbreviation() {
        return abbreviation;
    }

    /** The property name in FIRST's CVSS v2 JSON schema. */
    public String property() {
        return property;
    }

    /** Whether the metric is a base metric, required in every vector. */
    public boolean base() {
        return base;
    }

    /** The JSON spelling of a vector value. */
    public Optional<String> jsonValue(String value) {
        return Optional.ofNullable(values.get(value));
    }

    /** The allowed vector values, for error messages. */
    public String allowedValues() {
        return String.join(", ", values.keySet());
    }

    /** The metric with this vector abbreviation. */
    public static Optional<Cvss2Metric> byAbbreviation(String abbreviation) {
        for (Cvss2Metric m : values()) {
            if (m.abbreviation.equals(abbreviation)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }
}
