package jp.renkei.server.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** Whose request it is: the peer, or behind trusted proxies the nearest forwarded address that is no proxy. */
class ClientAddressTest {

    static MockHttpServletRequest from(String peer, String... forwardedFor) {
        MockHttpServletRequest r = new MockHttpServletRequest();
        r.setRemoteAddr(peer);
        for (String f : forwardedFor) {
            r.addHeader("X-Forwarded-For", f);
        }
        return r;
    }

    static ClientAddress trusting(String proxies) {
        return new ClientAddress(proxies, "");
    }

    @Test
    void aForwardedAddressFromAnyoneButATrustedProxyIsIgnored() {
        ClientAddress clients = trusting("192.0.2.0/28");

        assertThat(clients.of(from("198.51.100.7", "203.0.113.9"))).isEqualTo("198.51.100.7");
        assertThat(clients.of(from("2001:db8:1::9", "192.0.2.3"))).as("not even naming a trusted proxy")
                .isEqualTo("2001:db8:1::9");
        assertThat(trusting("").of(from("198.51.100.7", "203.0.113.9"))).as("no proxies trusted")
                .isEqualTo("198.51.100.7");
    }

    @Test
    void behindATrustedProxyTheAddressItForwardsIsTheClient() {
        ClientAddress clients = trusting("192.0.2.3");

        assertThat(clients.of(from("192.0.2.3", "198.51.100.7"))).isEqualTo("198.51.100.7");
        assertThat(clients.of(from("192.0.2.3"))).as("no header: the proxy itself").isEqualTo("192.0.2.3");
    }

    @Test
    void throughAChainOfTrustedProxiesTheNearestUntrustedHopIsTheClientAndWhatItClaimedIsIgnored() {
        ClientAddress clients = trusting("192.0.2.0/28, 2001:db8::1");

        // 203.0.113.9 is what the client itself wrote into the header; 198.51.100.7 is where the
        // first proxy saw the request come from.
        assertThat(clients.of(from("192.0.2.3", "203.0.113.9, 198.51.100.7, 192.0.2.4"))).isEqualTo("198.51.100.7");
        assertThat(clients.of(from("192.0.2.3", "203.0.113.9, 198.51.100.7", "192.0.2.4")))
                .as("hops split over several headers").isEqualTo("198.51.100.7");
        assertThat(clients.of(from("2001:db8::1", "198.51.100.8"))).isEqualTo("198.51.100.8");
    }

    @Test
    void addressesInsideATrustedPrefixNeverBecomeTheClientSoNoneCanBeInventedForAFreshLimit() {
        ClientAddress clients = trusting("10.0.0.0/8");

        assertThat(clients.of(from("10.0.0.5", "10.77.1.2, 10.0.0.9"))).isEqualTo("10.0.0.5");
        assertThat(clients.of(from("10.0.0.5", "10.12.3.4"))).isEqualTo("10.0.0.5");
    }

    @Test
    void malformedForwardedValuesAreNeverTheClientAndNothingBeyondThemIsBelieved() {
        ClientAddress clients = trusting("192.0.2.0/28");

        for (String junk : new String[] {"unknown", "", " , ", "10.0.0.0/8", "*", "198.51.100", "1-9.2.3.4",
                "evil.example", "198.51.100.7 ; drop", "300.1.1.1"}) {
            assertThat(clients.of(from("192.0.2.3", junk))).as(junk).isEqualTo("192.0.2.3");
        }
        // A proxy that wrote "unknown" for its peer: what stands left of it is unverifiable.
        assertThat(clients.of(from("192.0.2.3", "203.0.113.9, unknown, 192.0.2.4"))).isEqualTo("192.0.2.3");
        // Junk the client wrote itself, left of the first proxy's entry, changes nothing.
        assertThat(clients.of(from("192.0.2.3", "not-an-address, 198.51.100.7"))).isEqualTo("198.51.100.7");
    }

    @Test
    void ipv6ClientsAndProxiesAreNamedInOneCanonicalForm() {
        ClientAddress clients = trusting("2001:db8:a::/64");

        assertThat(clients.of(from("2001:db8:a:0:0:0:0:2", "2001:DB8:B:0:0:0:0:7"))).isEqualTo("2001:db8:b::7");
        assertThat(clients.of(from("2001:db8:a::2", "[2001:db8:b::7]:51234"))).as("bracketed, with a port")
                .isEqualTo("2001:db8:b::7");
        assertThat(clients.of(from("2001:db8:a::2", "198.51.100.7:51234"))).as("IPv4 with a port")
                .isEqualTo("198.51.100.7");
        assertThat(clients.of(from("2001:db8:a::2", "::ffff:198.51.100.7"))).as("IPv4-mapped is the IPv4 client")
                .isEqualTo("198.51.100.7");
        assertThat(clients.of(from("0:0:0:0:0:0:0:1"))).isEqualTo("::1");
    }

    @Test
    void theOlderGardenSettingIsHonouredWhenTheWebOneIsUnset() {
        ClientAddress gardenOnly = new ClientAddress("", "192.0.2.3");
        assertThat(gardenOnly.of(from("192.0.2.3", "198.51.100.7"))).isEqualTo("198.51.100.7");

        ClientAddress both = new ClientAddress("192.0.2.9", "192.0.2.3");
        assertThat(both.of(from("192.0.2.3", "198.51.100.7"))).as("the web setting wins").isEqualTo("192.0.2.3");
        assertThat(both.of(from("192.0.2.9", "198.51.100.7"))).isEqualTo("198.51.100.7");
    }

    @Test
    void aTrustedProxyThatIsNoAddressIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> new ClientAddress("proxy.example", ""))
                .hasMessageContaining("renkei.web.trusted-proxies").hasMessageContaining("proxy.example");
        assertThatThrownBy(() -> new ClientAddress("", "192.0.2.1, proxy.example"))
                .hasMessageContaining("renkei.garden.trusted-proxies").hasMessageContaining("proxy.example");
    }

    @Test
    void limitsCountAnIpv6ClientByItsSlash64AndAnIpv4ClientByItsAddress() {
        assertThat(ClientAddress.limitKey("2001:db8:1:2::7")).isEqualTo("2001:db8:1:2::/64");
        assertThat(ClientAddress.limitKey("2001:db8:1:2:a:b:c:d")).as("same line, another address")
                .isEqualTo("2001:db8:1:2::/64");
        assertThat(ClientAddress.limitKey("2001:db8:1:3::7")).as("the next /64").isEqualTo("2001:db8:1:3::/64");
        assertThat(ClientAddress.limitKey("198.51.100.7")).isEqualTo("198.51.100.7");
        assertThat(ClientAddress.limitKey("198.51.100.8")).isEqualTo("198.51.100.8");
        assertThat(ClientAddress.limitKey("::ffff:198.51.100.7")).as("IPv4-mapped is the IPv4 client")
                .isEqualTo("198.51.100.7");
        assertThat(ClientAddress.limitKey("unknown")).as("no address: its own key").isEqualTo("unknown");
    }
}
