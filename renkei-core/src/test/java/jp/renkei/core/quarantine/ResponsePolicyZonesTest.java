package jp.renkei.core.quarantine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResponsePolicyZonesTest {

    @ParameterizedTest
    @CsvSource({
            "198.51.100.7, 32.7.100.51.198.rpz-client-ip",
            "198.51.100.0/24, 24.0.100.51.198.rpz-client-ip",
            "::1, 128.1.zz.rpz-client-ip",
            "2001:db8:12:3400::/56, 56.zz.3400.12.db8.2001.rpz-client-ip",
            "2001:DB8:0:0:5:0:0:1, 128.1.0.0.5.zz.db8.2001.rpz-client-ip",
            "2001:0:6:5:4:3:2:1, 128.1.2.3.4.5.6.0.2001.rpz-client-ip",
            "2001:db8:0:0:1:0:0:0, 128.zz.1.0.0.db8.2001.rpz-client-ip",
    })
    void clientTriggersUseTheReversedFormBindCallsCanonical(String client, String owner) {
        // The IPv6 expectations are the forms BIND 9.18 logs as canonical when it rejects others.
        assertThat(ClientIpTrigger.of(client).ownerName()).isEqualTo(owner);
    }

    @Test
    void clientBlocksThatAreAmbiguousOrTooWideAreRefused() {
        assertThatThrownBy(() -> ClientIpTrigger.of("198.51.100.7/24"))
                .hasMessage("quarantine client '198.51.100.7/24' has host bits set; the block is 198.51.100.0/24");
        assertThatThrownBy(() -> ClientIpTrigger.of("198.51.0.0/16")).hasMessageContaining("wider than /24");
        assertThatThrownBy(() -> ClientIpTrigger.of("2001:db8::/32")).hasMessageContaining("wider than /48");
        assertThatThrownBy(() -> ClientIpTrigger.of("host.example")).hasMessageContaining("not an IP address");
        assertThatThrownBy(() -> ClientIpTrigger.of("::ffff:198.51.100.7")).hasMessageContaining("not an IP address");
    }

    @Test
    void allowedDestinationsAreHostNamesOrWildcardsBelowOne() {
        assertThat(AllowedDestination.parse("Firmware.Vendor.example.").ownerName()).isEqualTo("firmware.vendor.example");
        assertThat(AllowedDestination.parse("*.firmware.vendor.example").ownerName()).isEqualTo("*.firmware.vendor.example");
        // Python agrees: "サポート".encode("idna") == b"xn--vckvb6c8f".
        assertThat(AllowedDestination.parse("サポート.example.jp").name()).isEqualTo("xn--vckvb6c8f.example.jp");
        assertThatThrownBy(() -> AllowedDestination.parse("localhost")).hasMessageContaining("two labels");
        assertThatThrownBy(() -> AllowedDestination.parse("bad name.example")).hasMessageContaining("invalid label 'bad name'");
        assertThatThrownBy(() -> AllowedDestination.parse("*.*.example")).hasMessageContaining("invalid label '*'");
    }

    @Test
    void serialsIncreaseOnEveryRegenerationEvenWithinOneSecond() {
        Instant now = Instant.parse("2026-11-23T09:00:00Z");

        long first = ZoneSerial.next(OptionalLong.empty(), now);
        long second = ZoneSerial.next(OptionalLong.of(first), now);
        long dateBased = ZoneSerial.next(OptionalLong.of(2026112301L), now);
        long wrapped = ZoneSerial.next(OptionalLong.of(4294967295L), Instant.ofEpochSecond(5));

        assertThat(first).isEqualTo(now.getEpochSecond());
        assertThat(second).isEqualTo(first + 1);
        assertThat(dateBased).isEqualTo(2026112302L);
        assertThat(wrapped).isEqualTo(5);
        assertThat(ZoneSerial.isGreater(wrapped, 4294967295L)).isTrue();
    }

    @Test
    void theZoneTextsAreSortedDeduplicatedAndCarryTheSerial() {
        ResponsePolicyZones zones = ResponsePolicyZones.standard(
                new GardenAnswer.Addresses(Optional.of("192.0.2.80"), Optional.of("2001:DB8::80")));

        String quarantine = zones.quarantineZoneText(1795458667L, List.of(ClientIpTrigger.of("2001:db8:12:3400::/56"),
                ClientIpTrigger.of("198.51.100.7"), ClientIpTrigger.of("198.51.100.7/32")));
        String allow = zones.allowZoneText(1795458667L, List.of(AllowedDestination.parse("portal.isp.example"),
                AllowedDestination.parse("*.vendor.example"), AllowedDestination.parse("vendor.example")));

        assertThat(quarantine).isEqualTo("""
                ; written by Renkei; quarantined clients: 2
                $ORIGIN renkei-quarantine.rpz.
                $TTL 60
                @ IN SOA localhost. hostmaster.localhost. 1795458667 300 60 86400 60
                @ IN NS localhost.
                32.7.100.51.198.rpz-client-ip A 192.0.2.80
                32.7.100.51.198.rpz-client-ip AAAA 2001:db8::80
                56.zz.3400.12.db8.2001.rpz-client-ip A 192.0.2.80
                56.zz.3400.12.db8.2001.rpz-client-ip AAAA 2001:db8::80
                """);
        assertThat(allow).endsWith("""
                @ IN NS localhost.
                *.vendor.example CNAME rpz-passthru.
                portal.isp.example CNAME rpz-passthru.
                vendor.example CNAME rpz-passthru.
                """);
        assertThat(ZoneSerial.readFrom(quarantine)).hasValue(1795458667L);
        assertThat(zones.responsePolicyStatement())
                .isEqualTo("response-policy { zone \"renkei-allow.rpz\"; zone \"renkei-quarantine.rpz\"; }"
                        + " min-update-interval 0;");
    }

    @Test
    void aGardenReachedByNameIsLetThroughItsOwnRewrite() {
        ResponsePolicyZones zones = ResponsePolicyZones.standard(
                new GardenAnswer.Alias(AllowedDestination.parse("garden.isp.example")));

        assertThat(zones.quarantineZoneText(7, List.of(ClientIpTrigger.of("198.51.100.7"))))
                .contains("32.7.100.51.198.rpz-client-ip CNAME garden.isp.example.\n");
        assertThat(zones.allowZoneText(7, List.of())).contains("garden.isp.example CNAME rpz-passthru.\n");
        assertThatThrownBy(() -> new GardenAnswer.Addresses(Optional.of("2001:db8::80"), Optional.empty()))
                .hasMessageContaining("not an IPv4 address");
    }
}
