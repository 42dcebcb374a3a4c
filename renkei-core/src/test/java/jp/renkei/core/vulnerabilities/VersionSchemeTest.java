package jp.renkei.core.vulnerabilities;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Each ecosystem's version order, checked on the cases that tell the schemes apart. */
class VersionSchemeTest {

    @Test
    void semVerOrdersPreReleasesBeforeTheReleaseAndIgnoresBuildMetadataAndALeadingV() {
        assertAscending(VersionScheme.semVer(), "0.0.0-alpha", "1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta",
                "1.0.0-beta", "1.0.0-beta.2", "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0", "1.0.1", "1.2.0", "1.10.0", "2.0.0");
        assertEqual(VersionScheme.semVer(), "v1.2.3", "1.2.3");
        assertEqual(VersionScheme.semVer(), "1.2.3+build.5", "1.2.3");
        assertEqual(VersionScheme.semVer(), "v2.0.0+incompatible", "2.0.0");
    }

    @Test
    void goPseudoVersionsSortBeforeTheReleaseTheyPrecede() {
        VersionScheme go = VersionScheme.forEcosystem("Go");
        assertAscending(go, "v0.0.0-20210101000000-abcdefabcdef", "v0.6.0", "v0.7.0-0.20230101000000-abcdefabcdef",
                "v0.7.0");
    }

    @Test
    void nuGetIgnoresCaseInLabelsAndAcceptsFourParts() {
        VersionScheme nuget = VersionScheme.forEcosystem("NuGet");
        assertEqual(nuget, "1.0.0-RC1", "1.0.0-rc1");
        assertAscending(nuget, "1.0.0-beta", "1.0.0", "1.0.0.1", "1.0.1");
        assertEqual(nuget, "1.0", "1.0.0.0");
    }

    @Test
    void mavenOrdersQualifiersAsComparableVersionDoes() {
        VersionScheme maven = VersionScheme.forEcosystem("Maven");
        assertAscending(maven, "1-alpha-1", "1-alpha-2", "1-beta-1", "1-milestone-1", "1-rc-1", "1-snapshot", "1",
                "1-sp-1", "1-xyz", "1.1");
        assertAscending(maven, "2.0-beta9", "2.0", "2.0.1", "2.12.2", "2.13.0", "2.15.0");
        assertAscending(maven, "1.0-alpha1", "1.0-beta1", "1.0-m1", "1.0-rc1", "1.0-SNAPSHOT", "1.0", "1.0-sp1");
        assertEqual(maven, "1.0", "1.0.0");
        assertEqual(maven, "1.0-ga", "1");
        assertEqual(maven, "1.0.final", "1");
        assertEqual(maven, "1-cr1", "1-rc1");
        assertEqual(maven, "1a1", "1-alpha-1");
    }

    @Test
    void pep440OrdersDevPreAndPostReleasesAndEpochs() {
        VersionScheme pypi = VersionScheme.forEcosystem("PyPI");
        assertAscending(pypi, "1.0.dev0", "1.0a1.dev1", "1.0a1", "1.0a2", "1.0b1", "1.0rc1", "1.0", "1.0+local.7",
                "1.0.post1.dev1", "1.0.post1", "1.0.1", "1.1.dev1", "2.0.0a1", "2.0.0", "1!0.1");
        assertEqual(pypi, "1.0", "1.0.0");
        assertEqual(pypi, "1.0alpha1", "1.0a1");
        assertEqual(pypi, "1.0-1", "1.0.post1");
        assertEqual(pypi, "1.0C1", "1.0rc1");
        assertEqual(pypi, "v1.0", "1.0");
    }

    @Test
    void pep440PutsStringsOutsideTheGrammarBeforeEveryVersion() {
        VersionScheme pypi = VersionScheme.forEcosystem("PyPI");
        assertAscending(pypi, "french toast", "0.0.dev0", "0.1");
    }

