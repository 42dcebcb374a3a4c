package jp.renkei.core.csaf.validation;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A CSAF {@code version_t}: integer versioning ("3") or semantic versioning ("1.2.0-rc.1+b7"). */
record VersionNumber(boolean semantic, BigInteger major, BigInteger minor, BigInteger patch, List<String> preRelease) {

    private static final Pattern INTEGER = Pattern.compile("0|[1-9][0-9]*");
    private static final Pattern SEMVER = Pattern.compile(
            "(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)"
                    + "(?:-([0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*))?(?:\\+([0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*))?");

    /** The version, or empty when the text is neither integer nor semantic versioning. */
    static Optional<VersionNumber> parse(String text) {
        if (INTEGER.matcher(text).matches()) {
            return Optional.of(new VersionNumber(false, new BigInteger(text), BigInteger.ZERO, BigInteger.ZERO,
                    List.of()));
        }
        Matcher m = SEMVER.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        List<String> pre = m.group(4) == null ? List.of() : List.of(m.group(4).split("\\."));
        return Optional.of(new VersionNumber(true, new BigInteger(m.group(1)), new BigInteger(m.group(2)),
                new BigInteger(m.group(3)), pre));
    }

    /** Whether the version is a pre-release ({@code 1.0.0-rc}). */
    boolean isPreRelease() {
        return !preRelease.isEmpty();
    }

    /** Whether the version is 0 or 0.y.z, which CSAF reserves for drafts. */
    boolean isZero() {
        return major.signum() == 0;
    }

    /** Semantic-versioning precedence; build metadata is ignored, integer n counts as n.0.0. */
    int compareTo(VersionNumber other) {
        int c = major.compareTo(other.major);
        if (c == 0) {
            c = minor.compareTo(other.minor);
        }
        if (c == 0) {
            c = patch.compareTo(other.patch);
        }
        if (c != 0) {
            return c;
        }
        if (preRelease.isEmpty() || other.preRelease.isEmpty()) {
            return Boolean.compare(preRelease.isEmpty(), other.preRelease.isEmpty());
        }
        for (int i = 0; i < Math.min(preRelease.size(), other.preRelease.size()); i++) {
            c = comparePart(preRelease.get(i), other.preRelease.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(preRelease.size(), other.preRelease.size());
    }

    private static int comparePart(String a, String b) {
        boolean numA = a.chars().allMatch(Character::isDigit);
        boolean numB = b.chars().allMatch(Character::isDigit);
        if (numA && numB) {
            return new BigInteger(a).compareTo(new BigInteger(b));
        }
        if (numA != numB) {
            return numA ? -1 : 1;
        }
        return a.compareTo(b);
    }
}
