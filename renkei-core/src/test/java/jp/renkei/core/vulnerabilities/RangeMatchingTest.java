package jp.renkei.core.vulnerabilities;

import static jp.renkei.core.vulnerabilities.TestRecords.affected;
import static jp.renkei.core.vulnerabilities.TestRecords.affectedVersions;
import static jp.renkei.core.vulnerabilities.TestRecords.ecosystem;
import static jp.renkei.core.vulnerabilities.TestRecords.findings;
import static jp.renkei.core.vulnerabilities.TestRecords.fixed;
import static jp.renkei.core.vulnerabilities.TestRecords.git;
import static jp.renkei.core.vulnerabilities.TestRecords.introduced;
import static jp.renkei.core.vulnerabilities.TestRecords.lastAffected;
import static jp.renkei.core.vulnerabilities.TestRecords.limit;
import static jp.renkei.core.vulnerabilities.TestRecords.record;
import static jp.renkei.core.vulnerabilities.TestRecords.semver;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The OSV range semantics, each case answered alike by the index and the linear scan. */
class RangeMatchingTest {

    private static final List<OsvRecord> SIMPLE = List.of(record("R-1",
            affected("npm", "pkg", semver(introduced("1.0.0"), fixed("1.0.2")))));

    @Test
    void matchesAComponentInsideTheIntroducedFixedRange() {
        assertThat(findings(SIMPLE, "pkg:npm/pkg@1.0.1")).containsExactly("R-1");
    }

    @Test
    void includesTheIntroducedVersionAndExcludesTheFixedOne() {
        assertThat(findings(SIMPLE, "pkg:npm/pkg@1.0.0")).containsExactly("R-1");
        assertThat(findings(SIMPLE, "pkg:npm/pkg@1.0.2")).isEmpty();
        assertThat(findings(SIMPLE, "pkg:npm/pkg@0.9.9")).isEmpty();
        assertThat(findings(SIMPLE, "pkg:npm/pkg@1.0.0-rc.1")).as("a pre-release sorts before its release").isEmpty();
        assertThat(findings(SIMPLE, "pkg:npm/pkg@1.0.2-rc.1")).containsExactly("R-1");
    }

    @Test
    void introducedZeroMeansEveryVersionBeforeTheFix() {
        List<OsvRecord> records = List.of(record("R-0", affected("npm", "pkg", semver(introduced("0"), fixed("2.0.0")))));

        assertThat(findings(records, "pkg:npm/pkg@0.0.0-alpha")).containsExactly("R-0");
        assertThat(findings(records, "pkg:npm/pkg@1.9.9")).containsExactly("R-0");
        assertThat(findings(records, "pkg:npm/pkg@2.0.0")).isEmpty();
    }

    @Test
    void anUnfixedVulnerabilityAffectsEveryVersionFromIntroducedOn() {
        List<OsvRecord> records = List.of(record("R-U", affected("npm", "pkg", semver(introduced("3.0.0")))));

        assertThat(findings(records, "pkg:npm/pkg@99.0.0")).containsExactly("R-U");
        assertThat(findings(records, "pkg:npm/pkg@2.9.9")).isEmpty();
    }

    @Test
    void lastAffectedIsInclusive() {
        List<OsvRecord> records = OsvSamples.all();

        assertThat(findings(records, "pkg:maven/com.h2database/h2@2.1.214")).containsExactly("GHSA-22wj-vf5f-wrvj");
        assertThat(findings(records, "pkg:maven/com.h2database/h2@1.4.200")).containsExactly("GHSA-22wj-vf5f-wrvj");
        assertThat(findings(records, "pkg:maven/com.h2database/h2@2.2.220")).isEmpty();
    }

