package jp.renkei.core.csaf.validation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.renkei.core.csaf.cvss.Cvss2;
import jp.renkei.core.csaf.cvss.Cvss2Metric;
import jp.renkei.core.csaf.cvss.Cvss3;
import jp.renkei.core.csaf.cvss.Cvss3Metric;

/** Tests 6.1.6 to 6.1.10: product statuses do not contradict, and CVSS objects are sound. */
final class StatusAndScoreTests {

    /** Status list → contradiction group (section 6.1.6); {@code recommended} belongs to none. */
    private static final Map<String, String> CONTRADICTION_GROUP = Map.of(
            "first_affected", "affected", "known_affected", "affected", "last_affected", "affected",
            "known_not_affected", "not affected",
            "first_fixed", "fixed", "fixed", "fixed",
            "under_investigation", "under investigation");

    private StatusAndScoreTests() {
    }

    /** 6.1.6: within one vulnerability a product is in at most one contradiction group. */
    static List<Finding> contradictingProductStatus(At document) {
        List<Finding> findings = new ArrayList<>();
        for (At vulnerability : document.get("vulnerabilities").items()) {
            Map<String, String> groupOf = new HashMap<>();
            for (At list : Products.statuses(vulnerability)) {
                String group = CONTRADICTION_GROUP.get(list.pointer().substring(list.pointer().lastIndexOf('/') + 1));
                if (group == null) {
                    continue;
                }
                for (At id : list.items()) {
                    String earlier = groupOf.putIfAbsent(id.text(), group);
                    if (earlier != null && !earlier.equals(group)) {
                        findings.add(id.finding("6.1.6", "product '" + id.text() + "' is both " + earlier
                                + " and " + group));
                    }
                }
            }
        }
        return findings;
    }

    /** 6.1.7: within one vulnerability a product has at most one score per CVSS version. */
    static List<Finding> multipleScoresWithSameVersionPerProduct(At document) {
        List<Finding> findings = new ArrayList<>();
        for (At vulnerability : document.get("vulnerabilities").items()) {
            Map<String, String> scored = new HashMap<>();
            for (At score : vulnerability.get("scores").items()) {
                List<String> versions = new ArrayList<>();
                if (score.get("cvss_v2").present()) {
                    versions.add("2.0");
                }
                if (score.at("cvss_v3", "version").isText()) {
                    versions.add(score.at("cvss_v3", "version").text());
                }
                for (At product : score.get("products").items()) {
                    for (String version : versions) {
                        String earlier = scored.putIfAbsent(product.text() + "\u0000" + version, product.pointer());
                        if (earlier != null) {
                            findings.add(product.finding("6.1.7", "product '" + product.text()
                                    + "' already has a CVSS " + version + " score at " + earlier));
                        }
                    }
                }
            }
        }
        return findings;
    }

    /** 6.1.8: each CVSS object is valid against FIRST's schema for its version. */
    static List<Finding> invalidCvss(At document) {
        List<Finding> findings = new ArrayList<>();
        for (At score : scores(document)) {
            At v2 = score.get("cvss_v2");
            if (v2.present()) {
                findings.addAll(CsafSchemas.bundled().validateCvss(v2.node(), "2.0", v2.pointer(), "6.1.8"));
            }
            At v3 = score.get("cvss_v3");
            if (v3.present()) {
                String version = v3.get("version").text();
                if (version.equals("3.0") || version.equals("3.1")) {
                    findings.addAll(CsafSchemas.bundled().validateCvss(v3.node(), version, v3.pointer(), "6.1.8"));
                } else {
                    findings.add(v3.get("version").finding("6.1.8", "CVSS v3 version must be 3.0 or 3.1"));
                }
            }
        }
        return findings;
    }

    /** 6.1.9: given scores and severities equal what the vector computes to. */
    static List<Finding> invalidCvssComputation(At document) {
        List<Finding> findings = new ArrayList<>();
        for (At score : scores(document)) {
            At v3 = score.get("cvss_v3");
            cvss3(v3).ifPresent(cvss -> {
                compare(v3, "baseScore", "baseSeverity", cvss.baseScore(), findings);
                compare(v3, "temporalScore", "temporalSeverity", cvss.temporalScore(), findings);
                compare(v3, "environmentalScore", "environmentalSeverity", cvss.environmentalScore(), findings);
            });
            At v2 = score.get("cvss_v2");
            cvss2(v2).ifPresent(cvss -> {
                compare(v2, "baseScore", null, cvss.baseScore(), findings);
                compare(v2, "temporalScore", null, cvss.temporalScore(), findings);
                v2Environmental(v2, cvss, findings);
            });
        }
        return findings;
    }

