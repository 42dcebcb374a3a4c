package jp.renkei.core.csaf.cvss;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A syntactically checked CVSS v4.0 vector. Only the syntax is checked here: CSAF 2.0 cannot hold a
 * v4.0 score, so an advisory carries the vector (and a score computed elsewhere) as a note.
 */
public record Cvss4Vector(String vector) {

    private static final Map<String, List<String>> METRICS = new LinkedHashMap<>();
    private static final Set<String> BASE = Set.of("AV", "AC", "AT", "PR", "UI", "VC", "VI", "VA", "SC", "SI", "SA");

    static {
        METRICS.put("AV", List.of("N", "A", "L", "P"));
        METRICS.put("AC", List.of("L", "H"));
        METRICS.put("AT", List.of("N", "P"));
        METRICS.put("PR", List.of("N", "L", "H"));
        METRICS.put("UI", List.of("N", "P", "A"));
        for (String impact : List.of("VC", "VI", "VA", "SC", "SI", "SA")) {
            METRICS.put(impact, List.of("H", "L", "N"));
        }
        METRICS.put("E", List.of("X", "A", "P", "U"));
        for (String requirement : List.of("CR", "IR", "AR")) {
            METRICS.put(requirement, List.of("X", "H", "M", "L"));
        }
        METRICS.put("MAV", List.of("X", "N", "A", "L", "P"));
        METRICS.put("MAC", List.of("X", "L", "H"));
        METRICS.put("MAT", List.of("X", "N", "P"));
        METRICS.put("MPR", List.of("X", "N", "L", "H"));
        METRICS.put("MUI", List.of("X", "N", "P", "A"));
        for (String impact : List.of("MVC", "MVI", "MVA", "MSC")) {
            METRICS.put(impact, List.of("X", "H", "L", "N"));
        }
        METRICS.put("MSI", List.of("X", "S", "H", "L", "N"));
        METRICS.put("MSA", List.of("X", "S", "H", "L", "N"));
        METRICS.put("S", List.of("X", "N", "P"));
        METRICS.put("AU", List.of("X", "N", "Y"));
        METRICS.put("R", List.of("X", "A", "U", "I"));
        METRICS.put("V", List.of("X", "D", "C"));
        METRICS.put("RE", List.of("X", "L", "M", "H"));
        METRICS.put("U", List.of("X", "Clear", "Green", "Amber", "Red"));
    }

    /**
     * Checks a vector such as {@code CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N}.
     *
     * @throws IllegalArgumentException naming the offending part when the vector is malformed
     */
    public static Cvss4Vector parse(String vector) {
        if (vector == null || !vector.startsWith("CVSS:4.0/")) {
            throw new IllegalArgumentException("CVSS v4.0 vector must start with CVSS:4.0/: '" + vector + "'");
        }
        Set<String> seen = new HashSet<>();
        for (String part : vector.substring(9).split("/", -1)) {
            String[] kv = part.split(":", -1);
            if (kv.length != 2) {
                throw new IllegalArgumentException("CVSS v4.0 vector part '" + part + "' is not METRIC:VALUE");
            }
            List<String> allowed = METRICS.get(kv[0]);
            if (allowed == null) {
                throw new IllegalArgumentException("CVSS v4.0 vector has unknown metric '" + kv[0] + "'");
            }
            if (!allowed.contains(kv[1])) {
                throw new IllegalArgumentException("CVSS v4.0 metric " + kv[0] + " has value '" + kv[1]
                        + "' (allowed: " + String.join(", ", allowed) + ")");
            }
            if (!seen.add(kv[0])) {
                throw new IllegalArgumentException("CVSS v4.0 metric " + kv[0] + " is given twice");
            }
        }
        for (String base : METRICS.keySet()) {
            if (BASE.contains(base) && !seen.contains(base)) {
                throw new IllegalArgumentException("CVSS v4.0 vector lacks the base metric " + base);
            }
        }
        return new Cvss4Vector(vector);
    }

    /** The qualitative severity of a v4.0 score (the same bands as v3). */
    public static String severity(double score) {
        return Cvss3.severity(score);
    }
}
