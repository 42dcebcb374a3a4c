package jp.renkei.core.vulnerabilities;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Builders for OSV records in tests, and a check that the index and the linear scan agree. */
final class TestRecords {

    static final Instant MODIFIED = Instant.parse("2024-06-01T00:00:00Z");

    private TestRecords() {
    }

    static OsvRecord record(String id, OsvAffected... affected) {
        return new OsvRecord(id, List.of("CVE-" + id), "", "", Optional.empty(), MODIFIED, Optional.empty(),
                List.of(affected), List.of(), List.of());
    }

    static OsvAffected affected(String ecosystem, String name, OsvRange... ranges) {
        return new OsvAffected(ecosystem, name, Optional.empty(), List.of(ranges), List.of());
    }

    static OsvAffected affectedVersions(String ecosystem, String name, List<String> versions, OsvRange... ranges) {
        return new OsvAffected(ecosystem, name, Optional.empty(), List.of(ranges), versions);
    }

    static OsvRange semver(RangeEvent... events) {
        return new OsvRange(RangeType.SEMVER, List.of(events));
    }

    static OsvRange ecosystem(RangeEvent... events) {
        return new OsvRange(RangeType.ECOSYSTEM, List.of(events));
    }

    static OsvRange git(RangeEvent... events) {
        return new OsvRange(RangeType.GIT, List.of(events));
    }

    static RangeEvent introduced(String v) {
        return new RangeEvent(RangeEvent.Kind.INTRODUCED, v);
    }

    static RangeEvent fixed(String v) {
        return new RangeEvent(RangeEvent.Kind.FIXED, v);
    }

    static RangeEvent lastAffected(String v) {
        return new RangeEvent(RangeEvent.Kind.LAST_AFFECTED, v);
    }

    static RangeEvent limit(String v) {
        return new RangeEvent(RangeEvent.Kind.LIMIT, v);
    }

    /**
     * The ids of the vulnerabilities found in {@code component}, after checking that the index
     * and the linear scan find exactly the same findings.
     */
    static List<String> findings(List<OsvRecord> records, ComponentRef component) {
        List<ComponentFinding> byIndex = VulnerabilityIndex.of(records).match(component);
        assertThat(byIndex).as("index and linear scan agree on %s", component)
                .isEqualTo(LinearScan.match(records, component));
        return byIndex.stream().map(ComponentFinding::vulnerabilityId).toList();
    }

    static List<String> findings(List<OsvRecord> records, String purl) {
        return findings(records, ComponentRef.ofPurl(purl));
    }
}
