package jp.renkei.core.vulnerabilities;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The distinct versions of one scheme met while building an index, in the scheme's order, so that
 * every later comparison is a comparison of ints. The {@code i}-th class of equal versions has
 * rank {@code 2i + 1}; a version between classes {@code i - 1} and {@code i} (one no record
 * names) has rank {@code 2i}. Ranks compare exactly as the versions do.
 */
final class VersionRanking {

    private final VersionScheme scheme;
    private final VersionKey[] classes;
    private final Map<String, Integer> known;

    private VersionRanking(VersionScheme scheme, VersionKey[] classes, Map<String, Integer> known) {
        this.scheme = scheme;
        this.classes = classes;
        this.known = known;
    }

    /** Parses and sorts every version once. */
    static VersionRanking of(VersionScheme scheme, Collection<String> versions) {
        record Parsed(String text, VersionKey key) {
        }
        List<Parsed> sorted = new ArrayList<>(versions.size());
        for (String v : versions) {
            sorted.add(new Parsed(v, scheme.parse(v)));
        }
        sorted.sort((a, b) -> a.key().compareTo(b.key()));
        List<VersionKey> classes = new ArrayList<>();
        Map<String, Integer> known = new HashMap<>(versions.size() * 4 / 3 + 1);
        for (Parsed p : sorted) {
            if (classes.isEmpty() || classes.get(classes.size() - 1).compareTo(p.key()) != 0) {
                classes.add(p.key());
            }
            known.put(p.text(), 2 * (classes.size() - 1) + 1);
        }
        return new VersionRanking(scheme, classes.toArray(VersionKey[]::new), known);
    }

    /** The rank of a version this ranking was built from. */
    int rankOfKnown(String version) {
        Integer rank = known.get(version);
        if (rank == null) {
            throw new IllegalArgumentException("not ranked: " + version);
        }
        return rank;
    }

    /** The rank of any version, by binary search among the known ones. */
    int rankOf(String version) {
        VersionKey v = scheme.parse(version);
        int lo = 0;
        int hi = classes.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            int c = classes[mid].compareTo(v);
            if (c == 0) {
                return 2 * mid + 1;
            }
            if (c < 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return 2 * lo;
    }
}
