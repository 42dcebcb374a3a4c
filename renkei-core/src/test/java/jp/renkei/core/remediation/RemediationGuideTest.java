package jp.renkei.core.remediation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import jp.renkei.core.Language;
import jp.renkei.core.intake.ProblemKind;
import org.junit.jupiter.api.Test;

class RemediationGuideTest {

    @Test
    void telnetGuidanceInJapaneseTellsWhatToDoInPlainPoliteWords() {
        Guidance g = RemediationGuide.forProblem(ProblemKind.EXPOSED_TELNET, Language.JA);
        assertThat(g.title()).contains("機器");
        assertThat(g.explanation()).contains("telnet").contains("パスワード").contains("ウイルス対策ソフト");
        assertThat(g.steps()).hasSize(4).allMatch(s -> s.endsWith("ください。"));
        assertThat(String.join("", g.steps())).contains("パスワード").contains("無効").contains("ファームウェア").contains("買い替え");
    }

    @Test
    void infectionGuidanceStartsWithARestartAndNamesTheFamilyWhenKnown() {
        Guidance ja = RemediationGuide.forProblem(ProblemKind.INFECTED, Language.JA, Optional.of("mirai"));
        assertThat(ja.explanation()).contains("「mirai」").contains("ウイルス対策ソフト");
        assertThat(ja.steps().get(0)).contains("電源").contains("再起動");
        assertThat(ja.steps().get(1)).contains("パスワード");
        assertThat(String.join("", ja.steps())).contains("初期化");
        Guidance en = RemediationGuide.forProblem(ProblemKind.INFECTED, Language.EN, Optional.of("mirai"));
        assertThat(en.explanation()).contains("(mirai)").contains("Antivirus software on your PC");
        assertThat(en.steps().get(0)).startsWith("Unplug");
        assertThat(RemediationGuide.forProblem(ProblemKind.INFECTED, Language.EN).explanation()).doesNotContain("malware (");
    }

    @Test
    void everyKindHasPlainStepsInBothLanguagesAsPoliteRequests() {
        for (ProblemKind kind : ProblemKind.values()) {
            Guidance ja = RemediationGuide.forProblem(kind, Language.JA);
            Guidance en = RemediationGuide.forProblem(kind, Language.EN);
            assertThat(ja.title()).as(kind.code()).isNotBlank().isNotEqualTo(en.title());
            assertThat(ja.steps()).as(kind.code()).isNotEmpty().allMatch(s -> s.contains("ください。"));
            assertThat(en.steps()).as(kind.code()).hasSameSizeAs(ja.steps());
            if (kind.opensCase()) {
                assertThat(ja.explanation()).as(kind.code()).contains("ウイルス対策ソフト");
                assertThat(en.explanation()).as(kind.code()).contains("Antivirus software on your PC");
            }
        }
    }

    @Test
    void compromisedDevicesAreResetNotJustRestartedAndBruteForceStartsWithARestart() {
        Guidance compromised = RemediationGuide.forProblem(ProblemKind.COMPROMISED, Language.JA, Optional.of("meris"));
        assertThat(compromised.steps().get(0)).contains("初期化");
        assertThat(compromised.explanation()).contains("「meris」");
        assertThat(RemediationGuide.forProblem(ProblemKind.BRUTE_FORCE_SOURCE, Language.EN).steps().get(0))
                .startsWith("Unplug");
        assertThat(String.join("", RemediationGuide.forProblem(ProblemKind.EXPOSED_SERVICE, Language.JA).steps()))
                .contains("UPnP").contains("無効");
        assertThat(String.join("", RemediationGuide.forProblem(ProblemKind.VULNERABLE_SERVICE, Language.JA).steps()))
                .contains("ファームウェア").contains("買い替え");
    }

    @Test
    void noGuidanceContainsALink() {
        for (ProblemKind kind : ProblemKind.values()) {
            for (Language lang : Language.values()) {
                Guidance g = RemediationGuide.forProblem(kind, lang, Optional.of("mirai"));
                String all = g.title() + g.explanation() + String.join("", g.steps());
                assertThat(all).doesNotContain("http").doesNotContain("www.").doesNotContain(".jp");
            }
        }
    }

    @Test
    void languagesHaveStableCodes() {
        assertThat(Language.fromCode("ja")).isEqualTo(Language.JA);
        assertThat(Language.EN.code()).isEqualTo("en");
    }
}
