package jp.renkei.core.csaf;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import jp.renkei.core.Language;
import jp.renkei.core.csaf.authoring.AdvisoryAuthoring;
import jp.renkei.core.csaf.authoring.AdvisoryInput;
import jp.renkei.core.csaf.authoring.AuthoringResult;
import jp.renkei.core.csaf.authoring.FirmwareRef;
import jp.renkei.core.csaf.authoring.FirmwareStatus;
import jp.renkei.core.csaf.authoring.ProductCatalogue;
import jp.renkei.core.csaf.authoring.ProductCatalogue.Firmware;
import jp.renkei.core.csaf.authoring.ProductCatalogue.Model;
import jp.renkei.core.csaf.authoring.RemediationInput;
import jp.renkei.core.csaf.authoring.VulnerabilityInput;

/**
 * A realistic advisory of a (fictional) Japanese home-router vendor, in Japanese (the original) and in
 * English (its translation): the AirLink R800 with two firmware lines (1.x and 2.x, the 2.x image also
 * running on the ISP variant R800S), the end-of-life AirLink R500, and the unaffected R900. One OS
 * command injection (fixed in 1.4.9 and 2.2.0, with a workaround, no fix for the R500) and one CSRF
 * (2.x only, R500 under investigation). The CVE and JVN ids are made up.
 */
public final class SampleAdvisories {

    public static final String R800 = "HZ-R800";
    public static final String R800S = "HZ-R800S";
    public static final String R500 = "HZ-R500";
    public static final String R900 = "HZ-R900";
    public static final Instant INITIAL = Instant.parse("2025-06-10T06:00:00Z");
    public static final Instant UPDATED = Instant.parse("2025-06-24T06:00:00Z");

    private SampleAdvisories() {
    }

    /** The authored sample; fails the calling test if authoring refuses it. */
    public static AuthoringResult.Authored authored(Language language) {
        AuthoringResult result = AdvisoryAuthoring.author(input(language));
        assertThat(result).as("sample advisory %s", language).isInstanceOf(AuthoringResult.Authored.class);
        return (AuthoringResult.Authored) result;
    }

    /**
     * An older English advisory shared with partners only (TLP:GREEN), released in 2024 and updated in
     * 2025: the same records under another tracking id, for the provider's second TLP and year folder.
     */
    public static AuthoringResult.Authored olderPartnerAdvisory() {
        AdvisoryInput en = input(Language.EN);
        List<Tracking.Revision> revisions = List.of(
                new Tracking.Revision(Instant.parse("2024-11-05T01:00:00Z"), "1", "Initial release to partners."),
                new Tracking.Revision(Instant.parse("2025-01-15T01:00:00Z"), "2", "Added the workaround."));
        AuthoringResult result = AdvisoryAuthoring.author(new AdvisoryInput("HZN-PA-2024-011", en.title(),
                en.language(), Optional.empty(), en.publisher(), Tlp.GREEN, Tracking.Status.FINAL, revisions,
                en.notes(), en.references(), en.catalogue(), en.vulnerabilities(), revisions.get(1).date()));
        assertThat(result).isInstanceOf(AuthoringResult.Authored.class);
        return (AuthoringResult.Authored) result;
    }

    public static ProductCatalogue catalogue(Language language) {
        String vendor = language == Language.JA ? "ほしぞらネットワークス" : "Hoshizora Networks";
        return new ProductCatalogue(vendor, List.of(
                Model.supported(R800, "AirLink R800", List.of(Firmware.of("1.4.8"), Firmware.of("1.4.9"),
                        new Firmware("2.1.3", List.of(R800S)), new Firmware("2.1.4", List.of(R800S)),
                        new Firmware("2.2.0", List.of(R800S)))),
                Model.supported(R800S, "AirLink R800S", List.of()),
                Model.endOfLife(R500, "AirLink R500", LocalDate.of(2023, 3, 31), "AirLink R800",
                        List.of(Firmware.of("3.0.7"))),
                Model.supported(R900, "AirLink R900", List.of(Firmware.of("1.0.2")))));
    }

