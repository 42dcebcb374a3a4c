package jp.renkei.server.remediation;

import static jp.renkei.core.intake.ProblemKind.EXPOSED_TELNET;
import static jp.renkei.core.intake.ProblemKind.INFECTED;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import jp.renkei.core.Language;
import jp.renkei.core.remediation.RemediationGuide;
import jp.renkei.server.platform.Accounts;
import jp.renkei.server.platform.Role;
import jp.renkei.server.testing.Browser;
import jp.renkei.server.testing.RenkeiTest;
import jp.renkei.server.testing.Tenants;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The ISP writes its own steps per problem and device; subscribers get the most specific entry
 * that fits their device, else the general steps. The editor says which field is wrong, and an
 * entry of another ISP does not exist for the caller.
 */
@RenkeiTest
class RemediationFlowTest {

    @LocalServerPort
    int port;
    @Autowired
    Accounts accounts;
    @Autowired
    RemediationEntries entries;
    @Autowired
    RemediationSteps steps;

    @Test
    void theMostSpecificEntryForTheDeviceWinsDownToTheFirmware() {
        long isp = new Tenants(accounts).newIsp("Steps ISP", Role.OPERATOR).organisationId();
        save(isp, draft(INFECTED, "", "", "", "kind"));
        save(isp, draft(INFECTED, "ExampleCam", "", "", "vendor"));
        save(isp, draft(INFECTED, "ExampleCam", "EC-200", "", "model"));
        save(isp, draft(INFECTED, "ExampleCam", "EC-200", "1.2.3", "firmware"));

        assertThat(title(isp, "examplecam", "ec-200", "1.2.3")).isEqualTo("firmware");
        assertThat(title(isp, "EXAMPLECAM", "EC-200", "9.9")).isEqualTo("model");
        assertThat(title(isp, "ExampleCam", "EC-200", null)).isEqualTo("model");
        assertThat(title(isp, "ExampleCam", "EC-999", "1.2.3")).isEqualTo("vendor");
        assertThat(title(isp, "OtherCam", "EC-200", "1.2.3")).isEqualTo("kind");
        assertThat(title(isp, null, null, null)).isEqualTo("kind");
        assertThat(steps.guidance(isp, INFECTED, Optional.empty(), device("examplecam", "EC-200", "1.2.3"), Language.EN)
                .steps()).containsExactly("firmware EN step 1", "firmware EN step 2");

        // Another problem, or another ISP: the general steps.
        assertThat(steps.guidance(isp, EXPOSED_TELNET, Optional.empty(), device("ExampleCam", "EC-200", "1.2.3"),
                Language.JA)).isEqualTo(RemediationGuide.forProblem(EXPOSED_TELNET, Language.JA));
        long other = new Tenants(accounts).newIsp("Other steps ISP", Role.OPERATOR).organisationId();
        assertThat(steps.guidance(other, INFECTED, Optional.of("Mirai"), device("ExampleCam", "EC-200", "1.2.3"),
                Language.JA)).isEqualTo(RemediationGuide.forProblem(INFECTED, Language.JA, Optional.of("Mirai")));
    }

    @Test
    void theEditorNamesEachWrongFieldThenSavesPreviewsEditsAndDeletes() {
        Tenants.Member operator = new Tenants(accounts).newIsp("Editor ISP", Role.OPERATOR);
        Browser staff = new Browser(port);
        staff.signIn(operator.username(), operator.password());
        assertThat(staff.get("/remediation").body()).contains("id=\"new-entry\"");
        staff.get("/remediation/new");

        Map<String, String> form = form("ExampleCam", "EC-200", "");
        form.put("vendor", "");
        form.put("titleEn", "");
        Browser.Page wrong = staff.post("/remediation", form);
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.body()).contains("id=\"vendor-error\"", "id=\"titleEn-error\"", "data-field=\"titleEn\"",
                "EC-200", "カメラを初期化する").doesNotContain("id=\"titleJa-error\"");

        Browser.Page preview = staff.post("/remediation", with(form("ExampleCam", "EC-200", "2.0"), "action", "preview"));
        assertThat(preview.status()).isEqualTo(200);
        assertThat(preview.body()).contains("id=\"preview-ja\"", "id=\"preview-en\"", "Reset the camera");
        assertThat(entries.list(operator.organisationId())).isEmpty();

