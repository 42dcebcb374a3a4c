package jp.renkei.server.quarantine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import jp.renkei.core.quarantine.GardenAnswer;
import org.junit.jupiter.api.Test;

/** Enforcement settings refuse what could not work and name the field. */
class EnforcementSettingsTest {

    static EnforcementSettings settings(String action, String filterId, List<String> vendor, boolean rpz, String ipv4,
            String host, List<String> reload) {
        return new EnforcementSettings(action, 3799, filterId, vendor, "", List.of(), rpz, ipv4, "", host, reload);
    }

    @Test
    void aCoaThatWouldChangeNothingIsRefusedNamingFilterId() {
        assertThatThrownBy(() -> settings("coa", "", List.of(), false, "", "", List.of()))
                .hasMessageStartingWith("filterId: ");
    }

    @Test
    void aMalformedVendorAttributeIsRefusedNamingItsField() {
        assertThatThrownBy(() -> settings("coa", "q", List.of("9-1=x"), false, "", "", List.of()))
                .hasMessageStartingWith("vendorAttributes: ").hasMessageContaining("9-1=x");
    }

    @Test
    void zonesWithoutAGardenAddressOrACommandAreRefused() {
        assertThatThrownBy(() -> settings("off", "", List.of(), true, "", "", List.of("rndc", "reload")))
                .hasMessageStartingWith("gardenIpv4: ");
        assertThatThrownBy(() -> settings("off", "", List.of(), true, "192.0.2.80", "", List.of()))
                .hasMessageStartingWith("reloadCommand: ");
        assertThatThrownBy(() -> settings("bounce", "", List.of(), false, "", "", List.of()))
                .hasMessageStartingWith("radiusAction: ");
    }

    @Test
    void aGardenHostIsAnsweredAsAnAliasAndAReleaseWithoutAttributesDisconnects() {
        EnforcementSettings s = settings("coa", "walled", List.of(), true, "", "garden.isp.example", List.of("rndc", "reload"));

        assertThat(s.garden()).isInstanceOf(GardenAnswer.Alias.class);
        assertThat(s.releaseByCoa()).isFalse();
        assertThat(EnforcementSettings.off().radiusEnabled()).isFalse();
        assertThat(EnforcementSettings.lines(" rndc \n\n reload ")).containsExactly("rndc", "reload");
    }
}