    public static AdvisoryInput input(Language language) {
        boolean ja = language == Language.JA;
        Publisher publisher = new Publisher(Publisher.Category.VENDOR,
                ja ? "ほしぞらネットワークス PSIRT" : "Hoshizora Networks PSIRT",
                URI.create("https://psirt.hoshizora-net.example"),
                Optional.of("psirt@hoshizora-net.example"), Optional.empty());
        List<Tracking.Revision> revisions = List.of(
                new Tracking.Revision(INITIAL, "1", ja ? "初版公開" : "Initial public release."),
                new Tracking.Revision(UPDATED, "2", ja ? "AirLink R800S を追加" : "Added the AirLink R800S."));
        List<Note> notes = List.of(
                Note.of(Note.Category.SUMMARY, ja ? "概要" : "Summary", ja
                        ? "AirLink シリーズの一部の機種に、OS コマンドインジェクションとクロスサイトリクエストフォージェリの脆弱性があります。"
                        : "Some AirLink routers are vulnerable to OS command injection and cross-site request forgery."),
                Note.of(Note.Category.LEGAL_DISCLAIMER, ja ? "免責事項" : "Disclaimer", ja
                        ? "本情報は現状のまま提供され、いかなる保証も伴いません。"
                        : "This information is provided as is, without warranty of any kind."));
        List<Reference> references = List.of(new Reference(Reference.Category.EXTERNAL,
                URI.create("https://psirt.hoshizora-net.example/advisories/HZN-SA-2025-003.html"),
                ja ? "ほしぞらネットワークスのセキュリティ情報" : "Hoshizora Networks security advisory"));
        return new AdvisoryInput(ja ? "HZN-SA-2025-003" : "HZN-SA-2025-003-EN",
                ja ? "AirLink シリーズにおける複数の脆弱性" : "Multiple vulnerabilities in AirLink routers",
                language, ja ? Optional.empty() : Optional.of(Language.JA), publisher, Tlp.WHITE,
                Tracking.Status.FINAL, revisions, notes, references, catalogue(language),
                List.of(commandInjection(ja), csrf(ja)), UPDATED);
    }

