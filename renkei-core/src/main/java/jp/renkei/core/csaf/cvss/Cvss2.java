package jp.renkei.core.csaf.cvss;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Stream;

/** A parsed CVSS v2 vector with base, temporal and environmental scores as the v2 guide defines them. */
public record Cvss2(String vector, Map<Cvss2Metric, String> metrics) {

    public Cvss2 {
        metrics = Collections.unmodifiableMap(new EnumMap<>(metrics));
    }

    /**
     * Parses a vector such as {@code AV:N/AC:L/Au:N/C:P/I:P/A:P}.
     *
     * @throws IllegalArgumentException naming the offending part when the vector is malformed
     */
    public static Cvss2 parse(String vector) {
        if (vector == null || vector.isEmpty()) {
            throw new IllegalArgumentException("CVSS v2 vector is empty");
        }
        EnumMap<Cvss2Metric, String> metrics = new EnumMap<>(Cvss2Metric.class);
        for (String part : vector.split("/", -1)) {
            int colon = part.indexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException("CVSS v2 vector part '" + part + "' is not METRIC:VALUE");
            }
            String key = part.substring(0, colon);
            String value = part.substring(colon + 1);
            Cvss2Metric metric = Cvss2Metric.byAbbreviation(key).orElseThrow(() ->
                    new IllegalArgumentException("CVSS v2 vector has unknown metric '" + key + "'"));
            if (metric.jsonValue(value).isEmpty()) {
                throw new IllegalArgumentException("CVSS v2 metric " + key + " has value '" + value
                        + "' (allowed: " + metric.allowedValues() + ")");
            }
            if (metrics.put(metric, value) != null) {
                throw new IllegalArgumentException("CVSS v2 metric " + key + " is given twice");
            }
        }
        for (Cvss2Metric m : Cvss2Metric.values()) {
            if (m.base() && !metrics.containsKey(m)) {
                throw new IllegalArgumentException("CVSS v2 vector lacks the base metric " + m.abbreviation());
            }
        }
        return new Cvss2(vector, metrics);
    }

    /** The vector value of {@code metric}; {@code ND} (not defined) for an absent optional metric. */
    public String value(Cvss2Metric metric) {
        return metrics.getOrDefault(metric, "ND");
    }

    /** The base score. */
    public double baseScore() {
        return base(impact(1, 1, 1));
    }

    /** The temporal score. */
    public double temporalScore() {
        return round(temporal(baseScore()));
    }

    /** The environmental score. */
    public double environmentalScore() {
        double adjustedImpact = Math.min(10, impact(requirement(Cvss2Metric.CR), requirement(Cvss2Metric.IR),
                requirement(Cvss2Metric.AR)));
        double adjustedTemporal = round(temporal(base(adjustedImpact)));
        double cdp = switch (value(Cvss2Metric.CDP)) {
            case "L" -> 0.1;
            case "LM" -> 0.3;
            case "MH" -> 0.4;
            case "H" -> 0.5;
            default -> 0;
        };
        double td = switch (value(Cvss2Metric.TD)) {
            case "N" -> 0;
            case "L" -> 0.25;
            case "M" -> 0.75;
            default -> 1;
        };
        return round((adjustedTemporal + (10 - adjustedTemporal) * cdp) * td);
    }

    /** Whether any environmental metric (CDP, TD, CR, IR, AR) is defined. */
    public boolean hasEnvironmentalMetrics() {
        return Stream.of(Cvss2Metric.CDP, Cvss2Metric.TD, Cvss2Metric.CR, Cvss2Metric.IR,
                Cvss2Metric.AR).anyMatch(m -> !value(m).equals("ND"));
    }

    private double impact(double cr, double ir, double ar) {
        return 10.41 * (1 - (1 - cia(Cvss2Metric.C) * cr) * (1 - cia(Cvss2Metric.I) * ir)
                * (1 - cia(Cvss2Metric.A) * ar));
    }

    private double base(double impact) {
        double av = switch (value(Cvss2Metric.AV)) {
            case "L" -> 0.395;
            case "A" -> 0.646;
            default -> 1.0;
        };
        double ac = switch (value(Cvss2Metric.AC)) {
            case "H" -> 0.35;
            case "M" -> 0.61;
            default -> 0.71;
        };
        double au = switch (value(Cvss2Metric.AU)) {
            case "M" -> 0.45;
            case "S" -> 0.56;
            default -> 0.704;
        };
        double exploitability = 20 * av * ac * au;
        double f = impact == 0 ? 0 : 1.176;
        return round((0.6 * impact + 0.4 * exploitability - 1.5) * f);
    }

    /** Multiplies in the specification's order (score × E × RL × RC), as the reference calculators do. */
    private double temporal(double score) {
        double e = switch (value(Cvss2Metric.E)) {
            case "U" -> 0.85;
            case "POC" -> 0.9;
            case "F" -> 0.95;
            default -> 1;
        };
        double rl = switch (value(Cvss2Metric.RL)) {
            case "OF" -> 0.87;
            case "TF" -> 0.9;
            case "W" -> 0.95;
            default -> 1;
        };
        double rc = switch (value(Cvss2Metric.RC)) {
            case "UC" -> 0.9;
            case "UR" -> 0.95;
            default -> 1;
        };
        return score * e * rl * rc;
    }

    private double cia(Cvss2Metric metric) {
        return switch (value(metric)) {
            case "P" -> 0.275;
            case "C" -> 0.66;
            default -> 0;
        };
    }

    private double requirement(Cvss2Metric metric) {
        return switch (value(metric)) {
            case "L" -> 0.5;
            case "H" -> 1.51;
            default -> 1;
        };
    }

    /**
     * v2 rounds to one decimal. Rounding the exact binary value (as FIRST's and NVD's calculators do,
     * through JavaScript's toFixed) makes 5.0 × 0.9 × 0.9 = 4.0499… give 4.0, as published scores do.
     */
    private static double round(double value) {
        return new BigDecimal(value).setScale(1, RoundingMode.HALF_UP).doubleValue();
    }
}