    /**
     * CVSS v2 calculators disagree on the environmental score: NVD's (and the reference validator's)
     * rounds to three decimals inside the impact equation, the v2 guide does not, and without any
     * environmental metric the guide's equations give the temporal score where those calculators give
     * the base score. So a v2 environmental score within 0.1 of the guide's value, or equal to the base
     * score when no environmental metric is defined, is accepted.
     */
    private static void v2Environmental(At v2, Cvss2 cvss, List<Finding> findings) {
        At given = v2.get("environmentalScore");
        if (!given.node().isNumber()) {
            return;
        }
        double value = given.node().asDouble();
        boolean undefinedAsBase = !cvss.hasEnvironmentalMetrics() && Math.abs(value - cvss.baseScore()) < 1e-9;
        if (!undefinedAsBase && Math.abs(value - cvss.environmentalScore()) > 0.1 + 1e-9) {
            findings.add(given.finding("6.1.9", "environmentalScore is " + given.node().asText()
                    + " but the vector computes to " + cvss.environmentalScore()));
        }
    }

    private static void compare(At cvss, String scoreField, String severityField, double expected,
            List<Finding> findings) {
        At given = cvss.get(scoreField);
        if (given.node().isNumber() && Math.abs(given.node().asDouble() - expected) > 1e-9) {
            findings.add(given.finding("6.1.9", scoreField + " is " + given.node().asText()
                    + " but the vector computes to " + expected));
        }
        if (severityField != null) {
            At severity = cvss.get(severityField);
            String computed = Cvss3.severity(expected);
            if (severity.isText() && !severity.text().equals(computed)) {
                findings.add(severity.finding("6.1.9", severityField + " is " + severity.text()
                        + " but the vector computes to " + computed));
            }
        }
    }

    /**
     * 6.1.10: metric properties agree with the vector. A temporal or environmental metric the vector
     * leaves out is "not defined", so a property giving it another value contradicts the vector.
     */
    static List<Finding> inconsistentCvss(At document) {
        List<Finding> findings = new ArrayList<>();
        for (At score : scores(document)) {
            At v3 = score.get("cvss_v3");
            cvss3(v3).ifPresent(cvss -> {
                if (v3.get("version").isText() && !v3.get("version").text().equals(cvss.version())) {
                    findings.add(v3.get("version").finding("6.1.10", "version " + v3.get("version").text()
                            + " contradicts the vector's CVSS:" + cvss.version()));
                }
                for (Cvss3Metric metric : Cvss3Metric.values()) {
                    String expected = metric.jsonValue(cvss.value(metric)).orElseThrow();
                    check(v3.get(metric.property()), expected, findings);
                }
            });
            At v2 = score.get("cvss_v2");
            cvss2(v2).ifPresent(cvss -> {
                for (Cvss2Metric metric : Cvss2Metric.values()) {
                    String expected = metric.jsonValue(cvss.value(metric)).orElseThrow();
                    check(v2.get(metric.property()), expected, findings);
                }
            });
        }
        return findings;
    }

    private static void check(At property, String expected, List<Finding> findings) {
        if (property.isText() && !property.text().equals(expected)) {
            findings.add(property.finding("6.1.10", property.text() + " contradicts the vector, which says "
                    + expected));
        }
    }

    private static List<At> scores(At document) {
        List<At> scores = new ArrayList<>();
        document.get("vulnerabilities").items().forEach(v -> scores.addAll(v.get("scores").items()));
        return scores;
    }

    /** The parsed vector, or nothing when it is absent or malformed (test 6.1.8 reports that). */
    private static Optional<Cvss3> cvss3(At cvss) {
        JsonNode vector = cvss.node().path("vectorString");
        try {
            return vector.isTextual() ? Optional.of(Cvss3.parse(vector.asText())) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<Cvss2> cvss2(At cvss) {
        JsonNode vector = cvss.node().path("vectorString");
        try {
            return vector.isTextual() ? Optional.of(Cvss2.parse(vector.asText())) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
