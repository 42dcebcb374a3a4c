package jp.renkei.core.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Optional;
import java.util.OptionalInt;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ObservationDraftTest {

    @ParameterizedTest(name = "{0}: port 40001 is a source port → {1}")
    @CsvSource({
        "INFECTED, true",
        "BRUTE_FORCE_SOURCE, true",
        "EXPOSED_TELNET, false",
        "EXPOSED_SERVICE, false",
        "VULNERABLE_SERVICE, false",
    })
    void onlyObservationsOfTheDeviceConnectingOutCarryASourcePortForCgnatAttribution(ProblemKind kind,
            boolean sourcePort) {
        ObservationDraft draft = new ObservationDraft("r", 2, Instant.parse("2026-11-22T00:00:00Z"), "198.51.100.7",
                OptionalInt.of(40_001), "tcp", kind, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), new LinkedHashMap<>(), "f");

        assertThat(draft.sourcePort()).isEqualTo(sourcePort ? OptionalInt.of(40_001) : OptionalInt.empty());
    }
}
