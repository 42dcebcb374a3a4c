package jp.renkei.bench.vulnerabilities;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import jp.renkei.core.vulnerabilities.ComponentRef;
import jp.renkei.core.vulnerabilities.OsvAffected;
import jp.renkei.core.vulnerabilities.OsvRange;
import jp.renkei.core.vulnerabilities.OsvReader;
import jp.renkei.core.vulnerabilities.OsvRecord;
import jp.renkei.core.vulnerabilities.OsvSeverity;
import jp.renkei.core.vulnerabilities.RangeEvent;
import jp.renkei.core.vulnerabilities.RangeType;

/**
 * An OSV dump and an SBOM shaped like the real ones, deterministic per seed. Records spread over
 * 87,000 npm, PyPI, Maven, Go and Debian (10, 11, 12) packages, a few popular packages carrying
 * far more than the rest (each of Debian's ten hot source packages such as {@code linux} about
 * 900 records, each of the twenty hot ones of the other ecosystems about 70–135); ranges with
 * {@code introduced: "0"}, several pairs, {@code last_affected}, PyPI versions lists. The SBOM is a
 * device firmware's: each package once, mostly Debian, then npm, PyPI, Go and Maven, some known
 * only by CPE, three in ten packages no record mentions.
 */
final class SyntheticOsv {

    private static final String[] WORDS = {"core", "http", "json", "xml", "yaml", "auth", "crypto", "ssl", "log",
        "util", "parse", "stream", "image", "net", "web", "cache", "queue", "config", "test", "time", "date", "path",
        "file", "zip", "compress", "template", "server", "client", "proxy", "socket", "async", "promise", "event",
        "render", "markdown", "sql", "db", "orm", "schema", "valid", "string", "text", "font", "color", "mail",
        "cli", "shell", "graph", "math", "cloud"};
    private static final String[] HOT_DEBIAN = {"linux", "chromium", "firefox-esr", "openssl", "imagemagick",
        "thunderbird", "curl", "glibc", "openjdk-17", "php8.2"};
    private static final int NPM = 0;
    private static final int PYPI = 1;
    private static final int MAVEN = 2;
    private static final int GO = 3;
    private static final int DEBIAN = 4;
    private static final String[] ECOSYSTEMS = {"npm", "PyPI", "Maven", "Go", "Debian"};
    // Distinct packages per ecosystem and each ecosystem's share of records (in percent).
    private static final int[] POOL = {40_000, 15_000, 12_000, 8_000, 12_000};
    private static final int HOT = 20;
    private static final int[] RECORD_SHARE = {30, 15, 15, 10, 30};
    private static final Instant MODIFIED = Instant.parse("2026-11-01T00:00:00Z");
    // Advisory texts of the lengths osv.dev's run to (a few hundred characters to a few KB), shared
    // between records so 300,000 of them cost no memory, but written out in full to the zip.
    private static final String[] DETAILS = details(200, 600, 1_000, 1_500, 2_200, 3_000);

    private SyntheticOsv() {
    }

