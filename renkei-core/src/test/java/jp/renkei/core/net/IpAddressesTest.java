package jp.renkei.core.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IpAddressesTest {

    @Test
    void writesTheSameIpv6AddressTheSameWayHoweverItWasTyped() {
        assertThat(IpAddresses.canonical("2001:DB8:0:0:0:0:0:1")).isEqualTo("2001:db8::1");
        assertThat(IpAddresses.canonical(" 2001:db8::0:1 ")).isEqualTo("2001:db8::1");
    }

    @Test
    void keepsIpv4AsDottedQuad() {
        assertThat(IpAddresses.canonical("203.0.113.7")).isEqualTo("203.0.113.7");
    }

    @Test
    void refusesPrefixesHostNamesAndGarbage() {
        for (String bad : new String[] {"203.0.113.0/24", "example.jp", "203.0.113.300", "", "2001:db8::/32", "*", "127.1"}) {
            assertThatThrownBy(() -> IpAddresses.canonical(bad))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("not an IP address: ");
        }
        assertThat(IpAddresses.isAddress(null)).isFalse();
    }
}
