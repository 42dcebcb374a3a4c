package jp.renkei.core.csaf;

import static jp.renkei.core.csaf.SampleAdvisories.R500;
import static jp.renkei.core.csaf.SampleAdvisories.R800;
import static jp.renkei.core.csaf.SampleAdvisories.R800S;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import jp.renkei.core.Language;
import jp.renkei.core.csaf.ProductStatus.Status;
import jp.renkei.core.csaf.authoring.AdvisoryAuthoring;
import jp.renkei.core.csaf.authoring.AdvisoryInput;
import jp.renkei.core.csaf.authoring.AuthoringResult;
import jp.renkei.core.csaf.authoring.FirmwareRef;
import jp.renkei.core.csaf.authoring.FirmwareStatus;
import jp.renkei.core.csaf.authoring.RemediationInput;
import jp.renkei.core.csaf.authoring.VulnerabilityInput;
import jp.renkei.core.csaf.validation.MandatoryTests;
import org.junit.jupiter.api.Test;

class AdvisoryAuthoringTest {

    private final Advisory english = SampleAdvisories.authored(Language.EN).advisory();
    private final Advisory japanese = SampleAdvisories.authored(Language.JA).advisory();
    private final Vulnerability injection = english.vulnerabilities().get(0);

    @Test
    void theSamplesAreWrittenExactlyAsTheirPublishedCopies() throws IOException {
        assertThat(SampleAdvisories.authored(Language.JA).jsonText()).isEqualTo(resource("hzn-sa-2025-003.json"));
        assertThat(SampleAdvisories.authored(Language.EN).jsonText()).isEqualTo(resource("hzn-sa-2025-003-en.json"));
    }

    @Test
    void everyAffectedProductHasAnActionAndEveryUnaffectedOneAnImpactStatementAsVexRequires() {
        for (Language language : Language.values()) {
            JsonNode asVex = CsafWriter.toJson(SampleAdvisories.authored(language).advisory());
            ((ObjectNode) asVex.path("document")).put("category", "csaf_vex");

            assertThat(MandatoryTests.run(asVex)).as("%s sample read as VEX", language).isEmpty();
        }
    }

    @Test
    void branchesGoFromVendorToModelToFirmwareVersion() {
        Branch vendor = english.productTree().branches().get(0);
        Branch r800 = vendor.branches().get(0);

        assertThat(vendor.category()).isEqualTo(Branch.Category.VENDOR);
        assertThat(vendor.name()).isEqualTo("Hoshizora Networks");
        assertThat(r800.category()).isEqualTo(Branch.Category.PRODUCT_NAME);
        assertThat(r800.name()).isEqualTo("AirLink R800");
        assertThat(r800.branches()).extracting(Branch::category).containsOnly(Branch.Category.PRODUCT_VERSION);
        assertThat(r800.branches()).extracting(Branch::name).containsExactly("1.4.8", "1.4.9", "2.1.3", "2.1.4", "2.2.0");
        assertThat(r800.branches().get(0).product().orElseThrow())
                .isEqualTo(new FullProductName("FW:HZ-R800:1.4.8", "Hoshizora Networks AirLink R800 firmware 1.4.8"));
    }

    @Test
    void eachModelIsAFullProductNameWithItsModelNumber() {
        assertThat(english.productTree().fullProductNames()).extracting(FullProductName::productId)
                .containsExactly("HW:HZ-R800", "HW:HZ-R800S", "HW:HZ-R500", "HW:HZ-R900");
        assertThat(english.productTree().fullProductNames().get(1).identification().modelNumbers())
                .containsExactly("HZ-R800S");
    }

