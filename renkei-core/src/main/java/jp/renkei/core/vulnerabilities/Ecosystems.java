package jp.renkei.core.vulnerabilities;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What matching needs to know about OSV ecosystem strings: the family ({@code Debian} of
 * {@code Debian:11}), the release part, and how names compare within a family. The same rules
 * apply to OSV names and to names taken from purls, so both sides meet in the same form.
 */
final class Ecosystems {

    private static final Pattern PYPI_SEPARATORS = Pattern.compile("[-_.]+");
    private static final Pattern NAMESPACE_SEPARATORS = Pattern.compile("[/:.@]+");

    private Ecosystems() {
    }

    /** The family in lower case: {@code debian} for {@code Debian:11}, {@code pypi} for {@code PyPI}. */
    static String family(String ecosystem) {
        int colon = ecosystem.indexOf(':');
        return (colon < 0 ? ecosystem : ecosystem.substring(0, colon)).toLowerCase(Locale.ROOT);
    }

    /**
     * The name as the family compares it: PyPI by PEP 503 (lower case, runs of {@code - _ .} as one
     * {@code -}); npm, crates.io, NuGet, Packagist, Hex and Pub ignoring case; the others exactly.
     */
    static String normaliseName(String family, String name) {
        return switch (family) {
            case "pypi" -> PYPI_SEPARATORS.matcher(name.toLowerCase(Locale.ROOT)).replaceAll("-");
            case "npm", "crates.io", "nuget", "packagist", "hex", "pub" -> name.toLowerCase(Locale.ROOT);
            default -> name;
        };
    }

    /** The key under which the index keeps a package. */
    static String packageKey(String family, String normalisedName) {
        return family + '\u0000' + normalisedName;
    }

    /**
     * The release parts after the family: {@code [11]} for {@code Debian:11},
     * {@code [Pro, 18.04, LTS]} for {@code Ubuntu:Pro:18.04:LTS}; empty for a plain family.
     */
    static List<String> releaseTokens(String ecosystem) {
        String[] parts = ecosystem.split(":");
        return parts.length <= 1 ? List.of() : List.of(parts).subList(1, parts.length);
    }

    /**
     * Whether a record for {@code ecosystem} applies to a component of distribution release
     * {@code release}: a record without a release applies to every release, a component
     * without one ({@code ""}) to every record.
     */
    static boolean releaseMatches(String ecosystem, String release) {
        if (release.isEmpty()) {
            return true;
        }
        List<String> tokens = releaseTokens(ecosystem);
        return tokens.isEmpty() || tokens.contains(release);
    }

    /**
     * The last segment of a package name in lower case, {@code _} read as {@code -}:
     * {@code log4j-core} for {@code org.apache.logging.log4j:log4j-core}, {@code gin} for
     * {@code github.com/gin-gonic/gin}. What a CPE product is compared with.
     */
    static String simpleName(String name) {
        int cut = Math.max(name.lastIndexOf('/'), name.lastIndexOf(':'));
        return productForm(name.substring(cut + 1));
    }

    /** A CPE product or vendor (or a simple name) in the form names are compared in. */
    static String productForm(String s) {
        return s.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * The namespace of a package name split into words: {@code [org, apache, logging, log4j]} for
     * {@code org.apache.logging.log4j:log4j-core}, {@code [angular]} for {@code @angular/core};
     * empty for names without one ({@code openssl}, {@code django}).
     */
    static List<String> namespaceWords(String name) {
        int cut = Math.max(name.lastIndexOf('/'), name.lastIndexOf(':'));
        if (cut <= 0) {
            return List.of();
        }
        List<String> words = new ArrayList<>();
        for (String w : NAMESPACE_SEPARATORS.split(name.substring(0, cut))) {
            if (!w.isEmpty()) {
                words.add(productForm(w));
            }
        }
        return words;
    }

    /**
     * The CPE vendor rule: no vendor asks nothing; a package without a namespace has nothing to
     * contradict it; otherwise the vendor must be one of the namespace's words.
     */
    static boolean vendorMatches(List<String> namespaceWords, String vendor) {
        return vendor.isEmpty() || namespaceWords.isEmpty() || namespaceWords.contains(vendor);
    }
}
