package jp.renkei.core.vulnerabilities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import jp.renkei.core.Samples;
import jp.renkei.core.imports.ImportFormatException;
import jp.renkei.core.imports.Parsed;
import jp.renkei.core.imports.ReaderAlarm;
import jp.renkei.core.imports.RecordReader;
import org.junit.jupiter.api.Test;

/** OSV JSON in, records or rejections naming the entry and JSON pointer out. */
class OsvReaderTest {

    @Test
    void readsAGithubAdvisoryWithEveryFieldMatchingUses() {
        OsvRecord r = OsvSamples.record("GHSA-35jh-r3h4-6jhm.json");

        assertThat(r.id()).isEqualTo("GHSA-35jh-r3h4-6jhm");
        assertThat(r.aliases()).containsExactly("CVE-2021-23337");
        assertThat(r.summary()).isEqualTo("Command Injection in lodash");
        assertThat(r.modified()).isEqualTo(Instant.parse("2024-03-15T16:51:21.123456Z"));
        assertThat(r.published()).contains(Instant.parse("2021-05-06T16:05:51Z"));
        assertThat(r.withdrawn()).isEmpty();
        assertThat(r.severity()).containsExactly(
                new OsvSeverity("CVSS_V3", "CVSS:3.1/AV:N/AC:L/PR:H/UI:N/S:U/C:H/I:H/A:H"));
        assertThat(r.references()).containsExactly("https://nvd.nist.gov/vuln/detail/CVE-2021-23337",
                "https://github.com/lodash/lodash");
        assertThat(r.affected()).hasSize(2);
        OsvAffected lodash = r.affected().get(0);
        assertThat(lodash.ecosystem()).isEqualTo("npm");
        assertThat(lodash.name()).isEqualTo("lodash");
        assertThat(lodash.purl()).contains("pkg:npm/lodash");
        assertThat(lodash.ranges()).containsExactly(new OsvRange(RangeType.SEMVER, List.of(
                new RangeEvent(RangeEvent.Kind.INTRODUCED, "0"), new RangeEvent(RangeEvent.Kind.FIXED, "4.17.21"))));
    }

    @Test
    void readsEverySampleRecord() {
        assertThat(OsvSamples.all()).extracting(OsvRecord::id).containsExactly("GHSA-35jh-r3h4-6jhm",
                "GHSA-2xpw-w6gg-jr37", "DSA-5139-1", "GO-2023-1571", "GHSA-jfh8-c2jp-5v3q", "GHSA-22wj-vf5f-wrvj",
                "GHSA-9jwx-wjv4-4v2f", "ALPINE-CVE-2023-5363");
        assertThat(OsvSamples.record("GHSA-22wj-vf5f-wrvj.json").affected().get(0).ranges().get(0).events())
                .contains(new RangeEvent(RangeEvent.Kind.LAST_AFFECTED, "2.1.214"));
        assertThat(OsvSamples.record("GHSA-9jwx-wjv4-4v2f.json").isWithdrawn()).isTrue();
        assertThat(OsvSamples.record("GHSA-2xpw-w6gg-jr37.json").affected().get(1).versions()).contains("2.0.0a1");
    }

    @Test
    void keepsGoodEntriesOfAZipAndRejectsBrokenOnesByEntryAndPointer() {
        List<Parsed<OsvRecord>> parsed;
        List<ReaderAlarm> alarms;
        try (RecordReader<OsvRecord> reader = OsvReader.zip("npm.zip", Samples.open("osv/npm-with-broken-entries.zip"))) {
            parsed = Samples.readAll(reader);
            alarms = reader.alarms();
        }

        assertThat(Samples.rows(parsed)).extracting(OsvRecord::id)
                .containsExactly("GHSA-35jh-r3h4-6jhm", "GHSA-9jwx-wjv4-4v2f");
        assertThat(Samples.rejections(parsed)).extracting(Parsed::line, Parsed.Rejected::reason).containsExactly(
                tuple(2L, "GHSA-bad1-type-0001.json: /affected/0/ranges/0/type: "
                        + "unknown range type \"FOO\" (SEMVER, ECOSYSTEM or GIT)"),
                tuple(4L, "GHSA-bad2-even-0002.json: /affected/0/ranges/0/events/1: "
                        + "an event has exactly one of introduced, fixed, last_affected, limit but has [introduced, fixed]"),
                tuple(6L, "GHSA-bad3-json-0003.json: invalid JSON at line 6, column 3: "
                        + "Unexpected close marker ']': expected '}' (for Object starting at line: 5, column: 5)"),
                tuple(7L, "GHSA-bad4-modi-0004.json: /modified: missing"));
        assertThat(alarms).containsExactly(new ReaderAlarm(OsvReader.SKIPPED_ENTRY,
                "npm.zip: entry 5 \"README.txt\" is not a .json file and was skipped"));
    }

