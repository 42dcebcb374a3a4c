package jp.renkei.core.vulnerabilities;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * One affected package of one record, prepared for the index: its identity split into what
 * lookups compare, its ranges compiled and its explicit versions ranked and sorted.
 */
final class AffectedEntry {

    final String vulnerabilityId;
    final List<String> aliases;
    final String ecosystem;
    final String packageName;
    final List<String> releaseTokens;
    final List<String> namespaceWords;
    private final CompiledRange[] ranges;
    private final VersionScheme versionsScheme;
    private final int[] versions;

    /** {@code rankings} gives the ranking of each scheme, built from every version the index holds. */
    AffectedEntry(OsvRecord record, OsvAffected affected, Function<VersionScheme, VersionRanking> rankings) {
        this.vulnerabilityId = record.id();
        this.aliases = record.aliases();
        this.ecosystem = affected.ecosystem();
        this.packageName = affected.name();
        this.releaseTokens = Ecosystems.releaseTokens(affected.ecosystem());
        this.namespaceWords = Ecosystems.namespaceWords(affected.name());
        this.ranges = affected.ranges().stream()
                .filter(r -> r.type() != RangeType.GIT) // needs the repository's commit graph
                .map(r -> {
                    VersionScheme scheme = VersionScheme.forRange(r.type(), affected.ecosystem());
                    return CompiledRange.of(r, scheme, rankings.apply(scheme));
                })
                .toArray(CompiledRange[]::new);
        this.versionsScheme = VersionScheme.forEcosystem(affected.ecosystem());
        VersionRanking ranking = affected.versions().isEmpty() ? null : rankings.apply(versionsScheme);
        this.versions = affected.versions().stream().mapToInt(v -> ranking.rankOfKnown(v)).sorted().toArray();
    }

    /** Every version string of {@code affected} that needs a rank, with its scheme. */
    static void versionsToRank(OsvAffected affected, VersionSink sink) {
        for (OsvRange r : affected.ranges()) {
            if (r.type() != RangeType.GIT) {
                VersionScheme scheme = VersionScheme.forRange(r.type(), affected.ecosystem());
                for (RangeEvent e : r.events()) {
                    if (CompiledRange.isRanked(e)) {
                        sink.accept(scheme, e.version());
                    }
                }
            }
        }
        VersionScheme scheme = VersionScheme.forEcosystem(affected.ecosystem());
        for (String v : affected.versions()) {
            sink.accept(scheme, v);
        }
    }

    /** Receives the versions to rank. */
    @FunctionalInterface
    interface VersionSink {
        void accept(VersionScheme scheme, String version);
    }

    /** Whether the component's version (ranked on demand per scheme by {@code version}) is affected. */
    boolean affects(ComponentVersion version) {
        for (CompiledRange range : ranges) {
            if (range.includes(version.rank(range.scheme()))) {
                return true;
            }
        }
        return versions.length > 0 && Arrays.binarySearch(versions, version.rank(versionsScheme)) >= 0;
    }
}
