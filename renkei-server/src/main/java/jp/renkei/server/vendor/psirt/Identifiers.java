package jp.renkei.server.vendor.psirt;

import java.time.Year;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Checks and normalises the identifiers a vulnerability record carries: CVE, JVN, JVNDB and CWE. */
public final class Identifiers {

    private static final Pattern CVE = Pattern.compile("CVE-(\\d{4})-(\\d{4,})");
    private static final Pattern JVN = Pattern.compile("JVN(VU)?#\\d{8}");
    private static final Pattern JVNDB = Pattern.compile("JVNDB-(\\d{4})-\\d{6}");
    private static final Pattern CWE = Pattern.compile("CWE-[1-9]\\d{0,5}");

    private Identifiers() {}

    /** Upper case, no surrounding spaces; empty for a blank input. */
    public static Optional<String> normalise(String id) {
        String s = id == null ? "" : id.strip().toUpperCase(Locale.ROOT);
        return s.isEmpty() ? Optional.empty() : Optional.of(s);
    }

    /** What is wrong with a (normalised) CVE id, if anything. */
    public static Optional<String> cveProblem(String id) {
        Matcher m = CVE.matcher(id);
        if (!m.matches()) {
            return Optional.of("'" + id + "' is not a CVE id (expected CVE-YYYY-NNNN with four or more digits)");
        }
        String sequence = m.group(2);
        // CVE ids longer than four digits never start with zero (CVE-2014-0001 but not CVE-2014-00001).
        if (sequence.length() > 4 && sequence.startsWith("0")) {
            return Optional.of("'" + id + "': a sequence number of five or more digits has no leading zero");
        }
        return yearProblem(id, Integer.parseInt(m.group(1)), 1999);
    }

    /** What is wrong with a JVN id ({@code JVN#12345678}, {@code JVNVU#12345678}), if anything. */
    public static Optional<String> jvnProblem(String id) {
        return JVN.matcher(id).matches() ? Optional.empty()
                : Optional.of("'" + id + "' is not a JVN id (expected JVN#12345678 or JVNVU#12345678)");
    }

    /** What is wrong with a JVN iPedia id ({@code JVNDB-2026-000123}), if anything. */
    public static Optional<String> jvndbProblem(String id) {
        Matcher m = JVNDB.matcher(id);
        if (!m.matches()) {
            return Optional.of("'" + id + "' is not a JVNDB id (expected JVNDB-YYYY-NNNNNN, six digits)");
        }
        return yearProblem(id, Integer.parseInt(m.group(1)), 2003);
    }

    /** What is wrong with a CWE id ({@code CWE-798}), if anything. */
    public static Optional<String> cweProblem(String id) {
        return CWE.matcher(id).matches() ? Optional.empty()
                : Optional.of("'" + id + "' is not a CWE id (expected CWE-n, e.g. CWE-798)");
    }

    private static Optional<String> yearProblem(String id, int year, int first) {
        int last = Year.now().getValue() + 1;
        return year < first || year > last
                ? Optional.of("'" + id + "': the year " + year + " is not between " + first + " and " + last)
                : Optional.empty();
    }
}
