package jp.renkei.core.vulnerabilities;

import static jp.renkei.core.vulnerabilities.TestRecords.affected;
import static jp.renkei.core.vulnerabilities.TestRecords.ecosystem;
import static jp.renkei.core.vulnerabilities.TestRecords.findings;
import static jp.renkei.core.vulnerabilities.TestRecords.fixed;
import static jp.renkei.core.vulnerabilities.TestRecords.introduced;
import static jp.renkei.core.vulnerabilities.TestRecords.record;
import static jp.renkei.core.vulnerabilities.TestRecords.semver;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which OSV package a component is: purl types, namespaces and qualifiers, and CPE-only components. */
class ComponentIdentityTest {

    private static final List<OsvRecord> RECORDS = List.of(
            record("NPM-1", affected("npm", "@angular/core", semver(introduced("0"), fixed("11.0.5")))),
            record("NPM-2", affected("npm", "core", semver(introduced("0"), fixed("11.0.5")))),
            record("PYPI-1", affected("PyPI", "Zope.Interface", ecosystem(introduced("0"), fixed("5.0")))),
            record("CARGO-1", affected("crates.io", "smallvec", semver(introduced("0"), fixed("1.6.1")))),
            record("GEM-1", affected("RubyGems", "rack", ecosystem(introduced("0"), fixed("2.2.6.2")))),
            record("NUGET-1", affected("NuGet", "Newtonsoft.Json", ecosystem(introduced("0"), fixed("13.0.1")))),
            record("COMPOSER-1", affected("Packagist", "guzzlehttp/guzzle", ecosystem(introduced("0"), fixed("7.4.5")))),
            record("DEB-10", affected("Debian:10", "openssl", ecosystem(introduced("0"), fixed("1.1.1n-0+deb10u2")))),
            record("DEB-11", affected("Debian:11", "openssl", ecosystem(introduced("0"), fixed("1.1.1n-0+deb11u2")))),
            record("DEB-ANY", affected("Debian", "openssl", ecosystem(introduced("0"), fixed("1.1.1a-1")))),
            record("UBUNTU-1", affected("Ubuntu:22.04:LTS", "openssl", ecosystem(introduced("0"), fixed("3.0.2-0ubuntu1.10")))),
            record("ALPINE-318", affected("Alpine:v3.18", "openssl", ecosystem(introduced("0"), fixed("3.1.4-r0")))),
            record("ALPINE-317", affected("Alpine:v3.17", "openssl", ecosystem(introduced("0"), fixed("3.0.12-r0")))),
            record("MAVEN-1", affected("Maven", "org.apache.logging.log4j:log4j-core", ecosystem(introduced("2.0-beta9"), fixed("2.15.0")))),
            record("GO-1", affected("Go", "github.com/gin-gonic/gin", semver(introduced("0"), fixed("1.9.1")))),
            record("OTHER-1", affected("OSS-Fuzz", "libxml2", ecosystem(introduced("0"), fixed("2.12.0")))));

    @Test
    void npmScopesAreTheNamespace() {
        assertThat(findings(RECORDS, "pkg:npm/%40angular/core@11.0.4")).containsExactly("NPM-1");
        assertThat(findings(RECORDS, "pkg:npm/core@11.0.4")).containsExactly("NPM-2");
    }

    @Test
    void mavenIsGroupColonArtifactAndIgnoresClassifierAndType() {
        assertThat(findings(RECORDS, "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1?classifier=sources&type=jar"))
                .containsExactly("MAVEN-1");
        assertThat(findings(RECORDS, "pkg:maven/org.example/log4j-core@2.14.1")).isEmpty();
    }

    @Test
    void pypiNamesAreNormalisedAsPep503() {
        assertThat(findings(RECORDS, "pkg:pypi/zope-interface@4.7.2")).containsExactly("PYPI-1");
        assertThat(findings(RECORDS, "pkg:pypi/zope_interface@4.7.2")).containsExactly("PYPI-1");
    }

    @Test
    void goModulesArePathsAndSubpathsDoNotMatter() {
        assertThat(findings(RECORDS, "pkg:golang/github.com/gin-gonic/gin@v1.9.0#binding")).containsExactly("GO-1");
    }

    @Test
    void otherPackageTypesMapToTheirOsvEcosystems() {
        assertThat(findings(RECORDS, "pkg:cargo/smallvec@1.6.0")).containsExactly("CARGO-1");
        assertThat(findings(RECORDS, "pkg:gem/rack@2.2.6")).containsExactly("GEM-1");
        assertThat(findings(RECORDS, "pkg:nuget/newtonsoft.json@12.0.3")).containsExactly("NUGET-1");
        assertThat(findings(RECORDS, "pkg:composer/guzzlehttp/guzzle@7.4.4")).containsExactly("COMPOSER-1");
    }

    @Test
    void debianDistroQualifierChoosesTheRelease() {
        assertThat(findings(RECORDS, "pkg:deb/debian/openssl@1.1.1n-0+deb11u1?arch=amd64&distro=debian-11"))
                .containsExactly("DEB-11");
        assertThat(findings(RECORDS, "pkg:deb/debian/openssl@1.1.1n-0+deb11u1?distro=bullseye")).containsExactly("DEB-11");
        assertThat(findings(RECORDS, "pkg:deb/debian/openssl@1.1.1d-0+deb10u7?distro=debian-10.13")).containsExactly("DEB-10");
    }

