package jp.renkei.core.csaf.cvss;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * A parsed CVSS v3.0 or v3.1 vector with its base, temporal and environmental scores computed as the
 * FIRST specifications define them (v3.1 rounds with its integer Roundup and changed the modified
 * impact formula for a changed scope; v3.0 keeps the original formulas).
 */
public record Cvss3(String version, String vector, Map<Cvss3Metric, String> metrics) {

    public Cvss3 {
        metrics = Collections.unmodifiableMap(new EnumMap<>(metrics));
    }

    /**
     * Parses a vector such as {@code CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H}.
     *
     * @throws IllegalArgumentException naming the offending part when the vector is malformed
     */
    public static Cvss3 parse(String vector) {
        if (vector == null || !(vector.startsWith("CVSS:3.0/") || vector.startsWith("CVSS:3.1/"))) {
            throw new IllegalArgumentException("CVSS v3 vector must start with CVSS:3.0/ or CVSS:3.1/: '"
                    + vector + "'");
        }
        String version = vector.substring(5, 8);
        EnumMap<Cvss3Metric, String> metrics = new EnumMap<>(Cvss3Metric.class);
        for (String part : vector.substring(9).split("/", -1)) {
            int colon = part.indexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException("CVSS v3 vector part '" + part + "' is not METRIC:VALUE");
            }
            String key = part.substring(0, colon);
            String value = part.substring(colon + 1);
            Cvss3Metric metric = Cvss3Metric.byAbbreviation(key).orElseThrow(() ->
                    new IllegalArgumentException("CVSS v3 vector has unknown metric '" + key + "'"));
            if (metric.jsonValue(value).isEmpty()) {
                throw new IllegalArgumentException("CVSS v3 metric " + key + " has value '" + value
                        + "' (allowed: " + metric.allowedValues() + ")");
            }
            if (metrics.put(metric, value) != null) {
                throw new IllegalArgumentException("CVSS v3 metric " + key + " is given twice");
            }
        }
        for (Cvss3Metric m : Cvss3Metric.values()) {
            if (m.base() && !metrics.containsKey(m)) {
                throw new IllegalArgumentException("CVSS v3 vector lacks the base metric " + m.name());
            }
        }
        return new Cvss3(version, vector, metrics);
    }

    /** The vector value of {@code metric}; {@code X} (not defined) for an absent optional metric. */
    public String value(Cvss3Metric metric) {
        return metrics.getOrDefault(metric, "X");
    }

    /** The base score. */
    public double baseScore() {
        boolean changed = value(Cvss3Metric.S).equals("C");
        double iss = 1 - (1 - cia(value(Cvss3Metric.C))) * (1 - cia(value(Cvss3Metric.I)))
                * (1 - cia(value(Cvss3Metric.A)));
        double impact = changed ? 7.52 * (iss - 0.029) - 3.25 * Math.pow(iss - 0.02, 15) : 6.42 * iss;
        double exploitability = 8.22 * av(value(Cvss3Metric.AV)) * ac(value(Cvss3Metric.AC))
                * pr(value(Cvss3Metric.PR), changed) * ui(value(Cvss3Metric.UI));
        if (impact <= 0) {
            return 0;
        }
        return roundUp(Math.min((changed ? 1.08 : 1) * (impact + exploitability), 10));
    }

    /** The temporal score (equal to the base score when no temporal metric is defined). */
    public double temporalScore() {
        return roundUp(temporal(baseScore()));
    }

    /** The environmental score; modified metrics that are not defined take their base values. */
    public double environmentalScore() {
        String scope = modified(Cvss3Metric.MS, Cvss3Metric.S);
        boolean changed = scope.equals("C");
        double miss = Math.min(1
                - (1 - requirement(value(Cvss3Metric.CR)) * cia(modified(Cvss3Metric.MC, Cvss3Metric.C)))
                * (1 - requirement(value(Cvss3Metric.IR)) * cia(modified(Cvss3Metric.MI, Cvss3Metric.I)))
                * (1 - requirement(value(Cvss3Metric.AR)) * cia(modified(Cvss3Metric.MA, Cvss3Metric.A))), 0.915);
        double impact;
        if (!changed) {
            impact = 6.42 * miss;
        } else if (version.equals("3.0")) {
            impact = 7.52 * (miss - 0.029) - 3.25 * Math.pow(miss - 0.02, 15);
        } else {
            impact = 7.52 * (miss - 0.029) - 3.25 * Math.pow(miss * 0.9731 - 0.02, 13);
        }
        double exploitability = 8.22 * av(modified(Cvss3Metric.MAV, Cvss3Metric.AV))
                * ac(modified(Cvss3Metric.MAC, Cvss3Metric.AC))
                * pr(modified(Cvss3Metric.MPR, Cvss3Metric.PR), changed)
                * ui(modified(Cvss3Metric.MUI, Cvss3Metric.UI));
        if (impact <= 0) {
            return 0;
        }
        double capped = roundUp(Math.min((changed ? 1.08 : 1) * (impact + exploitability), 10));
        return roundUp(temporal(capped));
    }

    /** Whether any temporal metric is defined. */
    public boolean hasTemporalMetrics() {
        return !value(Cvss3Metric.E).equals("X") || !value(Cvss3Metric.RL).equals("X")
                || !value(Cvss3Metric.RC).equals("X");
    }

    /** The qualitative severity of a v3 score: NONE, LOW, MEDIUM, HIGH or CRITICAL. */
    public static String severity(double score) {
        if (score == 0) {
            return "NONE";
        }
        if (score < 4.0) {
            return "LOW";
        }
        if (score < 7.0) {
            return "MEDIUM";
        }
        return score < 9.0 ? "HIGH" : "CRITICAL";
    }

    private String modified(Cvss3Metric modified, Cvss3Metric base) {
        String v = value(modified);
        return v.equals("X") ? value(base) : v;
    }

    /** Multiplies in the specification's order (score × E × RL × RC), as the reference calculators do. */
    private double temporal(double score) {
        double e = switch (value(Cvss3Metric.E)) {
            case "F" -> 0.97;
            case "P" -> 0.94;
            case "U" -> 0.91;
            default -> 1;
        };
        double rl = switch (value(Cvss3Metric.RL)) {
            case "W" -> 0.97;
            case "T" -> 0.96;
            case "O" -> 0.95;
            default -> 1;
        };
        double rc = switch (value(Cvss3Metric.RC)) {
            case "R" -> 0.96;
            case "U" -> 0.92;
            default -> 1;
        };
        return score * e * rl * rc;
    }

    /** v3.1 Roundup works on integers to avoid floating-point surprises; v3.0 used a plain ceiling. */
    private double roundUp(double value) {
        if (version.equals("3.0")) {
            return Math.ceil(value * 10) / 10;
        }
        long scaled = Math.round(value * 100_000);
        if (scaled % 10_000 == 0) {
            return scaled / 100_000.0;
        }
        return (Math.floorDiv(scaled, 10_000) + 1) / 10.0;
    }

    private static double av(String v) {
        return switch (v) {
            case "N" -> 0.85;
            case "A" -> 0.62;
            case "L" -> 0.55;
            default -> 0.2;
        };
    }

    private static double ac(String v) {
        return v.equals("L") ? 0.77 : 0.44;
    }

    private static double pr(String v, boolean scopeChanged) {
        return switch (v) {
            case "N" -> 0.85;
            case "L" -> scopeChanged ? 0.68 : 0.62;
            default -> scopeChanged ? 0.5 : 0.27;
        };
    }

    private static double ui(String v) {
        return v.equals("N") ? 0.85 : 0.62;
    }

    private static double cia(String v) {
        return switch (v) {
            case "H" -> 0.56;
            case "L" -> 0.22;
            default -> 0;
        };
    }

    private static double requirement(String v) {
        return switch (v) {
            case "H" -> 1.5;
            case "L" -> 0.5;
            default -> 1;
        };
    }
}