    @Test
    void severalIntroducedFixedPairsInOneRangeLeaveGapsUnaffected() {
        List<OsvRecord> records = List.of(record("R-2", affected("npm", "pkg",
                semver(introduced("1.0.0"), fixed("1.0.2"), introduced("3.0.0"), fixed("3.2.5")))));

        assertThat(findings(records, "pkg:npm/pkg@1.0.1")).containsExactly("R-2");
        assertThat(findings(records, "pkg:npm/pkg@2.5.0")).isEmpty();
        assertThat(findings(records, "pkg:npm/pkg@3.2.4")).containsExactly("R-2");
        assertThat(findings(records, "pkg:npm/pkg@3.2.5")).isEmpty();
    }

    @Test
    void eventsOutOfOrderAreSortedFirst() {
        List<OsvRecord> records = List.of(record("R-3", affected("npm", "pkg",
                semver(fixed("3.2.5"), introduced("3.0.0"), fixed("1.0.2"), introduced("1.0.0")))));

        assertThat(findings(records, "pkg:npm/pkg@2.0.0")).isEmpty();
        assertThat(findings(records, "pkg:npm/pkg@3.1.0")).containsExactly("R-3");
    }

    @Test
    void multipleRangesAndAffectedEntriesEachCount() {
        List<OsvRecord> records = OsvSamples.all();

        assertThat(findings(records, "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1")).containsExactly("GHSA-jfh8-c2jp-5v3q");
        assertThat(findings(records, "pkg:maven/org.apache.logging.log4j/log4j-core@2.0-beta9")).containsExactly("GHSA-jfh8-c2jp-5v3q");
        assertThat(findings(records, "pkg:maven/org.apache.logging.log4j/log4j-core@2.12.2")).isEmpty();
        assertThat(findings(records, "pkg:maven/org.apache.logging.log4j/log4j-core@2.0-alpha1")).isEmpty();
        assertThat(findings(records, "pkg:maven/org.apache.logging.log4j/log4j-core@2.15.0")).isEmpty();
    }

    @Test
    void aLimitCapsTheRangeAndAStarLimitIsInfinity() {
        List<OsvRecord> limited = List.of(record("R-L", affected("npm", "pkg", semver(introduced("1.0.0"), limit("2.0.0")))));
        List<OsvRecord> star = List.of(record("R-S", affected("npm", "pkg", semver(introduced("1.0.0"), limit("*")))));

        assertThat(findings(limited, "pkg:npm/pkg@1.5.0")).containsExactly("R-L");
        assertThat(findings(limited, "pkg:npm/pkg@2.0.0")).isEmpty();
        assertThat(findings(star, "pkg:npm/pkg@50.0.0")).containsExactly("R-S");
    }

    @Test
    void theExplicitVersionsListMatchesToo() {
        List<OsvRecord> records = List.of(record("R-V", affectedVersions("PyPI", "pkg", List.of("0.5", "1.0.0"))));

        assertThat(findings(records, "pkg:pypi/pkg@0.5")).containsExactly("R-V");
        assertThat(findings(records, "pkg:pypi/pkg@1.0")).as("equal under PEP 440").containsExactly("R-V");
        assertThat(findings(records, "pkg:pypi/pkg@0.6")).isEmpty();
    }

    @Test
    void gitRangesAreSkippedButTheirVersionsListStillMatches() {
        List<OsvRecord> records = List.of(record("OSV-2024-1", affectedVersions("OSS-Fuzz", "libxml2",
                List.of("v2.11.0", "v2.11.1"), git(introduced("0"), fixed("4e1fa93a1bc3b")))));

        assertThat(findings(records, "pkg:generic/libxml2@v2.11.1")).containsExactly("OSV-2024-1");
        assertThat(findings(records, "pkg:generic/libxml2@v2.12.0")).as("a Git range cannot be evaluated").isEmpty();
    }

    @Test
    void withdrawnRecordsMatchNothing() {
        List<OsvRecord> records = OsvSamples.all();

        assertThat(findings(records, "pkg:npm/minimist@1.2.5")).isEmpty();
        assertThat(VulnerabilityIndex.of(records).size()).isEqualTo(records.size() - 1);
    }

