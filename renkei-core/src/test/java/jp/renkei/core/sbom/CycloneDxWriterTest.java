package jp.renkei.core.sbom;

import static jp.renkei.core.sbom.CycloneDxReaderTest.read;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class CycloneDxWriterTest {

    @ParameterizedTest(name = "{0} → 1.6 JSON → read again")
    @ValueSource(strings = {"rx-200-firmware-1.5.cdx.xml", "rx-200-firmware-1.6.cdx.json", "rx-200-firmware-1.7.cdx.xml"})
    void writesJsonThatReadsBackToTheSameSbom(String sample) {
        Sbom original = read(sample).sbom();

        SbomReading again = CycloneDxReader.read("export.json", CycloneDxWriter.json(original).getBytes(StandardCharsets.UTF_8));

        assertThat(again).isInstanceOfSatisfying(SbomReading.Read.class, r -> {
            assertThat(r.sbom()).isEqualTo(as16(original));
            assertThat(r.format()).isEqualTo(SbomFormat.JSON);
        });
    }

    @ParameterizedTest(name = "{0} → 1.6 XML → read again")
    @ValueSource(strings = {"rx-200-firmware-1.5.cdx.json", "rx-200-firmware-1.6.cdx.xml", "rx-200-firmware-1.7.cdx.json"})
    void writesXmlThatReadsBackToTheSameSbom(String sample) {
        Sbom original = read(sample).sbom();

        SbomReading again = CycloneDxReader.read("export.xml", CycloneDxWriter.xml(original).getBytes(StandardCharsets.UTF_8));

        assertThat(again).isInstanceOfSatisfying(SbomReading.Read.class, r -> {
            assertThat(r.sbom()).isEqualTo(as16(original));
            assertThat(r.format()).isEqualTo(SbomFormat.XML);
        });
    }

    @Test
    void givesAComponentWithVexButNoBomRefOneSoTheStatementStillPointsAtIt() {
        SbomComponent lonely = new SbomComponent(ComponentType.LIBRARY, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), "lodash", Optional.of("4.17.15"), Optional.empty(),
                Optional.of("pkg:npm/lodash@4.17.15"), List.of(), List.of(new VexAnalysis("CVE-2020-8203",
                        Optional.of(VexState.EXPLOITABLE), Optional.empty(), Optional.empty())));
        Sbom sbom = new Sbom("1.6", Optional.empty(), 1, Optional.empty(), List.of(lonely));

        Sbom again = ((SbomReading.Read) CycloneDxReader.read("x.json",
                CycloneDxWriter.json(sbom).getBytes(StandardCharsets.UTF_8))).sbom();

        assertThat(again.components()).singleElement().satisfies(c -> {
            assertThat(c.bomRef()).contains("component-1");
            assertThat(c.vex()).isEqualTo(lonely.vex());
        });
    }

    private static Sbom as16(Sbom sbom) {
        return new Sbom(CycloneDxWriter.SPEC_VERSION, sbom.serialNumber(), sbom.bomVersion(), sbom.subject(),
                sbom.components());
    }
}
