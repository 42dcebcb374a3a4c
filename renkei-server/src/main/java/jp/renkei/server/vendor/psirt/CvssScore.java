package jp.renkei.server.vendor.psirt;

import java.util.Locale;
import java.util.Optional;
import java.util.HashSet;
import java.util.Set;

import us.springett.cvss.Cvss;
import us.springett.cvss.CvssV3_1;
import us.springett.cvss.CvssV4;
import us.springett.cvss.MalformedVectorException;

/**
 * A CVSS base score computed from its vector (3.1 or 4.0). Parsing is strict where the calculator
 * library is lenient: the version prefix must match the field, and no metric may appear twice.
 */
public record CvssScore(String version, String vector, double baseScore) {

    /** The outcome of reading one vector. */
    public sealed interface Reading permits Scored, Invalid {}

    /** The vector is valid; here is its score. */
    public record Scored(CvssScore score) implements Reading {}

    /** The vector is not valid, and why, in words that name the metric at fault. */
    public record Invalid(String detail) implements Reading {}

    /** The qualitative rating shared by CVSS 3.1 and 4.0: none, low, medium, high, critical. */
    public String severity() {
        if (baseScore == 0.0) {
            return "none";
        }
        return baseScore < 4.0 ? "low" : baseScore < 7.0 ? "medium" : baseScore < 9.0 ? "high" : "critical";
    }

    /** Reads a CVSS 3.1 vector ({@code CVSS:3.1/AV:N/…}). */
    public static Reading v31(String vector) {
        return read(vector, "3.1");
    }

    /** Reads a CVSS 4.0 vector ({@code CVSS:4.0/AV:N/…}). */
    public static Reading v40(String vector) {
        return read(vector, "4.0");
    }

    /** The score of a vector already stored (valid by construction); empty when none is stored. */
    public static Optional<CvssScore> stored(String vector, String version) {
        return vector == null ? Optional.empty()
                : read(vector, version) instanceof Scored s ? Optional.of(s.score()) : Optional.empty();
    }

    private static Reading read(String raw, String version) {
        String vector = raw == null ? "" : raw.strip();
        String prefix = "CVSS:" + version + "/";
        if (vector.isEmpty()) {
            return new Invalid("the vector is empty");
        }
        if (!vector.startsWith(prefix)) {
            return new Invalid("must start with '" + prefix + "' (found '"
                    + vector.substring(0, Math.min(vector.length(), 12)) + "…')");
        }
        Set<String> seen = new HashSet<>();
        for (String part : vector.substring(prefix.length()).split("/", -1)) {
            int colon = part.indexOf(':');
            if (colon <= 0 || colon == part.length() - 1) {
                return new Invalid("'" + part + "' is not a metric (expected NAME:VALUE, e.g. AV:N)");
            }
            String metric = part.substring(0, colon);
            if (!seen.add(metric)) {
                return new Invalid("metric " + metric + " appears more than once");
            }
        }
        try {
            Cvss parsed = Cvss.fromVector(vector);
            boolean right = version.equals("3.1") ? parsed instanceof CvssV3_1 : parsed instanceof CvssV4;
            if (!right) {
                return new Invalid("not a CVSS " + version + " vector");
            }
            double score = parsed.calculateScore().getBaseScore();
            return new Scored(new CvssScore(version, vector.toUpperCase(Locale.ROOT), score));
        } catch (MalformedVectorException | IllegalArgumentException e) {
            return new Invalid(e.getMessage());
        }
    }
}
