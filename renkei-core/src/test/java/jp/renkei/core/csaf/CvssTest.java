package jp.renkei.core.csaf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jp.renkei.core.csaf.cvss.Cvss2;
import jp.renkei.core.csaf.cvss.Cvss3;
import jp.renkei.core.csaf.cvss.Cvss3Metric;
import jp.renkei.core.csaf.cvss.Cvss4Vector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Scores of well-known vectors; the cross-check test compares thousands more with FIRST's calculators. */
class CvssTest {

    @ParameterizedTest(name = "{0} → {1} {2}")
    @CsvSource({
            "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H, 9.8, CRITICAL",
            "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H, 10.0, CRITICAL",
            "CVSS:3.1/AV:A/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H, 8.8, HIGH",
            "CVSS:3.1/AV:L/AC:L/PR:H/UI:R/S:U/C:H/I:H/A:H, 6.5, MEDIUM",
            "CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:U/C:N/I:H/A:N, 6.5, MEDIUM",
            "CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N, 6.1, MEDIUM",
            "CVSS:3.1/AV:P/AC:H/PR:H/UI:R/S:U/C:L/I:N/A:N, 1.6, LOW",
            "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N, 0.0, NONE",
            "CVSS:3.0/AV:N/AC:L/PR:L/UI:N/S:C/C:L/I:L/A:N, 6.4, MEDIUM"})
    void computesTheV3BaseScoreAndSeverity(String vector, double score, String severity) {
        Cvss3 cvss = Cvss3.parse(vector);

        assertThat(cvss.baseScore()).isEqualTo(score);
        assertThat(Cvss3.severity(cvss.baseScore())).isEqualTo(severity);
    }

    @Test
    void temporalMetricsLowerTheScoreAndModifiedMetricsReplaceTheBaseOnes() {
        Cvss3 cvss = Cvss3.parse("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:P/RL:O/RC:C/MAV:L/MPR:H");

        assertThat(cvss.temporalScore()).isEqualTo(8.8);
        assertThat(cvss.environmentalScore()).isEqualTo(6.0);
        assertThat(cvss.value(Cvss3Metric.CR)).isEqualTo("X");
        assertThat(Cvss3.parse("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H").environmentalScore()).isEqualTo(9.8);
    }

    @Test
    void v30AndV31DifferOnlyWhereTheSpecificationsDo() {
        String metrics = "/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H/MS:C/CR:H/IR:H/AR:H";

        assertThat(Cvss3.parse("CVSS:3.0" + metrics).baseScore()).isEqualTo(Cvss3.parse("CVSS:3.1" + metrics).baseScore());
        assertThat(Cvss3.parse("CVSS:3.0" + metrics).environmentalScore()).isEqualTo(10.0);
        assertThat(Cvss3.parse("CVSS:3.1" + metrics).environmentalScore()).isEqualTo(10.0);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "CVSS:2.0/AV:N | CVSS v3 vector must start with CVSS:3.0/ or CVSS:3.1/: 'CVSS:2.0/AV:N'",
            "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H | CVSS v3 vector lacks the base metric A",
            "CVSS:3.1/AV:Q/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H | CVSS v3 metric AV has value 'Q' (allowed: N, A, L, P)",
            "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/A:L | CVSS v3 metric A is given twice",
            "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/XX:1 | CVSS v3 vector has unknown metric 'XX'",
            "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/ | CVSS v3 vector part '' is not METRIC:VALUE"})
    void rejectsMalformedV3VectorsNamingTheProblem(String vector, String message) {
        assertThatThrownBy(() -> Cvss3.parse(vector)).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }

    /** Without environmental metrics the guide's equations give the temporal score as environmental score. */
    @ParameterizedTest(name = "{0} → {1}/{2}/{3}")
    @CsvSource({
            "AV:N/AC:L/Au:N/C:P/I:P/A:P, 7.5, 7.5, 7.5",
            "AV:N/AC:L/Au:N/C:C/I:C/A:C, 10.0, 10.0, 10.0",
            "AV:L/AC:H/Au:N/C:C/I:C/A:C/E:POC/RL:OF/RC:C, 6.2, 4.9, 4.9",
            "AV:N/AC:M/Au:N/C:N/I:P/A:N/CDP:H/TD:H/CR:M/IR:H/AR:M, 4.3, 4.3, 7.7"})
    void computesV2ScoresAsTheGuideDefines(String vector, double base, double temporal, double environmental) {
        Cvss2 cvss = Cvss2.parse(vector);

        assertThat(cvss.baseScore()).isEqualTo(base);
        assertThat(cvss.temporalScore()).isEqualTo(temporal);
        assertThat(cvss.environmentalScore()).isEqualTo(environmental);
    }

    @Test
    void roundsV2ScoresLikeThePublishedCalculators() {
        // 5.0 × 0.90 × 0.90 is 4.0499… in binary; FIRST's and NVD's calculators publish 4.0.
        assertThat(Cvss2.parse("AV:A/AC:L/Au:M/C:N/I:N/A:C/RL:TF/RC:UC").temporalScore()).isEqualTo(4.0);
    }

    @Test
    void rejectsMalformedV2Vectors() {
        assertThatThrownBy(() -> Cvss2.parse("AV:N/AC:L/Au:N/C:P/I:P")).hasMessage("CVSS v2 vector lacks the base metric A");
        assertThatThrownBy(() -> Cvss2.parse("AV:N/AC:L/Au:X/C:P/I:P/A:P"))
                .hasMessage("CVSS v2 metric Au has value 'X' (allowed: M, S, N)");
    }

    @Test
    void checksTheSyntaxOfV40Vectors() {
        assertThat(Cvss4Vector.parse("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:A/U:Red"))
                .isNotNull();
        assertThatThrownBy(() -> Cvss4Vector.parse("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:S"))
                .hasMessage("CVSS v4.0 metric SA has value 'S' (allowed: H, L, N)");
        assertThatThrownBy(() -> Cvss4Vector.parse("CVSS:3.1/AV:N")).hasMessageStartingWith("CVSS v4.0 vector must start");
        assertThat(Cvss4Vector.severity(9.3)).isEqualTo("CRITICAL");
    }
}