    static List<OsvRecord> records(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<OsvRecord> records = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int eco = ecosystemOf(random.nextInt(100), RECORD_SHARE);
            records.add(record(random, i, eco));
        }
        return records;
    }

    private static OsvRecord record(SplittableRandom random, int n, int eco) {
        String name = packageName(random, eco, eco == DEBIAN ? 10 : 3);
        List<OsvAffected> affected = new ArrayList<>();
        String id;
        if (eco == DEBIAN) {
            id = "DEBIAN-CVE-" + (2014 + n % 13) + "-" + (10_000 + n);
            int[] releases = random.nextBoolean() ? new int[] {11, 12} : random.nextBoolean() ? new int[] {12} : new int[] {10, 11, 12};
            for (int release : releases) {
                affected.add(new OsvAffected("Debian:" + release, name, Optional.empty(),
                        List.of(range(random, eco, release)), List.of()));
            }
        } else {
            id = switch (eco) {
                case GO -> "GO-" + (2020 + n % 7) + "-" + n;
                case PYPI -> "PYSEC-" + (2018 + n % 9) + "-" + n;
                default -> "GHSA-" + ghsa(n);
            };
            OsvRange range = range(random, eco, 0);
            affected.add(new OsvAffected(ECOSYSTEMS[eco], name, Optional.empty(), List.of(range),
                    eco == PYPI ? versionsList(random, range) : List.of()));
        }
        String cve = "CVE-" + (2014 + n % 13) + "-" + (10_000 + n);
        return new OsvRecord(id, List.of(cve), "Synthetic vulnerability " + n + " in " + name,
                DETAILS[random.nextInt(DETAILS.length)], Optional.of(MODIFIED),
                MODIFIED, Optional.empty(), affected,
                List.of(new OsvSeverity("CVSS_V3", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H")),
                List.of("https://nvd.nist.gov/vuln/detail/" + cve));
    }

    private static OsvRange range(SplittableRandom random, int eco, int release) {
        List<RangeEvent> events = new ArrayList<>();
        int major = random.nextInt(6);
        int minor = random.nextInt(20);
        events.add(new RangeEvent(RangeEvent.Kind.INTRODUCED, random.nextInt(5) < 2 ? "0" : version(eco, release, major, minor, 0)));
        String end = version(eco, release, major, minor, 1 + random.nextInt(30));
        events.add(new RangeEvent(random.nextInt(10) == 0 ? RangeEvent.Kind.LAST_AFFECTED : RangeEvent.Kind.FIXED, end));
        if (random.nextInt(5) == 0) { // a second introduced/fixed pair on a later major
            events.add(new RangeEvent(RangeEvent.Kind.INTRODUCED, version(eco, release, major + 1, 0, 0)));
            events.add(new RangeEvent(RangeEvent.Kind.FIXED, version(eco, release, major + 1, minor, 1 + random.nextInt(30))));
        }
        RangeType type = eco == NPM || eco == GO ? RangeType.SEMVER : RangeType.ECOSYSTEM;
        return new OsvRange(type, events);
    }

    /** A version in the ecosystem's own syntax. */
    static String version(int eco, int release, int major, int minor, int patch) {
        return switch (eco) {
            case MAVEN -> major + "." + minor + "." + patch + (patch % 7 == 3 ? ".Final" : "");
            case PYPI -> major + "." + minor + "." + patch + (patch % 11 == 5 ? "rc1" : "");
            case DEBIAN -> (major == 5 ? "1:" : "") + major + "." + minor + "." + patch + "-" + (1 + patch % 3)
                    + (release > 0 ? "+deb" + release + "u" + (patch % 4) : "");
            default -> major + "." + minor + "." + patch;
        };
    }

    private static List<String> versionsList(SplittableRandom random, OsvRange range) {
        String fixed = range.events().get(1).version();
        String[] parts = fixed.replace("rc1", "").split("\\.");
        List<String> versions = new ArrayList<>();
        int upTo = Math.min(Integer.parseInt(parts[2]), 15);
        for (int p = 0; p < upTo; p++) {
            versions.add(parts[0] + "." + parts[1] + "." + p);
        }
        return versions;
    }

    /** A package of the ecosystem: one of its hot ones {@code hotPercent}% of the time, else any. */
    private static String packageName(SplittableRandom random, int eco, int hotPercent) {
        if (random.nextInt(100) < hotPercent) {
            return eco == DEBIAN ? HOT_DEBIAN[random.nextInt(HOT_DEBIAN.length)] : packageName(eco, random.nextInt(HOT));
        }
        return packageName(eco, random.nextInt(POOL[eco]));
    }

    static String packageName(int eco, int n) {
        String a = WORDS[n % WORDS.length];
        String b = WORDS[(n / WORDS.length) % WORDS.length];
        int suffix = n / (WORDS.length * WORDS.length);
        return switch (eco) {
            case NPM -> (n % 5 == 0 ? "@" + a + "/" + b : a + "-" + b) + "-" + suffix;
            case PYPI -> "py" + a + "_" + b + suffix;
            case MAVEN -> "org." + a + "." + suffix + ":" + a + "-" + b;
            case GO -> "github.com/" + a + suffix + "/" + b;
            default -> "lib" + a + "-" + b + suffix;
        };
    }

    private static String ghsa(int n) {
        String s = Integer.toString(n, 32) + "xxxxxxxxxxxx";
        return s.substring(0, 4) + "-" + s.substring(4, 8) + "-" + s.substring(8, 12);
    }

    private static int ecosystemOf(int percent, int[] shares) {
        int sum = 0;
        for (int i = 0; i < shares.length; i++) {
            sum += shares[i];
            if (percent < sum) {
                return i;
            }
        }
        return shares.length - 1;
    }

    /**
     * A firmware SBOM of {@code count} distinct components: 35% Debian, 25% npm, 15% PyPI, 10% Go,
     * 10% Maven, 5% known by CPE only; three in ten name packages no record mentions.
     */
    static List<ComponentRef> sbom(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<ComponentRef> components = new ArrayList<>(count);
        Set<String> listed = new HashSet<>();
        int[] shares = {25, 15, 10, 10, 35, 5};
        for (int i = 0; components.size() < count; i++) {
            int eco = ecosystemOf(random.nextInt(100), shares);
            int major = random.nextInt(6);
            int minor = random.nextInt(20);
            int patch = random.nextInt(32);
            if (eco == 5) {
                String product = packageName(random, DEBIAN, 10);
                if (!listed.add("cpe " + product)) {
                    continue;
                }
                components.add(ComponentRef.ofCpe("cpe:2.3:a:*:" + product + ":" + major + "." + minor + "." + patch
                        + ":*:*:*:*:*:*:*"));
                continue;
            }
            boolean unlisted = random.nextInt(10) < 3;
            String name = unlisted ? "unlisted-" + i : packageName(random, eco, 3);
            if (!listed.add(eco + " " + name)) {
                continue; // an SBOM lists each package once
            }
            int release = 11 + random.nextInt(2);
            String version = version(eco, eco == DEBIAN ? release : 0, major, minor, patch);
            components.add(ComponentRef.ofPurl(purl(eco, name, version, release)));
        }
        return components;
    }

    private static String purl(int eco, String name, String version, int release) {
        return switch (eco) {
            case NPM -> "pkg:npm/" + name.replace("@", "%40") + "@" + version;
            case PYPI -> "pkg:pypi/" + name + "@" + version;
            case MAVEN -> "pkg:maven/" + name.replace(':', '/') + "@" + version + "?type=jar";
            case GO -> "pkg:golang/" + name + "@v" + version;
            default -> "pkg:deb/debian/" + name + "@" + version.replace(":", "%3A")
                    + "?arch=arm64&distro=debian-" + release;
        };
    }

    private static String[] details(int... lengths) {
        String sentence = "A crafted request to the affected component lets a remote attacker read memory "
                + "beyond the end of a buffer (\"heap overflow\"); upgrade to the fixed version. ";
        String[] out = new String[lengths.length];
        for (int i = 0; i < lengths.length; i++) {
            out[i] = sentence.repeat(lengths[i] / sentence.length() + 1).substring(0, lengths[i]);
        }
        return out;
    }

    /** The records as osv.dev publishes them: a zip with one {@code <id>.json} per record. */
    static byte[] zip(List<OsvRecord> records) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(records.size() * 300);
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (OsvRecord r : records) {
                zip.putNextEntry(new ZipEntry(r.id() + ".json"));
                zip.write(OsvReader.toJson(r).getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
