package jp.renkei.core.vulnerabilities;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The index answers exactly what the linear scan answers, on random records and components drawn
 * from small pools so that the edge cases (equal versions, "0", limits, unsorted events, releases,
 * name spellings, withdrawn records, CPEs) come up often.
 */
class IndexEquivalenceTest {

    /** An ecosystem, its purl type and namespace rule, and versions in its own syntax. */
    private record Eco(String ecosystem, String purlType, List<String> names, List<String> versions) {
    }

    private static final List<String> SEMVERS = List.of("0.9.0", "1.0.0-rc.1", "1.0.0", "1.0.1", "1.2.0", "2.0.0", "v1.0.0");
    private static final List<Eco> ECOS = List.of(
            new Eco("npm", "npm", List.of("lodash", "@scope/pkg", "Lodash"), SEMVERS),
            new Eco("Go", "golang", List.of("example.com/mod", "golang.org/x/net"), SEMVERS),
            new Eco("crates.io", "cargo", List.of("smallvec", "pkg"), SEMVERS),
            new Eco("PyPI", "pypi", List.of("zope.interface", "Zope_Interface", "pkg"),
                    List.of("1.0.dev1", "1.0a1", "1.0", "1.0.0", "1.0.post1", "1.1", "1!0.5")),
            new Eco("Maven", "maven", List.of("org.example:pkg", "org.apache:log4j-core"),
                    List.of("1.0-alpha1", "1.0", "1.0.0", "1.0.1", "1.1-SNAPSHOT", "1.1", "1.0-sp1")),
            new Eco("Debian:11", "deb", List.of("openssl", "pkg"),
                    List.of("1.0~rc1-1", "1.0-1", "1:0.9-1", "1.0-1+deb11u1", "1.1-1", "1.0-1~")),
            new Eco("Debian:12", "deb", List.of("openssl", "pkg"), List.of("1.0-1", "1.1-1", "1.2-1~bpo12")),
            new Eco("Debian", "deb", List.of("openssl"), List.of("1.0-1", "1.1-1")),
            new Eco("Ubuntu:22.04:LTS", "deb", List.of("openssl"), List.of("1.0-0ubuntu1", "1.0-0ubuntu2", "1.1-0ubuntu1")),
            new Eco("Alpine:v3.18", "apk", List.of("openssl", "pkg"), List.of("1.0-r0", "1.0-r1", "1.0_rc1-r0", "1.1-r0")),
            new Eco("RubyGems", "gem", List.of("rack", "pkg"), List.of("1.0.0.pre", "1.0", "1.0.1", "1.0.0")),
            new Eco("NuGet", "nuget", List.of("Newtonsoft.Json", "pkg"), List.of("1.0.0-RC1", "1.0.0-rc1", "1.0", "1.0.0.1")),
            new Eco("Packagist", "composer", List.of("vendor/pkg", "guzzlehttp/guzzle"), List.of("1.0.0-beta1", "1.0.0", "v1.0.1", "1.1")),
            new Eco("OSS-Fuzz", "generic", List.of("libxml2", "pkg"), List.of("1.0", "1.0a", "1.1", "2", "v1.0")));