    @Test
    void firmwareIsInstalledOnEveryModelTheCatalogueSaysItRunsOn() {
        List<Relationship> v213 = english.productTree().relationships().stream()
                .filter(r -> r.productReference().equals("FW:HZ-R800:2.1.3")).toList();

        assertThat(v213).extracting(Relationship::category).containsOnly(Relationship.Category.INSTALLED_ON);
        assertThat(v213).extracting(Relationship::relatesToProductReference).containsExactly("HW:HZ-R800", "HW:HZ-R800S");
        assertThat(v213.get(1).fullProductName()).isEqualTo(new FullProductName("FW:HZ-R800:2.1.3@HW:HZ-R800S",
                "Hoshizora Networks AirLink R800 firmware 2.1.3 installed on AirLink R800S"));
        assertThat(english.productTree().relationships()).noneMatch(r -> r.productReference().equals("FW:HZ-R800:1.4.8")
                && r.relatesToProductReference().equals("HW:HZ-R800S"));
    }

    @Test
    void statusesNameTheFirmwareAsInstalledOnEachModel() {
        assertThat(injection.productStatus().ids(Status.KNOWN_AFFECTED)).containsExactly(
                "FW:HZ-R800:1.4.8@HW:HZ-R800", "FW:HZ-R800:2.1.3@HW:HZ-R800", "FW:HZ-R800:2.1.4@HW:HZ-R800",
                "FW:HZ-R800:2.1.3@HW:HZ-R800S", "FW:HZ-R800:2.1.4@HW:HZ-R800S", "FW:HZ-R500:3.0.7@HW:HZ-R500");
        assertThat(injection.productStatus().ids(Status.FIRST_FIXED)).containsExactly("FW:HZ-R800:1.4.9@HW:HZ-R800");
        assertThat(english.vulnerabilities().get(1).productStatus().ids(Status.UNDER_INVESTIGATION))
                .containsExactly("FW:HZ-R500:3.0.7@HW:HZ-R500");
    }

    @Test
    void aVendorFixNamesTheAffectedFirmwareAndMakesTheFixingFirmwareRecommendedAndFixed() {
        Remediation fix = injection.remediations().get(1);

        assertThat(fix.category()).isEqualTo(Remediation.Category.VENDOR_FIX);
        assertThat(fix.details()).isEqualTo("Update the firmware to 2.2.0.");
        assertThat(fix.productIds()).containsExactly("FW:HZ-R800:2.1.3@HW:HZ-R800", "FW:HZ-R800:2.1.4@HW:HZ-R800");
        assertThat(injection.productStatus().ids(Status.RECOMMENDED)).containsExactly("FW:HZ-R800:1.4.9@HW:HZ-R800",
                "FW:HZ-R800:2.2.0@HW:HZ-R800", "FW:HZ-R800:2.2.0@HW:HZ-R800S");
        assertThat(injection.productStatus().ids(Status.FIXED))
                .containsExactly("FW:HZ-R800:2.2.0@HW:HZ-R800", "FW:HZ-R800:2.2.0@HW:HZ-R800S");
    }

    @Test
    void anEndOfLifeModelWithoutFixGetsNoFixPlannedWithTheAdviceToReplaceIt() {
        Remediation en = remediation(english, Remediation.Category.NO_FIX_PLANNED);
        Remediation ja = remediation(japanese, Remediation.Category.NO_FIX_PLANNED);

        assertThat(en.productIds()).containsExactly("FW:HZ-R500:3.0.7@HW:HZ-R500");
        assertThat(en.details()).isEqualTo("AirLink R500 reached the end of support on 31 March 2023. No fixed "
                + "firmware will be provided for it. Stop using the device and replace it with a supported model "
                + "such as AirLink R800.");
        assertThat(ja.details()).isEqualTo("AirLink R500は2023年3月31日にサポートを終了しました。修正ファームウェアは"
                + "提供されません。使用を中止し、AirLink R800などのサポート対象の機種に買い替えてください。");
    }

