package jp.renkei.core.vulnerabilities;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One affected package of an OSV record, with its version ranges and explicit versions.
 *
 * @param ecosystem the OSV ecosystem as written ({@code npm}, {@code PyPI}, {@code Debian:11} …);
 *                  empty when the record names no package (osv.dev's CVE records with only GIT
 *                  ranges), which then matches no component
 * @param name      the package name in that ecosystem ({@code groupId:artifactId} for Maven)
 */
public record OsvAffected(String ecosystem, String name, Optional<String> purl,
        List<OsvRange> ranges, List<String> versions) {

    /** Rejects nulls and copies the lists. */
    public OsvAffected {
        Objects.requireNonNull(ecosystem, "ecosystem");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(purl, "purl");
        ranges = List.copyOf(ranges);
        versions = List.copyOf(versions);
    }
}
