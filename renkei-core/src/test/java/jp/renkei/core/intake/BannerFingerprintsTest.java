package jp.renkei.core.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BannerFingerprintsTest {

    @Test
    void recognisesMikroTikRouterOsAndItsVersion() {
        assertThat(BannerFingerprints.identify("|MikroTik v6.45.3 (stable)|Login:"))
                .contains(new DeviceIdentity("MikroTik", Optional.empty(), Optional.of("RouterOS 6.45.3")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "dvrdvs login:;Hikvision;DVR;",
            "ZXHN H108N V2.5.5 login:;ZTE;ZXHN H108N;2.5.5",
            "Welcome to EchoLife HG8245H;Huawei;HG8245H;",
            "Aterm WG1200HS login:;NEC;Aterm;",
            "RTX1210 Rev.14.01.38 (Mon Jan 1 2024);Yamaha;RTX1210;Rev.14.01.38",
            "TL-WR841N login:;TP-Link;TL-WR841N;",
            "DD-WRT v3.0-r44715 std (c) 2020 NewMedia-NET GmbH;DD-WRT;;DD-WRT 3.0-r44715",
            "User Access Verification|Password:;Cisco;;"})
    void recognisesCommonIotProducts(String banner, String vendor, String model, String firmware) {
        assertThat(BannerFingerprints.identify(banner)).contains(new DeviceIdentity(vendor,
                Optional.ofNullable(model), Optional.ofNullable(firmware)));
    }

    @Test
    void unknownOrEmptyBannersNameNoDevice() {
        assertThat(BannerFingerprints.identify("login:")).isEmpty();
        assertThat(BannerFingerprints.identify("")).isEmpty();
        assertThat(BannerFingerprints.identify(null)).isEmpty();
    }
}
