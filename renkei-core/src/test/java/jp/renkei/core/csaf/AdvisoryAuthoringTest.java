package jp.renkei.core.csaf;

import static org.assertj.core.api.Assertions.assertThat;

import jp.renkei.core.Language;
import jp.renkei.core.csaf.authoring.AuthoringResult;
import org.junit.jupiter.api.Test;

class AdvisoryAuthoringTest {

    @Test
    void authorsTheJapaneseSample() {
        AuthoringResult.Authored a = SampleAdvisories.authored(Language.JA);
        System.out.println(a.jsonText());
    }

    @Test
    void authorsTheEnglishSample() {
        AuthoringResult.Authored a = SampleAdvisories.authored(Language.EN);
        System.out.println(a.jsonText());
    }
}
