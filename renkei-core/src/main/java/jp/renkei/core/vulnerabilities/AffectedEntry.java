package jp.renkei.core.vulnerabilities;

import java.util.Arrays;
import java.util.List;
import java.util.function.BiFunction;

/**
 * One affected package of one record, prepared for the index: its identity split into what
 * lookups compare, its ranges compiled and its explicit versions parsed and sorted.
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
    private final VersionKey[] versions;

    /** {@code keys} parses a version in a scheme, sharing keys of equal strings across records. */
    AffectedEntry(OsvRecord record, OsvAffected affected, BiFunction<VersionScheme, String, VersionKey> keys) {
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
                    return CompiledRange.of(r, scheme, v -> keys.apply(scheme, v));
                })
                .toArray(CompiledRange[]::new);
        this.versionsScheme = VersionScheme.forEcosystem(affected.ecosystem());
        this.versions = affected.versions().stream().map(v -> keys.apply(versionsScheme, v))
                .sorted().toArray(VersionKey[]::new);
    }

    /** Whether the component's version (parsed on demand per scheme by {@code version}) is affected. */
    boolean affects(ComponentVersion version) {
        for (CompiledRange range : ranges) {
            if (range.includes(version.in(range.scheme()))) {
                return true;
            }
        }
        return versions.length > 0 && Arrays.binarySearch(versions, version.in(versionsScheme)) >= 0;
    }
}