    @Test
    void dpkgComparesEpochThenUpstreamThenRevisionWithTildeFirst() {
        VersionScheme dpkg = VersionScheme.forEcosystem("Debian:11");
        assertAscending(dpkg, "1.0~~", "1.0~~a", "1.0~", "1.0", "1.0-1", "1.0-1+deb11u1", "1.0a", "1.0+deb11u1",
                "1.0.1", "1.2", "1.10", "1:0.1", "2:0.0.1");
        assertAscending(dpkg, "1.1.1n-0+deb11u1", "1.1.1n-0+deb11u2", "1.1.1o-0+deb11u1", "3.0.11-1~deb12u1", "3.0.11-1");
        assertAscending(dpkg, "1:4.2.8p15+dfsg-1~", "1:4.2.8p15+dfsg-1", "1:4.2.8p15+dfsg-1+deb11u1");
        assertEqual(dpkg, "0:1.0-1", "1.0-1");
        assertEqual(dpkg, "1.0-0", "1.0");
        assertEqual(VersionScheme.forEcosystem("Ubuntu:22.04:LTS"), "1.001", "1.1");
    }

    @Test
    void apkOrdersSuffixesLettersAndRevisions() {
        VersionScheme apk = VersionScheme.forEcosystem("Alpine:v3.18");
        assertAscending(apk, "1.2.3_alpha1", "1.2.3_beta", "1.2.3_pre2", "1.2.3_rc1", "1.2.3", "1.2.3-r1", "1.2.3-r10",
                "1.2.3_p1", "1.2.3a", "1.2.4", "1.10");
        assertAscending(apk, "3.0.12-r0", "3.1.3-r0", "3.1.4-r0", "3.1.4-r1");
    }

    @Test
    void rubyGemsTreatsLettersAsPreReleasesAndIgnoresTrailingZeros() {
        VersionScheme gems = VersionScheme.forEcosystem("RubyGems");
        assertAscending(gems, "1.0.0.a", "1.0.0.pre", "1.0.0.rc1", "1.0.0.rc2", "1.0.0", "1.0.1", "1.1");
        assertEqual(gems, "1.0.0", "1");
        assertEqual(gems, "1.0.0-rc1", "1.0.0.pre.rc1");
    }

    @Test
    void composerOrdersStabilitiesAsPhpAndPadsReleases() {
        VersionScheme composer = VersionScheme.forEcosystem("Packagist");
        assertAscending(composer, "1.0.0-dev", "1.0.0-alpha1", "1.0.0-beta2", "1.0.0-RC1", "1.0.0", "1.0.0-pl1",
                "1.0.1", "v1.1");
        assertEqual(composer, "1.2", "1.2.0.0");
        assertEqual(composer, "v2.0.0", "2.0.0");
    }

    @Test
    void unknownEcosystemsUseNaturalOrder() {
        VersionScheme other = VersionScheme.forEcosystem("OSS-Fuzz");
        assertThat(other.name()).isEqualTo("natural");
        assertAscending(other, "1.0rc1", "1.0", "1.0.1", "1.2", "1.10");
        assertAscending(other, "openssl-3.0.1", "openssl-3.0.9", "openssl-3.0.10", "openssl-3.1.0");
    }

    @Test
    void choosesTheSchemeByEcosystemFamilyAndRangeType() {
        assertThat(List.of("npm", "crates.io", "Go", "Hex", "Pub").stream().map(e -> VersionScheme.forEcosystem(e).name()))
                .containsOnly("semver");
        assertThat(VersionScheme.forEcosystem("Debian:12").name()).isEqualTo("dpkg");
        assertThat(VersionScheme.forEcosystem("Ubuntu:Pro:18.04:LTS").name()).isEqualTo("dpkg");
        assertThat(VersionScheme.forEcosystem("Alpine:v3.18").name()).isEqualTo("apk");
        assertThat(VersionScheme.forRange(RangeType.SEMVER, "PyPI").name()).isEqualTo("semver");
        assertThat(VersionScheme.forRange(RangeType.ECOSYSTEM, "PyPI").name()).isEqualTo("pep440");
    }

    private static void assertAscending(VersionScheme scheme, String... versions) {
        for (int i = 0; i < versions.length; i++) {
            for (int j = 0; j < versions.length; j++) {
                int expected = Integer.compare(i, j);
                assertThat(Integer.signum(scheme.compare(versions[i], versions[j])))
                        .as("%s: %s vs %s", scheme.name(), versions[i], versions[j]).isEqualTo(expected);
            }
        }
    }

    private static void assertEqual(VersionScheme scheme, String a, String b) {
        assertThat(scheme.compare(a, b)).as("%s: %s = %s", scheme.name(), a, b).isZero();
        assertThat(scheme.compare(b, a)).as("%s: %s = %s", scheme.name(), b, a).isZero();
    }
}