    @Test
    void indexAndLinearScanAgreeOnRandomRecordsAndComponents() {
        int nonEmpty = 0;
        int cpeFindings = 0;
        for (long seed : new long[] {1, 2, 42, 20261123}) {
            Random random = new Random(seed);
            List<OsvRecord> records = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
                records.add(randomRecord(random, "R-" + seed + "-" + i));
            }
            VulnerabilityIndex index = VulnerabilityIndex.of(records);
            for (int i = 0; i < 250; i++) {
                ComponentRef component = randomComponent(random);
                List<ComponentFinding> expected = LinearScan.match(records, component);
                assertThat(index.match(component)).as("seed %d, %s", seed, component).isEqualTo(expected);
                nonEmpty += expected.isEmpty() ? 0 : 1;
                cpeFindings += expected.stream().anyMatch(f -> f.basis() == MatchBasis.CPE) ? 1 : 0;
            }
        }
        // Not vacuous: many components have findings, CPE ones among them.
        System.out.printf("IndexEquivalenceTest: %d of 1000 components with findings, %d by CPE%n", nonEmpty, cpeFindings);
        assertThat(nonEmpty).isGreaterThan(400);
        assertThat(cpeFindings).isGreaterThan(20);
    }

    private static OsvRecord randomRecord(Random random, String id) {
        List<OsvAffected> affected = new ArrayList<>();
        int n = 1 + random.nextInt(3);
        for (int i = 0; i < n; i++) {
            Eco eco = pick(random, ECOS);
            List<OsvRange> ranges = new ArrayList<>();
            int r = random.nextInt(3);
            for (int j = 0; j < r; j++) {
                ranges.add(randomRange(random, eco));
            }
            List<String> versions = new ArrayList<>();
            if (random.nextInt(4) == 0) {
                versions.add(pick(random, eco.versions()));
            }
            affected.add(new OsvAffected(eco.ecosystem(), pick(random, eco.names()), Optional.empty(), ranges, versions));
        }
        Optional<Instant> withdrawn = random.nextInt(20) == 0 ? Optional.of(TestRecords.MODIFIED) : Optional.empty();
        return new OsvRecord(id, List.of("CVE-" + id), "", "", Optional.empty(), TestRecords.MODIFIED, withdrawn,
                affected, List.of(), List.of());
    }

    private static OsvRange randomRange(Random random, Eco eco) {
        int t = random.nextInt(10);
        RangeType type = t == 0 ? RangeType.GIT : t < 4 ? RangeType.SEMVER : RangeType.ECOSYSTEM;
        List<RangeEvent> events = new ArrayList<>();
        int n = 1 + random.nextInt(4);
        for (int i = 0; i < n; i++) {
            int k = random.nextInt(10);
            RangeEvent.Kind kind = k < 4 ? RangeEvent.Kind.INTRODUCED : k < 7 ? RangeEvent.Kind.FIXED
                    : k < 9 ? RangeEvent.Kind.LAST_AFFECTED : RangeEvent.Kind.LIMIT;
            String version = kind == RangeEvent.Kind.INTRODUCED && random.nextInt(3) == 0 ? "0"
                    : kind == RangeEvent.Kind.LIMIT && random.nextInt(3) == 0 ? "*" : pick(random, eco.versions());
            events.add(new RangeEvent(kind, version));
        }
        return new OsvRange(type, events);
    }

    private static ComponentRef randomComponent(Random random) {
        Eco eco = pick(random, ECOS);
        String name = pick(random, eco.names());
        String version = pick(random, eco.versions());
        if (random.nextInt(8) == 0) {
            String simple = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf(':')) + 1);
            String vendor = random.nextBoolean() ? "*" : pick(random, List.of("apache", "scope", "example", "x"));
            return ComponentRef.ofCpe("cpe:2.3:a:" + vendor + ":" + simple.toLowerCase() + ":" + version + ":*:*:*:*:*:*:*");
        }
        TreeMap<String, String> qualifiers = new TreeMap<>();
        if (random.nextBoolean()) {
            qualifiers.put("arch", pick(random, List.of("amd64", "arm64", "x86_64")));
        }
        if (eco.purlType().equals("deb") && random.nextBoolean()) {
            qualifiers.put("distro", pick(random, List.of("debian-11", "debian-12", "bookworm", "ubuntu-22.04")));
        }
        if (eco.purlType().equals("apk") && random.nextBoolean()) {
            qualifiers.put("distro", pick(random, List.of("alpine-3.18.4", "alpine-3.17")));
        }
        String namespace = null;
        String simple = name;
        int cut = eco.purlType().equals("maven") ? name.indexOf(':') : name.lastIndexOf('/');
        if (cut > 0) {
            namespace = name.substring(0, cut);
            simple = name.substring(cut + 1);
        }
        if (eco.purlType().equals("deb")) {
            namespace = eco.ecosystem().startsWith("Ubuntu") ? "ubuntu" : "debian";
        }
        try {
            String purl = new PackageURL(eco.purlType(), namespace, simple, random.nextInt(10) == 0 ? null : version,
                    qualifiers, null).canonicalize();
            return new ComponentRef(Optional.of(purl), Optional.empty(), simple, version);
        } catch (MalformedPackageURLException e) {
            throw new AssertionError(e);
        }
    }

    private static <T> T pick(Random random, List<T> list) {
        return list.get(random.nextInt(list.size()));
    }
}
