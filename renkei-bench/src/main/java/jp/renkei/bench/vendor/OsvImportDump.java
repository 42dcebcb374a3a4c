package jp.renkei.bench.vendor;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A generated OSV dump shaped like osv.dev's per-ecosystem zips: one {@code <id>.json} per record,
 * with aliases, summary and details, a CVSS vector, references, and one affected package with a
 * range (semver for npm, Go and crates.io; ecosystem order for PyPI, Maven and Debian). The same
 * records can be written as CSV rows {@code id,modified,record} for PostgreSQL's COPY.
 */
final class OsvImportDump {

    /** An ecosystem and how its packages are named in OSV and as purls. */
    record Ecosystem(String osv, String purlType, String rangeType, String versionSuffix) {}

    static final List<Ecosystem> ECOSYSTEMS = List.of(
            new Ecosystem("npm", "npm", "SEMVER", ""),
            new Ecosystem("PyPI", "pypi", "ECOSYSTEM", ""),
            new Ecosystem("Maven", "maven", "ECOSYSTEM", ""),
            new Ecosystem("Go", "golang", "SEMVER", ""),
            new Ecosystem("crates.io", "cargo", "SEMVER", ""),
            new Ecosystem("Debian:12", "deb", "ECOSYSTEM", "-1"));

    private static final String DETAILS = "A crafted request to the affected component can make it read past the end of"
            + " a buffer, which lets a remote attacker crash the service or, under some configurations, run code."
            + " Upgrade to the fixed version.";

    private final int packages;

    /** Records spread over {@code packages} packages per ecosystem. */
    OsvImportDump(int packages) {
        this.packages = packages;
    }

    /** The package of record {@code i}. */
    int packageOf(long i) {
        return (int) ((i * 7919) % packages);
    }

    Ecosystem ecosystemOf(long i) {
        return ECOSYSTEMS.get((int) (i % ECOSYSTEMS.size()));
    }

    /** OSV name of package {@code p} in an ecosystem. */
    static String osvName(Ecosystem e, int p) {
        return switch (e.purlType()) {
            case "maven" -> "org.example.lib" + (p % 97) + ":component-" + p;
            case "golang" -> "github.com/example" + (p % 97) + "/module-" + p;
            default -> "package-" + p;
        };
    }

    /** A purl naming package {@code p} at {@code version}. */
    static String purl(Ecosystem e, int p, String version) {
        return switch (e.purlType()) {
            case "maven" -> "pkg:maven/org.example.lib" + (p % 97) + "/component-" + p + "@" + version;
            case "golang" -> "pkg:golang/github.com/example" + (p % 97) + "/module-" + p + "@v" + version;
            case "deb" -> "pkg:deb/debian/package-" + p + "@" + version + "-1?distro=debian-12";
            default -> "pkg:" + e.purlType() + "/package-" + p + "@" + version;
        };
    }

    /** Record {@code i}: affects its package from 1.{i%5}.0 up to, not including, 1.{i%5}.{3+i%7}. */
    String record(long i) {
        Ecosystem e = ecosystemOf(i);
        int p = packageOf(i);
        int minor = (int) (i % 5);
        String introduced = "1." + minor + ".0" + e.versionSuffix();
        String fixed = "1." + minor + "." + (3 + i % 7) + e.versionSuffix();
        String id = id(i);
        String modified = Instant.parse("2024-01-01T00:00:00Z").plusSeconds(i * 60).toString();
        return String.format(Locale.ROOT, """
                {"schema_version":"1.6.0","id":"%s","modified":"%s","published":"2023-06-01T00:00:00Z",\
                "aliases":["CVE-2023-%d"],"summary":"Buffer over-read in %s","details":"%s",\
                "severity":[{"type":"CVSS_V3","score":"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"}],\
                "affected":[{"package":{"ecosystem":"%s","name":"%s"},"ranges":[{"type":"%s","events":\
                [{"introduced":"%s"},{"fixed":"%s"}]}]}],\
                "references":[{"type":"ADVISORY","url":"https://example.org/advisories/%s"},\
                {"type":"PACKAGE","url":"https://example.org/packages/%d"}]}""",
                id, modified, 10_000 + i, osvName(e, p), DETAILS, e.osv(), osvName(e, p), e.rangeType(), introduced,
                fixed, id, p);
    }

    static String id(long i) {
        String digits = String.format(Locale.ROOT, "%012x", i * 2654435761L & 0xffffffffffffL);
        return "GHSA-" + digits.substring(0, 4) + "-" + digits.substring(4, 8) + "-" + digits.substring(8, 12);
    }

    /** Writes records {@code from} … {@code to - 1} as a zip of JSON files. */
    void writeZip(OutputStream out, long from, long to) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (long i = from; i < to; i++) {
                zip.putNextEntry(new ZipEntry(id(i) + ".json"));
                zip.write(record(i).getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
    }

    /** Writes the same records as CSV rows {@code id,modified,record} for COPY. */
    void writeCsv(Writer out, long n) throws IOException {
        for (long i = 0; i < n; i++) {
            String json = record(i);
            String modified = json.replaceAll("(?s).*?\"modified\":\"([^\"]+)\".*", "$1");
            out.write(id(i) + "," + modified + ",\"" + json.replace("\"", "\"\"") + "\"\n");
        }
    }

    /** A CycloneDX 1.6 SBOM of {@code components} components drawn from the dump's packages, half of them affected. */
    String sbom(int seed, int components) {
        Random random = new Random(seed);
        StringBuilder json = new StringBuilder("{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.6\",\"components\":[");
        for (int c = 0; c < components; c++) {
            Ecosystem e = ECOSYSTEMS.get(random.nextInt(ECOSYSTEMS.size()));
            int p = random.nextInt(packages);
            String version = "1." + random.nextInt(5) + "." + random.nextInt(12);
            json.append(c == 0 ? "" : ",").append("{\"type\":\"library\",\"name\":\"").append(osvName(e, p))
                    .append("\",\"version\":\"").append(version).append("\",\"purl\":\"").append(purl(e, p, version))
                    .append("\"}");
        }
        return json.append("]}").toString();
    }
}