    @Test
    void namesTheFieldOfWrongTypesAndBadTimes() {
        assertThat(reason("{\"id\": 7, \"modified\": \"2024-01-01T00:00:00Z\"}")).isEqualTo("x.json: /id: expected a string but found number");
        assertThat(reason("{\"id\": \"X-1\", \"modified\": \"yesterday\"}")).isEqualTo("x.json: /modified: not an RFC 3339 time: \"yesterday\"");
        assertThat(reason("{\"id\": \"X-1\", \"modified\": \"2024-01-01T00:00:00Z\", \"affected\": "
                + "[{\"package\": {\"ecosystem\": \"npm\"}}]}")).isEqualTo("x.json: /affected/0/package/name: missing");
        assertThat(reason("{\"id\": \"X-1\", \"modified\": \"2024-01-01T00:00:00Z\", \"affected\": "
                + "[{\"ranges\": [{\"type\": \"SEMVER\", \"events\": [{\"fixed\": 2}]}]}]}"))
                .isEqualTo("x.json: /affected/0/ranges/0/events/0/fixed: expected a string but found number");
        assertThat(reason("{\"id\": \"X-1\", \"modified\": \"2024-01-01T00:00:00Z\", \"affected\": "
                + "[{\"ranges\": [{\"type\": \"SEMVER\", \"events\": [{\"repo\": \"x\"}]}]}]}"))
                .isEqualTo("x.json: /affected/0/ranges/0/events/0: an event has exactly one of introduced, fixed, "
                        + "last_affected, limit but has none");
        assertThat(reason("[1, 2]")).isEqualTo("x.json: /: expected an OSV object but found array");
        assertThat(reason("")).isEqualTo("x.json: empty, no OSV record");
        assertThat(reason("{\"id\": \"X-1\", \"modified\": \"2024-01-01T00:00:00Z\"} {}"))
                .startsWith("x.json: invalid JSON: more content after the record at line 1");
    }

    @Test
    void keepsARecordWhoseAffectedPackageIsMissingButMatchesNothingWithIt() {
        // osv.dev's CVE records name no package, only Git ranges and tags.
        Parsed<OsvRecord> parsed = OsvReader.json("CVE-2024-0001.json", ("{\"id\": \"CVE-2024-0001\", \"modified\": "
                + "\"2024-01-01T00:00:00+09:00\", \"affected\": [{\"ranges\": [{\"type\": \"GIT\", \"repo\": "
                + "\"https://example.org/x.git\", \"events\": [{\"introduced\": \"0\"}, {\"fixed\": \"abc123\"}]}], "
                + "\"versions\": [\"v1.0\"]}]}").getBytes(StandardCharsets.UTF_8));

        OsvRecord r = ((Parsed.Row<OsvRecord>) parsed).value();
        assertThat(r.modified()).isEqualTo(Instant.parse("2023-12-31T15:00:00Z"));
        assertThat(r.affected().get(0).ecosystem()).isEmpty();
        assertThat(VulnerabilityIndex.of(List.of(r)).match(ComponentRef.ofPurl("pkg:generic/x@v1.0"))).isEmpty();
    }

    @Test
    void writesJsonThatReadsBackToTheSameRecord() {
        for (OsvRecord r : OsvSamples.all()) {
            Parsed<OsvRecord> again = OsvReader.json(r.id(), OsvReader.toJson(r).getBytes(StandardCharsets.UTF_8));
            assertThat(again).isEqualTo(new Parsed.Row<>(1, r));
        }
        OsvRecord bare = new OsvRecord("X-1", List.of(), "", "", Optional.empty(), Instant.parse("2024-01-01T00:00:00Z"),
                Optional.empty(), List.of(), List.of(), List.of());
        assertThat(OsvReader.json("x", OsvReader.toJson(bare).getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(new Parsed.Row<>(1, bare));
    }

    @Test
    void refusesAFileThatIsNoZip() {
        assertThatThrownBy(() -> OsvReader.zip("dump.zip", new ByteArrayInputStream("{\"id\": 1}".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(ImportFormatException.class)
                .hasMessage("dump.zip: not a zip archive, or a zip without entries");
    }

    @Test
    void stopsWithARejectionWhereAZipIsCutShort() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (String name : List.of("GHSA-35jh-r3h4-6jhm.json", "GO-2023-1571.json")) {
                zip.putNextEntry(new ZipEntry(name));
                zip.write(OsvSamples.bytes(name));
                zip.closeEntry();
            }
        }
        byte[] whole = bytes.toByteArray();
        byte[] cut = Arrays.copyOf(whole, whole.length * 3 / 4);

        List<Parsed<OsvRecord>> parsed;
        try (RecordReader<OsvRecord> reader = OsvReader.zip("cut.zip", new ByteArrayInputStream(cut))) {
            parsed = Samples.readAll(reader);
        }

        assertThat(Samples.rows(parsed)).extracting(OsvRecord::id).containsExactly("GHSA-35jh-r3h4-6jhm");
        assertThat(Samples.rejections(parsed)).singleElement().satisfies(r -> {
            assertThat(r.line()).isEqualTo(2);
            assertThat(r.reason()).startsWith("cut.zip: unreadable zip, rest of the file skipped: entry 2 \"GO-2023-1571.json\"");
        });
    }

    private static String reason(String json) {
        Parsed<OsvRecord> parsed = OsvReader.json("x.json", json.getBytes(StandardCharsets.UTF_8));
        assertThat(parsed).isInstanceOf(Parsed.Rejected.class);
        return ((Parsed.Rejected<OsvRecord>) parsed).reason();
    }
}
