package jp.renkei.core.intake;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Severity grades as cases compare them, and the grade a case has when no report gives one. */
class SeverityTest {

    @Test
    void theWorseOfTwoGradesWinsWhicheverComesFirst() {
        assertThat(Severity.worst(Severity.MEDIUM, Severity.HIGH)).isEqualTo(Severity.HIGH);
        assertThat(Severity.worst(Severity.CRITICAL, Severity.LOW)).isEqualTo(Severity.CRITICAL);
        assertThat(Severity.worst(Severity.INFO, Severity.INFO)).isEqualTo(Severity.INFO);
        assertThat(Severity.HIGH.isWorseThan(Severity.MEDIUM)).isTrue();
        assertThat(Severity.MEDIUM.isWorseThan(Severity.MEDIUM)).isFalse();
    }

    @Test
    void codesAreLowerCaseAndParseBack() {
        for (Severity s : Severity.values()) {
            assertThat(s.code()).isEqualTo(s.name().toLowerCase(java.util.Locale.ROOT));
            assertThat(Severity.parse(s.code())).contains(s);
        }
    }

    @Test
    void devicesThatHarmOthersDefaultToHighReachableServicesToMedium() {
        assertThat(ProblemKind.INFECTED.defaultSeverity()).isEqualTo(Severity.HIGH);
        assertThat(ProblemKind.COMPROMISED.defaultSeverity()).isEqualTo(Severity.HIGH);
        assertThat(ProblemKind.BRUTE_FORCE_SOURCE.defaultSeverity()).isEqualTo(Severity.HIGH);
        assertThat(ProblemKind.VULNERABLE_SERVICE.defaultSeverity()).isEqualTo(Severity.MEDIUM);
        assertThat(ProblemKind.EXPOSED_TELNET.defaultSeverity()).isEqualTo(Severity.MEDIUM);
        assertThat(ProblemKind.EXPOSED_SERVICE.defaultSeverity()).isEqualTo(Severity.MEDIUM);
        assertThat(ProblemKind.UNMAPPED.defaultSeverity()).isEqualTo(Severity.INFO);
    }
}
