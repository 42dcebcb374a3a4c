package jp.renkei.server.vendor.psirt;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** CVSS 3.1 and 4.0 base scores from their vectors, and vectors refused with the reason. */
class CvssScoreTest {

    @ParameterizedTest(name = "{0} → {1} ({2})")
    @CsvSource(textBlock = """
            CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H,     9.8, critical
            CVSS:3.1/AV:L/AC:H/PR:H/UI:R/S:U/C:L/I:N/A:N,     1.8, low
            CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H,     10.0, critical
            CVSS:3.1/AV:A/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N,     0.0, none
            CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:N/A:N,     6.5, medium
            """)
    void scoresCvss31Vectors(String vector, double score, String severity) {
        CvssScore.Reading r = CvssScore.v31(vector);

        assertThat(r).isInstanceOfSatisfying(CvssScore.Scored.class, s -> {
            assertThat(s.score().baseScore()).isEqualTo(score);
            assertThat(s.score().severity()).isEqualTo(severity);
        });
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(textBlock = """
            CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N, 9.3
            CVSS:4.0/AV:P/AC:H/AT:P/PR:H/UI:A/VC:L/VI:N/VA:N/SC:N/SI:N/SA:N, 1.0
            CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H, 10.0
            CVSS:4.0/AV:N/AC:L/AT:N/PR:L/UI:N/VC:H/VI:N/VA:N/SC:N/SI:N/SA:N, 7.1
            """)
    void scoresCvss40Vectors(String vector, double score) {
        assertThat(CvssScore.v40(vector)).isInstanceOfSatisfying(CvssScore.Scored.class,
                s -> assertThat(s.score().baseScore()).isEqualTo(score));
    }

    @ParameterizedTest(name = "3.1 {0} is refused: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H            | A
            CVSS:3.1/AV:Q/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H        | AV: Q
            CVSS:3.1/AV:N/AV:L/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H   | AV appears more than once
            CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/ZZ:1   | ZZ
            CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/       | '' is not a metric
            CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H        | must start with 'CVSS:3.1/'
            CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N | must start with 'CVSS:3.1/'
            AV:N/AC:L/PR:N                                      | must start with 'CVSS:3.1/'
            """)
    void refusesInvalidCvss31VectorsNamingWhatIsWrong(String vector, String reason) {
        assertThat(CvssScore.v31(vector)).isInstanceOfSatisfying(CvssScore.Invalid.class,
                i -> assertThat(i.detail()).contains(reason));
    }

    @ParameterizedTest(name = "4.0 {0} is refused: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N      | SA
            CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:X | SA: X
            CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:Q | E: Q
            CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H        | must start with 'CVSS:4.0/'
            """)
    void refusesInvalidCvss40VectorsNamingWhatIsWrong(String vector, String reason) {
        assertThat(CvssScore.v40(vector)).isInstanceOfSatisfying(CvssScore.Invalid.class,
                i -> assertThat(i.detail()).contains(reason));
    }
}