        Browser.Page saved = staff.post("/remediation", form("ExampleCam", "EC-200", "2.0"));
        assertThat(saved.status()).isEqualTo(302);
        String location = saved.location().replaceAll("\\?.*", "");
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        assertThat(staff.get("/remediation/" + id + "?saved").body())
                .contains("id=\"saved\"", "id=\"preview-ja\"", "カメラを初期化する", "Reset the camera");

        Browser.Page duplicate = staff.post("/remediation", form("examplecam", "ec-200", "2.0"));
        assertThat(duplicate.status()).isEqualTo(400);
        assertThat(duplicate.body()).contains("id=\"vendor-error\"");

        staff.get("/remediation/" + id);
        assertThat(staff.post("/remediation/" + id, form("ExampleCam", "EC-200", "2.1")).status()).isEqualTo(302);
        assertThat(entries.find(operator.organisationId(), id).orElseThrow().firmware()).isEqualTo("2.1");
        assertThat(staff.get("/remediation").body()).contains("2.1", "カメラの対処");

        assertThat(staff.post("/remediation/" + id + "/delete", Map.of()).status()).isEqualTo(302);
        assertThat(staff.get("/remediation/" + id).status()).isEqualTo(404);
    }

    @Test
    void anotherIspsEntryAnswers404() {
        Tenants tenants = new Tenants(accounts);
        Tenants.Member owner = tenants.newIsp("Owner ISP", Role.ADMINISTRATOR);
        RemediationSave saved = entries.create(owner.organisationId(), draft(INFECTED, "ExampleCam", "", "", "mine"), "t");
        long id = ((RemediationSave.Saved) saved).id();
        Tenants.Member stranger = tenants.newIsp("Stranger ISP", Role.ADMINISTRATOR);
        Browser other = new Browser(port);
        other.signIn(stranger.username(), stranger.password());
        other.get("/remediation/new");

        assertThat(other.get("/remediation/" + id).status()).isEqualTo(404);
        assertThat(other.post("/remediation/" + id, form("Hijack", "", "")).status()).isEqualTo(404);
        assertThat(other.post("/remediation/" + id + "/delete", Map.of()).status()).isEqualTo(404);
        assertThat(other.get("/remediation").body()).doesNotContain("mine");
        assertThat(entries.find(owner.organisationId(), id).orElseThrow().vendor()).isEqualTo("ExampleCam");
    }

    private String title(long isp, String vendor, String model, String firmware) {
        return steps.guidance(isp, INFECTED, Optional.empty(), device(vendor, model, firmware), Language.JA).title();
    }

    private static DeviceDescription device(String vendor, String model, String firmware) {
        return new DeviceDescription(Optional.ofNullable(vendor), Optional.ofNullable(model), Optional.ofNullable(firmware));
    }

    private void save(long isp, RemediationDraft draft) {
        assertThat(entries.create(isp, draft, "test")).isInstanceOf(RemediationSave.Saved.class);
    }

    private static RemediationDraft draft(jp.renkei.core.intake.ProblemKind kind, String vendor, String model,
            String firmware, String title) {
        return new RemediationDraft(kind.code(), vendor, model, firmware, title, "説明", title + " 手順1\n" + title + " 手順2",
                title + " EN", "Why", title + " EN step 1\n\n" + title + " EN step 2");
    }

    private static Map<String, String> form(String vendor, String model, String firmware) {
        Map<String, String> form = new HashMap<>();
        form.put("kind", "infected");
        form.put("vendor", vendor);
        form.put("model", model);
        form.put("firmware", firmware);
        form.put("titleJa", "カメラの対処");
        form.put("explanationJa", "カメラが乗っ取られています。");
        form.put("stepsJa", "カメラを初期化する\nパスワードを変える");
        form.put("titleEn", "Fix the camera");
        form.put("explanationEn", "The camera was taken over.");
        form.put("stepsEn", "Reset the camera\nChange the password");
        return form;
    }

    private static Map<String, String> with(Map<String, String> form, String key, String value) {
        form.put(key, value);
        return form;
    }
}