    private static VulnerabilityInput commandInjection(boolean ja) {
        FirmwareRef r800v1 = new FirmwareRef(R800, "1.4.8");
        FirmwareRef r800v2a = new FirmwareRef(R800, "2.1.3");
        FirmwareRef r800v2b = new FirmwareRef(R800, "2.1.4");
        FirmwareRef r800sV2a = new FirmwareRef(R800S, "2.1.3");
        FirmwareRef r800sV2b = new FirmwareRef(R800S, "2.1.4");
        List<FirmwareRef> affected = List.of(r800v1, r800v2a, r800v2b, r800sV2a, r800sV2b, new FirmwareRef(R500, "3.0.7"));
        return VulnerabilityInput.of(
                        ja ? "管理画面における OS コマンドインジェクション" : "OS command injection in the web management page",
                        ja ? "管理画面の診断機能が入力値を検証せずに OS コマンドへ渡すため、LAN 内の認証されていない第三者が任意の OS コマンドを実行できます。"
                                : "The diagnostics function of the web management page passes input to an OS command "
                                + "without validation, so an unauthenticated attacker on the LAN can run arbitrary OS commands.")
                .withCve("CVE-2025-90001")
                .withId("JVN", "JVNVU#90000001")
                .withCwe("CWE-78", "Improper Neutralization of Special Elements used in an OS Command ('OS Command Injection')")
                .withCvssV3("CVSS:3.1/AV:A/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H")
                .withCvssV4("CVSS:4.0/AV:A/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", Optional.empty())
                .withStatus(FirmwareStatus.affected(R800, "1.4.8"), FirmwareStatus.affected(R800, "2.1.3"),
                        FirmwareStatus.affected(R800, "2.1.4"), FirmwareStatus.affected(R800S, "2.1.3"),
                        FirmwareStatus.affected(R800S, "2.1.4"), FirmwareStatus.affected(R500, "3.0.7"),
                        FirmwareStatus.firstFixed(R800, "1.4.9"),
                        FirmwareStatus.notAffected(R900, "1.0.2", Flag.Label.VULNERABLE_CODE_NOT_PRESENT))
                .withRemediation(new RemediationInput.VendorFix(new FirmwareRef(R800, "1.4.9"), List.of(r800v1),
                        ja ? "ファームウェアを 1.4.9 に更新してください。" : "Update the firmware to 1.4.9.",
                        Optional.of(URI.create("https://www.hoshizora-net.example/support/r800/firmware"))))
                .withRemediation(new RemediationInput.VendorFix(new FirmwareRef(R800, "2.2.0"),
                        List.of(r800v2a, r800v2b), ja ? "ファームウェアを 2.2.0 に更新してください。" : "Update the firmware to 2.2.0.",
                        Optional.of(URI.create("https://www.hoshizora-net.example/support/r800/firmware"))))
                .withRemediation(new RemediationInput.VendorFix(new FirmwareRef(R800S, "2.2.0"),
                        List.of(r800sV2a, r800sV2b), ja ? "ファームウェアを 2.2.0 に更新してください（プロバイダー経由で自動配信されます）。"
                                : "Update the firmware to 2.2.0 (your provider rolls it out automatically).",
                        Optional.empty()))
                .withRemediation(new RemediationInput.Workaround(ja
                        ? "更新できるまで、管理画面へのアクセスを信頼できる端末に限定し、ゲスト Wi-Fi を無効にしてください。"
                        : "Until you can update, allow access to the management page from trusted devices only and "
                        + "turn off guest Wi-Fi.", affected))
                .withThreat(Threat.Category.IMPACT, ja ? "LAN 内の第三者に機器を乗っ取られるおそれがあります。"
                        : "An attacker on the LAN can take over the device.")
                .withThreat(Threat.Category.EXPLOIT_STATUS, ja ? "公開時点で悪用は確認されていません。"
                        : "No exploitation was known at the time of release.")
                .withReleaseDate(INITIAL);
    }

    private static VulnerabilityInput csrf(boolean ja) {
        FirmwareRef r800v2a = new FirmwareRef(R800, "2.1.3");
        FirmwareRef r800v2b = new FirmwareRef(R800, "2.1.4");
        return VulnerabilityInput.of(
                        ja ? "管理画面におけるクロスサイトリクエストフォージェリ" : "Cross-site request forgery in the web management page",
                        ja ? "ログイン中の利用者が細工されたページを開くと、意図しない設定変更が行われるおそれがあります。"
                                : "If a logged-in user opens a crafted page, the router's settings can be changed "
                                + "without the user's intent.")
                .withCve("CVE-2025-90002")
                .withCwe("CWE-352", "Cross-Site Request Forgery (CSRF)")
                .withCvssV3("CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:U/C:N/I:H/A:N")
                .withStatus(FirmwareStatus.affected(R800, "2.1.3"), FirmwareStatus.affected(R800, "2.1.4"),
                        FirmwareStatus.firstFixed(R800, "2.2.0"),
                        FirmwareStatus.notAffected(R800, "1.4.8", Flag.Label.COMPONENT_NOT_PRESENT),
                        FirmwareStatus.underInvestigation(R500, "3.0.7"))
                .withRemediation(new RemediationInput.VendorFix(new FirmwareRef(R800, "2.2.0"),
                        List.of(r800v2a, r800v2b), ja ? "ファームウェアを 2.2.0 に更新してください。" : "Update the firmware to 2.2.0.",
                        Optional.empty()))
                .withRemediation(new RemediationInput.Mitigation(ja
                        ? "管理画面を使い終えたら必ずログアウトしてください。" : "Log out of the management page when you are done.",
                        List.of(r800v2a, r800v2b)))
                .withReleaseDate(INITIAL);
    }
}