    @Test
    void aComponentWithoutAVersionHasNoFindings() {
        assertThat(findings(SIMPLE, "pkg:npm/pkg")).isEmpty();
        assertThat(findings(SIMPLE, new ComponentRef(Optional.of("pkg:npm/pkg"), Optional.empty(),
                "pkg", "1.0.1"))).as("the component's own version is used when the purl has none").containsExactly("R-1");
    }

    @Test
    void findingsAreSortedByIdWithOneFindingPerVulnerability() {
        List<OsvRecord> records = List.of(
                record("R-9", affected("npm", "pkg", semver(introduced("0")))),
                record("R-1", affected("npm", "pkg", semver(introduced("0"))), affected("npm", "PKG", semver(introduced("0")))));

        List<ComponentFinding> found = VulnerabilityIndex.of(records).match(ComponentRef.ofPurl("pkg:npm/pkg@1.0.0"));

        assertThat(found).extracting(ComponentFinding::vulnerabilityId).containsExactly("R-1", "R-9");
        assertThat(found.get(0)).isEqualTo(new ComponentFinding("R-1", List.of("CVE-R-1"), "npm", "PKG", MatchBasis.PURL));
    }

    @Test
    void nonSemverEcosystemsCompareInTheirOwnOrder() {
        List<OsvRecord> records = OsvSamples.all();

        // PyPI: 2.0.0a1 is introduced, so the earlier pre-release 2.0.0.dev1 is not affected.
        assertThat(findings(records, "pkg:pypi/urllib3@2.0.0a3")).containsExactly("GHSA-2xpw-w6gg-jr37");
        assertThat(findings(records, "pkg:pypi/urllib3@2.0.0.dev1")).isEmpty();
        assertThat(findings(records, "pkg:pypi/urllib3@2.2.2rc1")).containsExactly("GHSA-2xpw-w6gg-jr37");
        assertThat(findings(records, "pkg:pypi/urllib3@1.26.19")).isEmpty();
        // Debian: epochs and ~ (introduced 1~ sorts before 1, and 1~~ before 1~).
        assertThat(findings(records, "pkg:deb/debian/ntp@1:4.2.8p15+dfsg-1?distro=debian-11")).containsExactly("DSA-5139-1");
        assertThat(findings(records, "pkg:deb/debian/ntp@1:4.2.8p15+dfsg-1~?distro=debian-11")).containsExactly("DSA-5139-1");
        assertThat(findings(records, "pkg:deb/debian/ntp@1:4.2.8p15+dfsg-1~~exp1?distro=debian-11")).isEmpty();
        assertThat(findings(records, "pkg:deb/debian/ntp@4.2.8p16?distro=debian-11")).as("no epoch is epoch 0").isEmpty();
        // Go: the purl's v prefix, the SEMVER range without one.
        assertThat(findings(records, "pkg:golang/golang.org/x/net@v0.6.0")).containsExactly("GO-2023-1571");
        assertThat(findings(records, "pkg:golang/golang.org/x/net@v0.7.0")).isEmpty();
        assertThat(findings(records, "pkg:golang/stdlib@v1.20.0")).containsExactly("GO-2023-1571");
        // Alpine: package revisions.
        assertThat(findings(records, "pkg:apk/alpine/openssl@3.1.3-r0?distro=alpine-3.18.4")).containsExactly("ALPINE-CVE-2023-5363");
        assertThat(findings(records, "pkg:apk/alpine/openssl@3.1.4-r0?distro=alpine-3.18.4")).isEmpty();
    }

    @Test
    void anIntroducedAndALastAffectedAtTheSameVersionAffectThatVersionOnly() {
        List<OsvRecord> records = List.of(record("R-E", affected("Maven", "g:a",
                ecosystem(introduced("1.0"), lastAffected("1.0")))));

        assertThat(findings(records, "pkg:maven/g/a@1.0.0")).containsExactly("R-E");
        assertThat(findings(records, "pkg:maven/g/a@1.0.1")).isEmpty();
    }
}