    @Test
    void debianWithoutDistroMatchesEveryDebianRelease() {
        assertThat(findings(RECORDS, "pkg:deb/debian/openssl@1.1.1d-0+deb10u7")).containsExactly("DEB-10", "DEB-11");
        assertThat(findings(RECORDS, "pkg:deb/debian/openssl@1.1.0l-1")).containsExactly("DEB-10", "DEB-11", "DEB-ANY");
    }

    @Test
    void architectureDoesNotMatter() {
        assertThat(findings(RECORDS, "pkg:deb/debian/openssl@1.1.1n-0+deb11u1?arch=arm64&distro=debian-11"))
                .isEqualTo(findings(RECORDS, "pkg:deb/debian/openssl@1.1.1n-0+deb11u1?arch=amd64&distro=debian-11"));
    }

    @Test
    void theUpstreamQualifierNamesTheSourcePackage() {
        assertThat(findings(RECORDS, "pkg:deb/debian/libssl1.1@1.1.1n-0+deb11u1?distro=debian-11&upstream=openssl"))
                .containsExactly("DEB-11");
        assertThat(findings(RECORDS, "pkg:deb/debian/libssl1.1@1.1.1n-0+deb11u1?distro=debian-11")).isEmpty();
    }

    @Test
    void ubuntuAndAlpineReleasesComeFromTheirDistroQualifier() {
        assertThat(findings(RECORDS, "pkg:deb/ubuntu/openssl@3.0.2-0ubuntu1.9?distro=ubuntu-22.04")).containsExactly("UBUNTU-1");
        assertThat(findings(RECORDS, "pkg:deb/ubuntu/openssl@3.0.2-0ubuntu1.9?distro=jammy")).containsExactly("UBUNTU-1");
        assertThat(findings(RECORDS, "pkg:apk/alpine/openssl@3.1.3-r0?arch=x86_64&distro=alpine-3.18.4")).containsExactly("ALPINE-318");
        assertThat(findings(RECORDS, "pkg:apk/alpine/openssl@3.0.11-r0?distro=3.17.5")).containsExactly("ALPINE-317");
        assertThat(findings(RECORDS, "pkg:apk/alpine/openssl@3.0.11-r0")).containsExactly("ALPINE-317", "ALPINE-318");
    }

    @Test
    void genericPurlsMatchByNameInAnyEcosystem() {
        assertThat(findings(RECORDS, "pkg:generic/libxml2@2.11.5")).containsExactly("OTHER-1");
    }

    @Test
    void aCpeOnlyComponentMatchesByProductAndVendor() {
        assertThat(findings(RECORDS, cpe("cpe:2.3:a:apache:log4j-core:2.14.1:*:*:*:*:*:*:*"))).containsExactly("MAVEN-1");
        assertThat(findings(RECORDS, cpe("cpe:2.3:a:someoneelse:log4j-core:2.14.1:*:*:*:*:*:*:*")))
                .as("the vendor must be part of the Maven group").isEmpty();
        assertThat(findings(RECORDS, cpe("cpe:2.3:a:gin-gonic:gin:1.9.0:*:*:*:*:*:*:*"))).containsExactly("GO-1");
        assertThat(findings(RECORDS, cpe("cpe:2.3:a:*:smallvec:1.6.0:*:*:*:*:*:*:*"))).containsExactly("CARGO-1");
        assertThat(findings(RECORDS, cpe("cpe:/a:xmlsoft:libxml2:2.11.5"))).as("a CPE 2.2 URI").containsExactly("OTHER-1");
    }

    @Test
    void aCpeWithoutAVersionUsesTheComponentVersion() {
        ComponentRef c = new ComponentRef(Optional.empty(), Optional.of("cpe:2.3:a:rack_project:rack:*:*:*:*:*:*:*:*"), "rack", "2.2.6");
        assertThat(findings(RECORDS, c)).containsExactly("GEM-1");
    }

    @Test
    void findingsSayWhetherThePurlOrTheCpeMatched() {
        VulnerabilityIndex index = VulnerabilityIndex.of(RECORDS);

        assertThat(index.match(ComponentRef.ofPurl("pkg:cargo/smallvec@1.6.0"))).extracting(ComponentFinding::basis)
                .containsExactly(MatchBasis.PURL);
        assertThat(index.match(cpe("cpe:2.3:a:*:smallvec:1.6.0:*:*:*:*:*:*:*"))).extracting(ComponentFinding::basis)
                .containsExactly(MatchBasis.CPE);
    }

    @Test
    void aWellFormedPurlDecidesEvenWhenACpeIsPresent() {
        ComponentRef both = new ComponentRef(Optional.of("pkg:cargo/other-crate@1.0.0"),
                Optional.of("cpe:2.3:a:*:smallvec:1.6.0:*:*:*:*:*:*:*"), "other-crate", "1.0.0");
        assertThat(findings(RECORDS, both)).isEmpty();
    }

    @Test
    void aMalformedPurlFallsBackToTheCpe() {
        ComponentRef broken = new ComponentRef(Optional.of("not a purl"), Optional.of("cpe:2.3:a:*:smallvec:1.6.0:*:*:*:*:*:*:*"),
                "smallvec", "1.6.0");
        assertThat(findings(RECORDS, broken)).containsExactly("CARGO-1");
        assertThat(findings(RECORDS, new ComponentRef(Optional.of("not a purl"), Optional.empty(), "x", "1"))).isEmpty();
        assertThat(findings(RECORDS, new ComponentRef(Optional.empty(), Optional.of("cpe:2.3:a"), "x", "1"))).isEmpty();
    }

    private static ComponentRef cpe(String cpe) {
        return ComponentRef.ofCpe(cpe);
    }
}
