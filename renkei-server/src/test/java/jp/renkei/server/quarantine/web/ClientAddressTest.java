package jp.renkei.server.quarantine.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** Whose garden page it is: the peer, or behind a trusted proxy the nearest untrusted forwarded address. */
class ClientAddressTest {

    static MockHttpServletRequest from(String peer, String... forwardedFor) {
        MockHttpServletRequest r = new MockHttpServletRequest();
        r.setRemoteAddr(peer);
        for (String f : forwardedFor) {
            r.addHeader("X-Forwarded-For", f);
        }
        return r;
    }

    @Test
    void aForwardedAddressFromAnyoneButATrustedProxyIsIgnored() {
        ClientAddress clients = new ClientAddress("192.0.2.0/28");

        assertThat(clients.of(from("198.51.100.7", "203.0.113.9"))).isEqualTo("198.51.100.7");
    }

    @Test
    void behindTrustedProxiesTheNearestUntrustedHopIsTheClient() {
        ClientAddress clients = new ClientAddress("192.0.2.0/28, 2001:db8::1");

        assertThat(clients.of(from("192.0.2.3", "203.0.113.9, 198.51.100.7, 192.0.2.4"))).isEqualTo("198.51.100.7");
        assertThat(clients.of(from("2001:db8::1", "198.51.100.8"))).isEqualTo("198.51.100.8");
        assertThat(clients.of(from("192.0.2.3"))).as("no header: the proxy itself").isEqualTo("192.0.2.3");
    }

    @Test
    void aTrustedProxyThatIsNoAddressIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> new ClientAddress("proxy.example"))
                .hasMessageContaining("renkei.garden.trusted-proxies").hasMessageContaining("proxy.example");
    }
}
