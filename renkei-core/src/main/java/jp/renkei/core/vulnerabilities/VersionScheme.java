package jp.renkei.core.vulnerabilities;

import java.util.Locale;

/**
 * How one ecosystem orders its versions. Parsing never fails: a string outside the ecosystem's
 * grammar still gets a key (in natural order, see each scheme), so that ranges written by hand
 * still compare instead of dropping the record.
 */
public interface VersionScheme {

    /** Parses {@code version} into a key that orders as the ecosystem does. */
    VersionKey parse(String version);

    /** A short name for messages and tests ({@code semver}, {@code dpkg} …). */
    String name();

    /** Negative, zero or positive as {@code a} sorts before, with or after {@code b}. */
    default int compare(String a, String b) {
        return parse(a).compareTo(parse(b));
    }

    /** SemVer 2.0 precedence, a leading {@code v} allowed; the order of OSV {@code SEMVER} ranges. */
    static VersionScheme semVer() {
        return SemVerScheme.STRICT_CASE;
    }

    /**
     * The order of an OSV ecosystem ({@code npm}, {@code PyPI}, {@code Debian:11} …); the part
     * after the first colon does not matter. Unknown ecosystems get the natural order (runs of
     * digits compared as numbers, letters as text).
     */
    static VersionScheme forEcosystem(String ecosystem) {
        int colon = ecosystem.indexOf(':');
        String family = (colon < 0 ? ecosystem : ecosystem.substring(0, colon)).toLowerCase(Locale.ROOT);
        return switch (family) {
            case "npm", "crates.io", "go", "hex", "pub", "swifturl", "bitnami" -> SemVerScheme.STRICT_CASE;
            case "nuget" -> SemVerScheme.IGNORE_CASE;
            case "maven" -> MavenScheme.INSTANCE;
            case "pypi" -> Pep440Scheme.INSTANCE;
            case "debian", "ubuntu" -> DpkgScheme.INSTANCE;
            case "alpine", "wolfi", "chainguard" -> ApkScheme.INSTANCE;
            case "rubygems" -> RubyGemsScheme.INSTANCE;
            case "packagist" -> ComposerScheme.INSTANCE;
            default -> NaturalScheme.INSTANCE;
        };
    }

    /** The scheme that orders the events of a range of this type in this ecosystem. */
    static VersionScheme forRange(RangeType type, String ecosystem) {
        return type == RangeType.SEMVER ? semVer() : forEcosystem(ecosystem);
    }
}
