package jp.renkei.server.vendor.psirt;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** CVE, JVN, JVNDB and CWE ids as their registries write them. */
class IdentifiersTest {

    @ParameterizedTest
    @ValueSource(strings = {"CVE-2026-1234", "CVE-2014-0001", "CVE-2024-12345", "CVE-1999-0067", "CVE-2021-1234567"})
    void acceptsCveIds(String id) {
        assertThat(Identifiers.cveProblem(id)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"CVE-2026-123", "CVE-26-1234", "CVE-2026-01234", "CVE-1998-1234", "CVE-3000-1234",
            "CVE 2026 1234", "cve-2026-1234x", "2026-1234"})
    void refusesMalformedCveIds(String id) {
        assertThat(Identifiers.cveProblem(id)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"JVN#12345678", "JVNVU#98765432"})
    void acceptsJvnIds(String id) {
        assertThat(Identifiers.jvnProblem(id)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"JVN#1234567", "JVN12345678", "JVNXX#12345678", "JVN#123456789"})
    void refusesMalformedJvnIds(String id) {
        assertThat(Identifiers.jvnProblem(id)).hasValueSatisfying(p -> assertThat(p).contains("JVN#12345678"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"JVNDB-2026-000123", "JVNDB-2003-000001"})
    void acceptsJvndbIds(String id) {
        assertThat(Identifiers.jvndbProblem(id)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"JVNDB-2026-00123", "JVNDB-26-000123", "JVNDB-2026-0001234", "JVN-2026-000123", "JVNDB-1990-000001"})
    void refusesMalformedJvndbIds(String id) {
        assertThat(Identifiers.jvndbProblem(id)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"CWE-79", "CWE-798", "CWE-1321"})
    void acceptsCweIds(String id) {
        assertThat(Identifiers.cweProblem(id)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"CWE-0", "CWE-079", "CWE79", "CWE-", "NVD-CWE-Other"})
    void refusesMalformedCweIds(String id) {
        assertThat(Identifiers.cweProblem(id)).isPresent();
    }

    @org.junit.jupiter.api.Test
    void normalisesToUpperCaseWithoutSpaces() {
        assertThat(Identifiers.normalise("  cve-2026-1234 ")).contains("CVE-2026-1234");
        assertThat(Identifiers.normalise("   ")).isEmpty();
    }
}
