package jp.renkei.core.vulnerabilities;

import java.util.Map;

/**
 * A component's version, ranked at most once per scheme while it is matched (a lookup by purl
 * needs one or two: the ecosystem's and SemVer; one by CPE may need each ecosystem's).
 */
final class ComponentVersion {

    private final String text;
    private final Map<VersionScheme, VersionRanking> rankings;
    private final VersionScheme[] schemes = new VersionScheme[12];
    private final int[] ranks = new int[12];
    private int size;

    ComponentVersion(String text, Map<VersionScheme, VersionRanking> rankings) {
        this.text = text;
        this.rankings = rankings;
    }

    int rank(VersionScheme scheme) {
        for (int i = 0; i < size; i++) {
            if (schemes[i] == scheme) {
                return ranks[i];
            }
        }
        VersionRanking ranking = rankings.get(scheme);
        // No record names a version of this scheme (only "0" and "*"): every version ranks alike.
        int rank = ranking == null ? 0 : ranking.rankOf(text);
        if (size < schemes.length) {
            schemes[size] = scheme;
            ranks[size++] = rank;
        }
        return rank;
    }
}