    @Test
    void aWorkaroundAndAMitigationApplyToTheFirmwareGiven() {
        assertThat(remediation(english, Remediation.Category.WORKAROUND).productIds()).hasSize(6);
        Remediation mitigation = english.vulnerabilities().get(1).remediations().get(1);
        assertThat(mitigation.category()).isEqualTo(Remediation.Category.MITIGATION);
        assertThat(mitigation.productIds()).containsExactly("FW:HZ-R800:2.1.3@HW:HZ-R800", "FW:HZ-R800:2.1.4@HW:HZ-R800");
    }

    @Test
    void notAffectedFirmwareCarriesItsJustificationAsAFlag() {
        assertThat(injection.flags()).containsExactly(new Flag(Flag.Label.VULNERABLE_CODE_NOT_PRESENT,
                List.of("FW:HZ-R900:1.0.2@HW:HZ-R900"), List.of(), Optional.empty()));
        assertThat(injection.productStatus().ids(Status.KNOWN_NOT_AFFECTED)).containsExactly("FW:HZ-R900:1.0.2@HW:HZ-R900");
    }

    @Test
    void theCvssV3ScoreIsComputedFromTheVectorForTheAffectedProducts() {
        Score score = injection.scores().get(0);

        assertThat(score.cvssV3()).contains(new Score.CvssV3("3.1", "CVSS:3.1/AV:A/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
                8.8, "HIGH"));
        assertThat(score.products()).isEqualTo(injection.productStatus().ids(Status.KNOWN_AFFECTED));
        assertThat(english.vulnerabilities().get(1).scores().get(0).cvssV3().orElseThrow().baseScore()).isEqualTo(6.5);
    }

    @Test
    void aCvssV4VectorIsCarriedAsANoteBecauseCsaf20HasNoFieldForIt() {
        AuthoringResult result = author(input -> input.withCvssV4(
                "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", Optional.of(9.3)));

        Note note = ((AuthoringResult.Authored) result).advisory().vulnerabilities().get(0).notes().stream()
                .filter(n -> n.category() == Note.Category.OTHER).findFirst().orElseThrow();
        assertThat(note.title()).contains("CVSS v4.0");
        assertThat(note.text()).isEqualTo("CVSS v4.0 vector: CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N"
                + " (base score 9.3, CRITICAL). CSAF 2.0 has no field for CVSS v4.0 scores, so it is given in this note.");
        assertThat(((AuthoringResult.Authored) result).jsonText()).doesNotContain("cvss_v4");
    }

    @Test
    void versionAndReleaseDatesComeFromTheRevisionHistory() {
        Tracking tracking = english.document().tracking();

        assertThat(tracking.version()).isEqualTo("2");
        assertThat(tracking.initialReleaseDate()).isEqualTo(SampleAdvisories.INITIAL);
        assertThat(tracking.currentReleaseDate()).isEqualTo(SampleAdvisories.UPDATED);
        assertThat(tracking.generator().orElseThrow().engineName()).isEqualTo("Renkei");
    }

    @Test
    void theEnglishTranslationNamesItsJapaneseSource() {
        assertThat(english.document().lang()).contains("en");
        assertThat(english.document().sourceLang()).contains("ja");
        assertThat(japanese.document().lang()).contains("ja");
        assertThat(japanese.document().sourceLang()).isEmpty();
        assertThat(english.document().category()).isEqualTo("csaf_security_advisory");
        assertThat(english.document().tlp()).contains(Tlp.WHITE);
    }

    @Test
    void anAffectedFirmwareWithoutRemediationIsRefused() {
        AuthoringResult result = author(input -> input.withStatus(FirmwareStatus.affected(R800, "2.2.0")));

        assertThat(problems(result)).containsExactly("vulnerability 1 (CVE-2025-90001): affected product "
                + "FW:HZ-R800:2.2.0@HW:HZ-R800 has no remediation (give a vendor fix, workaround, mitigation, "
                + "no fix planned or none available)");
    }

