package jp.renkei.core.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Which case a sighting belongs to when one subscriber has several devices with the same problem. */
class CaseDeviceRulesTest {

    private static final Instant T = Instant.parse("2026-12-01T00:00:00Z");

    @Test
    void deviceKeyIsVendorAndModelNormalised() {
        assertThat(CaseRules.deviceKey(Optional.of("  MikroTik "), Optional.of("RB750 \t Gr3")))
                .isEqualTo("mikrotik/rb750 gr3");
        assertThat(CaseRules.deviceKey(Optional.of("mikrotik"), Optional.of("rb750 gr3")))
                .isEqualTo(CaseRules.deviceKey(Optional.of("MIKROTIK"), Optional.of("RB750  GR3")));
        assertThat(CaseRules.deviceKey(Optional.of("Hikvision"), Optional.empty())).isEqualTo("hikvision/");
        assertThat(CaseRules.deviceKey(Optional.empty(), Optional.of("DS-2CD"))).isEqualTo("/ds-2cd");
    }

    @Test
    void noVendorOrModelIsAnUnknownDevice() {
        assertThat(CaseRules.deviceKey(Optional.empty(), Optional.empty())).isEmpty();
        assertThat(CaseRules.deviceKey(Optional.of("  "), Optional.of(""))).isEmpty();
    }

    @Test
    void firstSightingOpensACaseWithItsKey() {
        assertThat(CaseRules.choose("a/1", List.of())).isEqualTo(new CaseChoice.Open("a/1"));
        assertThat(CaseRules.choose("", List.of())).isEqualTo(new CaseChoice.Open(""));
    }

    @Test
    void unknownDeviceExtendsTheMostRecentlySeenCaseWhateverItsKey() {
        List<OpenCase> open = List.of(new OpenCase(1, "a/1", T), new OpenCase(2, "b/2", T.plusSeconds(60)),
                new OpenCase(3, "", T.minusSeconds(60)));
        assertThat(CaseRules.choose("", open)).isEqualTo(new CaseChoice.Extend(2));
    }

    @Test
    void knownDeviceExtendsItsOwnCaseEvenWhenAnotherWasSeenLater() {
        List<OpenCase> open = List.of(new OpenCase(1, "a/1", T), new OpenCase(2, "", T.plusSeconds(60)),
                new OpenCase(3, "b/2", T.plusSeconds(120)));
        assertThat(CaseRules.choose("a/1", open)).isEqualTo(new CaseChoice.Extend(1));
    }

    @Test
    void knownDeviceAdoptsACaseWithoutDevice() {
        List<OpenCase> open = List.of(new OpenCase(1, "a/1", T), new OpenCase(2, "", T.minusSeconds(60)));
        assertThat(CaseRules.choose("b/2", open)).isEqualTo(new CaseChoice.Adopt(2, "b/2"));
    }

    @Test
    void anotherKnownDeviceOpensItsOwnCase() {
        List<OpenCase> open = List.of(new OpenCase(1, "a/1", T));
        assertThat(CaseRules.choose("b/2", open)).isEqualTo(new CaseChoice.Open("b/2"));
    }
}
