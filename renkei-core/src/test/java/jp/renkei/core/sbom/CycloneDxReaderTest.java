package jp.renkei.core.sbom;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

import jp.renkei.core.Samples;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class CycloneDxReaderTest {

    @ParameterizedTest(name = "CycloneDX {0} {1}")
    @CsvSource({"1.5, json", "1.5, xml", "1.6, json", "1.6, xml", "1.7, json", "1.7, xml"})
    void readsTheSameFirmwareSbomInEveryVersionAndEncoding(String version, String encoding) {
        SbomReading.Read read = read("rx-200-firmware-" + version + ".cdx." + encoding);

        Sbom sbom = read.sbom();
        assertThat(read.format()).isEqualTo(SbomFormat.valueOf(encoding.toUpperCase()));
        assertThat(sbom.specVersion()).isEqualTo(version);
        assertThat(sbom.serialNumber()).contains("urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79");
        assertThat(sbom.subject()).hasValueSatisfying(s -> {
            assertThat(s.type()).isEqualTo(ComponentType.FIRMWARE);
            assertThat(s.label()).isEqualTo("RX-200 firmware 2.1.0");
            assertThat(s.supplier()).contains("Example Networks K.K.");
        });
        assertThat(sbom.components()).extracting(SbomComponent::name).containsExactly("RX-200 mainboard", "u-boot",
                "linux", "busybox", "openssl", "mgmt-agent", "jinja2", "urllib3", "lodash", "log4j-core", "rx-webui");
        SbomComponent log4j = component(sbom, "log4j-core");
        assertThat(log4j.group()).contains("org.apache.logging.log4j");
        assertThat(log4j.purl()).contains("pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1");
        assertThat(component(sbom, "busybox").cpe()).contains("cpe:2.3:a:busybox:busybox:1.36.1:*:*:*:*:*:*:*");
        assertThat(component(sbom, "openssl").purl())
                .contains("pkg:deb/debian/openssl@1.1.1n-0%2Bdeb11u3?arch=armhf&distro=debian-11");
        assertThat(component(sbom, "jinja2").hashes()).containsExactly(new ComponentHash("SHA-256",
                "f2a4d3f1ad8ab8e6bdba0e0bfd2b1a2d0d2a0fd7ab1bd9da6bb4c3a5e2f7b8c9"));
    }

    @ParameterizedTest(name = "CycloneDX {0} {1}")
    @CsvSource({"1.5, json", "1.6, xml", "1.7, json"})
    void keepsDevicesAndFirmwareWithTheirTypeSupplierAndManufacturer(String version, String encoding) {
        Sbom sbom = read("rx-200-firmware-" + version + ".cdx." + encoding).sbom();

        SbomComponent board = component(sbom, "RX-200 mainboard");
        assertThat(board.type()).isEqualTo(ComponentType.DEVICE);
        assertThat(board.supplier()).contains("Example Networks K.K.");
        // manufacturer on a component exists from CycloneDX 1.6 on.
        assertThat(board.manufacturer()).isEqualTo(version.equals("1.5") ? Optional.empty()
                : Optional.of("Example Networks K.K."));
        assertThat(component(sbom, "u-boot").type()).isEqualTo(ComponentType.FIRMWARE);
        assertThat(component(sbom, "linux").type()).isEqualTo(ComponentType.OPERATING_SYSTEM);
    }

    @Test
    void flattensNestedComponentsInDocumentOrderAndNamesWhereEachOneWas() {
        SbomReading.Read json = read("rx-200-firmware-1.6.cdx.json");
        SbomReading.Read xml = read("rx-200-firmware-1.6.cdx.xml");

        assertThat(json.sbom().components()).isEqualTo(xml.sbom().components());
        assertThat(json.notes()).extracting(SbomNote::location).contains("/components/0", "/components/7");
        assertThat(xml.notes()).extracting(SbomNote::location)
                .contains("/bom/components/component[1]", "/bom/components/component[8]");
    }

    @Test
    void keepsComponentsWithoutPurlOrCpeButNotesThemAsUnmatchable() {
        SbomReading.Read read = read("rx-200-firmware-1.7.cdx.json");

        assertThat(read.sbom().components()).extracting(SbomComponent::name).contains("rx-webui", "mgmt-agent");
        assertThat(read.sbom().matchable()).extracting(SbomComponent::name).doesNotContain("rx-webui", "mgmt-agent",
                "RX-200 mainboard").contains("u-boot", "busybox", "jinja2");
        assertThat(read.notes()).extracting(SbomNote::reason).containsExactlyInAnyOrder(
                "component 'RX-200 mainboard rev-B' (device) has neither purl nor cpe: kept, but no vulnerability data can match it",
                "component 'mgmt-agent 2.1.0' (application) has neither purl nor cpe: kept, but no vulnerability data can match it",
                "component 'rx-webui 2.1.0' (application) has neither purl nor cpe: kept, but no vulnerability data can match it");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"rx-200-firmware-1.5.cdx.xml", "rx-200-firmware-1.6.cdx.json", "rx-200-firmware-1.7.cdx.xml"})
    void attachesVexAnalysisToTheComponentItsAffectsNames(String file) {
        Sbom sbom = read(file).sbom();

        assertThat(component(sbom, "log4j-core").vex()).containsExactly(new VexAnalysis("CVE-2021-44228",
                Optional.of(VexState.NOT_AFFECTED), Optional.of("code_not_reachable"),
                Optional.of("JNDI lookups are disabled in the management agent")));
        assertThat(component(sbom, "lodash").vex()).containsExactly(new VexAnalysis("CVE-2020-8203",
                Optional.of(VexState.IN_TRIAGE), Optional.empty(), Optional.empty()));
        assertThat(component(sbom, "busybox").vex()).isEmpty();
    }

    @Test
    void refusesAnUnknownComponentTypeNamingEachJsonPointer() {
        SbomReading.Invalid invalid = invalid("broken-component-type-1.6.cdx.json");

        assertThat(invalid.problems()).extracting(SbomProblem::location).contains("/components/1/type", "/components/2");
        assertThat(invalid.describe()).startsWith("broken-component-type-1.6.cdx.json: ").contains("gadget", "name");
    }

    @Test
    void refusesABadHashInsideANestedComponentNamingItsPointer() {
        SbomReading.Invalid invalid = invalid("broken-nested-hash-1.5.cdx.json");

        assertThat(invalid.problems()).extracting(SbomProblem::location)
                .contains("/components/0/components/0/hashes/0/alg");
    }

    @Test
    void validatesVersion17AgainstThe17Schema() {
        SbomReading.Invalid json = invalid("broken-tlp-1.7.cdx.json");
        SbomReading.Invalid xml = invalid("broken-order-1.7.cdx.xml");

        assertThat(json.problems()).extracting(SbomProblem::location).contains("/metadata/distributionConstraints/tlp");
        assertThat(xml.problems()).first().satisfies(p -> {
            assertThat(p.location()).isEqualTo(
                    "line 8, column 20, element /bom/components/component[1]/components/component[1]/version");
            assertThat(p.message()).contains("version");
        });
    }

    @Test
    void refusesAnUnknownComponentTypeInXmlNamingLineAndElement() {
        SbomReading.Invalid invalid = invalid("broken-component-type-1.6.cdx.xml");

        assertThat(invalid.problems()).isNotEmpty().allSatisfy(p ->
                assertThat(p.location()).startsWith("line 9, ").endsWith("element /bom/components/component[2]"));
        assertThat(invalid.describe()).contains("gadget");
    }

    @Test
    void refusesJsonThatIsNotJsonWithLineAndColumn() {
        SbomReading.Invalid invalid = invalid("broken-syntax.cdx.json");

        assertThat(invalid.problems()).singleElement().satisfies(p -> {
            assertThat(p.location()).startsWith("line 5, column ");
            assertThat(p.message()).startsWith("not valid JSON");
        });
    }

    @Test
    void refusesXmlThatIsNotWellFormed() {
        SbomReading.Invalid invalid = invalid("not-well-formed.cdx.xml");

        assertThat(invalid.problems()).singleElement().satisfies(p -> assertThat(p.location()).startsWith("line 5"));
    }

    @Test
    void refusesADoctypeSoNoEntityIsEverExpanded() {
        SbomReading.Invalid invalid = invalid("doctype.cdx.xml");

        assertThat(invalid.describe()).doesNotContain("root:").containsIgnoringCase("DOCTYPE");
    }

    @Test
    void refusesVersionsOtherThan15To17ByName() {
        SbomReading.Invalid invalid = invalid("unsupported-1.3.cdx.json");

        assertThat(invalid.problems()).singleElement().satisfies(p -> {
            assertThat(p.location()).isEqualTo("/specVersion");
            assertThat(p.message()).isEqualTo("CycloneDX version '1.3' is not read; Renkei reads 1.5, 1.6, 1.7");
        });
    }

    @Test
    void refusesAFileThatIsNeitherJsonNorXml() {
        SbomReading reading = CycloneDxReader.read("sbom.txt", "name,version\nbusybox,1.36.1\n".getBytes());

        assertThat(reading).isInstanceOfSatisfying(SbomReading.Invalid.class, i ->
                assertThat(i.describe()).isEqualTo("sbom.txt: neither CycloneDX JSON (starting with '{') nor XML (starting with '<')"));
    }

    @Test
    void notesAPurlThatIsNotAPackageUrl() {
        String json = """
                {"bomFormat": "CycloneDX", "specVersion": "1.6",
                 "components": [{"type": "library", "name": "odd", "version": "1", "purl": "not a purl"}]}""";

        SbomReading.Read read = (SbomReading.Read) CycloneDxReader.read("odd.json", json.getBytes());

        assertThat(read.sbom().components()).singleElement().satisfies(c -> assertThat(c.purl()).contains("not a purl"));
        assertThat(read.notes()).singleElement().satisfies(n -> {
            assertThat(n.kind()).isEqualTo(SbomNote.Kind.INVALID_PURL);
            assertThat(n.location()).isEqualTo("/components/0/purl");
            assertThat(n.reason()).startsWith("purl 'not a purl' of component 'odd 1' is not a valid package URL");
        });
    }

    @Test
    void notesAVexStatementAboutABomRefThatNamesNoComponent() {
        String json = """
                {"bomFormat": "CycloneDX", "specVersion": "1.6",
                 "components": [{"type": "library", "bom-ref": "lodash", "name": "lodash", "version": "4.17.15",
                                 "purl": "pkg:npm/lodash@4.17.15"}],
                 "vulnerabilities": [
                   {"id": "CVE-2020-8203", "analysis": {"state": "exploitable"},
                    "affects": [{"ref": "urn:cdx:3e671687-395b-41f5-a30f-a58921a69b79/1#lodash"}]},
                   {"id": "CVE-2021-23337", "analysis": {"state": "not_affected", "justification": "code_not_present"},
                    "affects": [{"ref": "underscore"}]}]}""";

        SbomReading.Read read = (SbomReading.Read) CycloneDxReader.read("vex.json", json.getBytes());

        assertThat(read.sbom().components()).singleElement().satisfies(c -> assertThat(c.vex())
                .extracting(VexAnalysis::vulnerabilityId).containsExactly("CVE-2020-8203"));
        assertThat(read.notes()).singleElement().satisfies(n -> {
            assertThat(n.kind()).isEqualTo(SbomNote.Kind.UNKNOWN_BOM_REF);
            assertThat(n.reason()).contains("CVE-2021-23337", "'underscore'");
        });
    }

    static SbomReading.Read read(String sample) {
        SbomReading reading = CycloneDxReader.read(sample, bytes(sample));
        assertThat(reading).as(reading.toString()).isInstanceOf(SbomReading.Read.class);
        return (SbomReading.Read) reading;
    }

    static SbomReading.Invalid invalid(String sample) {
        SbomReading reading = CycloneDxReader.read(sample, bytes(sample));
        assertThat(reading).as(reading.toString()).isInstanceOf(SbomReading.Invalid.class);
        return (SbomReading.Invalid) reading;
    }

    static byte[] bytes(String sample) {
        try (InputStream in = Samples.open("cyclonedx/" + sample)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SbomComponent component(Sbom sbom, String name) {
        List<SbomComponent> found = sbom.components().stream().filter(c -> c.name().equals(name)).toList();
        assertThat(found).as(name).hasSize(1);
        return found.get(0);
    }
}