    @Test
    void firmwareTheCatalogueDoesNotKnowIsRefused() {
        AuthoringResult result = author(input -> input.withStatus(FirmwareStatus.affected(R800S, "1.4.8")));

        assertThat(problems(result)).containsExactly("vulnerability 1 (CVE-2025-90001): HZ-R800S firmware 1.4.8 "
                + "is not in the catalogue (or the catalogue does not say it runs on that model)");
    }

    @Test
    void aFirmwareGivenTwoStatusesIsRefused() {
        AuthoringResult result = author(input -> input.withStatus(FirmwareStatus.underInvestigation(R500, "3.0.7")));

        assertThat(problems(result)).containsExactly(
                "vulnerability 1 (CVE-2025-90001): HZ-R500 firmware 3.0.7 is both affected and under investigation");
    }

    @Test
    void malformedCvssVectorsAreRefusedNamingTheMetric() {
        assertThat(problems(author(input -> input.withCvssV3("CVSS:3.1/AV:N/AC:L/PR:N/UI:X/S:U/C:H/I:H/A:H"))))
                .containsExactly("vulnerability 1 (CVE-2025-90001): CVSS v3 metric UI has value 'X' (allowed: N, R)");
        assertThat(problems(author(input -> input.withCvssV4("CVSS:4.0/AV:N/AC:L/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N",
                Optional.empty())))).containsExactly("vulnerability 1 (CVE-2025-90001): CVSS v4.0 vector lacks the base metric AT");
    }

    @Test
    void aCweWithAnotherWeaknesssNameFailsValidationWithTheTestAndPointer() {
        AuthoringResult result = author(input -> input.withCwe("CWE-78", "Improper Input Validation"));

        assertThat(problems(result)).containsExactly("6.1.11 at '/vulnerabilities/0/cwe/name': the name of CWE-78 is "
                + "'Improper Neutralization of Special Elements used in an OS Command ('OS Command Injection')'");
    }

    @Test
    void noFixPlannedForAModelWithoutEndOfSupportNeedsDetails() {
        AuthoringResult result = author(input -> input.withRemediation(new RemediationInput.NoFixPlanned(R800,
                Optional.empty())));

        assertThat(problems(result)).containsExactly("vulnerability 1 (CVE-2025-90001): no fix planned for HZ-R800 "
                + "needs details, since the catalogue gives no end of support");
    }

    @Test
    void aVendorFixThatAppliesToNothingIsRefused() {
        AuthoringResult result = author(input -> input.withRemediation(new RemediationInput.VendorFix(
                new FirmwareRef(R800, "2.2.0"), List.of(), "Update.", Optional.empty())));

        assertThat(problems(result)).containsExactly(
                "vulnerability 1 (CVE-2025-90001): vendor fix HZ-R800 firmware 2.2.0 applies to no firmware");
    }

    private static AuthoringResult author(UnaryOperator<VulnerabilityInput> change) {
        AdvisoryInput sample = SampleAdvisories.input(Language.EN);
        List<VulnerabilityInput> vulnerabilities = List.of(change.apply(sample.vulnerabilities().get(0)),
                sample.vulnerabilities().get(1));
        return AdvisoryAuthoring.author(new AdvisoryInput(sample.trackingId(), sample.title(), sample.language(),
                sample.sourceLanguage(), sample.publisher(), sample.tlp(), sample.status(), sample.revisions(),
                sample.notes(), sample.references(), sample.catalogue(), vulnerabilities, sample.generatedAt()));
    }

    private static List<String> problems(AuthoringResult result) {
        assertThat(result).isInstanceOf(AuthoringResult.Refused.class);
        return ((AuthoringResult.Refused) result).problems();
    }

    private static Remediation remediation(Advisory advisory, Remediation.Category category) {
        return advisory.vulnerabilities().get(0).remediations().stream().filter(r -> r.category() == category)
                .findFirst().orElseThrow();
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = AdvisoryAuthoringTest.class.getResourceAsStream("/csaf/samples/" + name)) {
            assertThat(in).as("sample %s", name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
