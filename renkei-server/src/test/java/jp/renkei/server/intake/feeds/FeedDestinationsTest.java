package jp.renkei.server.intake.feeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

import org.junit.jupiter.api.Test;

/** URL feeds are fetched from the internet, never from the server's own networks unless the operator allows one. */
class FeedDestinationsTest {

    private static final FeedDestinations NOTHING_ALLOWED = new FeedDestinations("");

    private static String kindOf(FeedDestinations destinations, String address) throws UnknownHostException {
        return destinations.internalKind(InetAddress.getByName(address)).orElse("public");
    }

    @Test
    void internalAddressesOfEveryKindAreNamedForWhatTheyAre() throws Exception {
        assertThat(kindOf(NOTHING_ALLOWED, "127.0.0.1")).isEqualTo("a loopback");
        assertThat(kindOf(NOTHING_ALLOWED, "127.0.0.2")).isEqualTo("a loopback");
        assertThat(kindOf(NOTHING_ALLOWED, "::1")).isEqualTo("a loopback");
        assertThat(kindOf(NOTHING_ALLOWED, "169.254.169.254")).as("cloud metadata").isEqualTo("a link-local");
        assertThat(kindOf(NOTHING_ALLOWED, "fe80::1")).isEqualTo("a link-local");
        assertThat(kindOf(NOTHING_ALLOWED, "10.1.2.3")).isEqualTo("a private");
        assertThat(kindOf(NOTHING_ALLOWED, "172.16.0.1")).isEqualTo("a private");
        assertThat(kindOf(NOTHING_ALLOWED, "172.31.255.254")).isEqualTo("a private");
        assertThat(kindOf(NOTHING_ALLOWED, "192.168.1.1")).isEqualTo("a private");
        assertThat(kindOf(NOTHING_ALLOWED, "fd12:3456::1")).isEqualTo("a private");
        assertThat(kindOf(NOTHING_ALLOWED, "100.64.0.1")).isEqualTo("a carrier-grade NAT");
        assertThat(kindOf(NOTHING_ALLOWED, "100.127.255.254")).isEqualTo("a carrier-grade NAT");
        assertThat(kindOf(NOTHING_ALLOWED, "0.0.0.0")).isEqualTo("an unspecified");
        assertThat(kindOf(NOTHING_ALLOWED, "::")).isEqualTo("an unspecified");
        assertThat(kindOf(NOTHING_ALLOWED, "224.0.0.251")).isEqualTo("a multicast");
        assertThat(kindOf(NOTHING_ALLOWED, "ff02::1")).isEqualTo("a multicast");
    }

    @Test
    void internalIpv4AddressesWrappedInIpv6AreStillInternal() throws Exception {
        assertThat(kindOf(NOTHING_ALLOWED, "::ffff:127.0.0.1")).as("IPv4-mapped").isEqualTo("a loopback");
        assertThat(kindOf(NOTHING_ALLOWED, "::169.254.169.254")).as("IPv4-compatible").isEqualTo("a link-local");
        assertThat(kindOf(NOTHING_ALLOWED, "64:ff9b::10.0.0.1")).as("NAT64").isEqualTo("a private");
    }

    @Test
    void publicAddressesPass() throws Exception {
        assertThat(kindOf(NOTHING_ALLOWED, "203.0.113.10")).isEqualTo("public");
        assertThat(kindOf(NOTHING_ALLOWED, "172.32.0.1")).as("just outside 172.16/12").isEqualTo("public");
        assertThat(kindOf(NOTHING_ALLOWED, "100.128.0.1")).as("just outside 100.64/10").isEqualTo("public");
        assertThat(kindOf(NOTHING_ALLOWED, "2001:db8::10")).isEqualTo("public");
        assertThat(kindOf(NOTHING_ALLOWED, "64:ff9b::203.0.113.10")).isEqualTo("public");
    }

    @Test
    void onlyTheAllowedNetworksAreLetThrough() throws Exception {
        FeedDestinations allowing = new FeedDestinations("127.0.0.1/32, ::1, 10.20.0.0/16");

        assertThat(kindOf(allowing, "127.0.0.1")).isEqualTo("public");
        assertThat(kindOf(allowing, "::1")).isEqualTo("public");
        assertThat(kindOf(allowing, "10.20.9.9")).isEqualTo("public");
        assertThat(kindOf(allowing, "127.0.0.2")).isEqualTo("a loopback");
        assertThat(kindOf(allowing, "10.21.0.1")).isEqualTo("a private");
        assertThat(kindOf(allowing, "169.254.169.254")).isEqualTo("a link-local");
    }

    @Test
    void aRefusalNamesTheUrlTheAddressWhyAndTheSettingThatWouldAllowIt() {
        assertThatThrownBy(() -> NOTHING_ALLOWED.check(URI.create("https://127.0.0.1:8443/report.csv")))
                .isInstanceOf(FeedDestinations.RefusedDestinationException.class)
                .hasMessage("https://127.0.0.1:8443/report.csv refused: 127.0.0.1 is a loopback address, which"
                        + " feeds may not fetch from (unless it is in renkei.feeds.allowed-private-networks)");
        assertThatThrownBy(() -> NOTHING_ALLOWED.check(URI.create("https://localhost/report.csv")))
                .hasMessageContaining("localhost (127.0.0.1) is a loopback address");
        assertThatThrownBy(() -> NOTHING_ALLOWED.check(URI.create("https://[::ffff:169.254.169.254]/latest")))
                .hasMessageContaining("169.254.169.254 is a link-local address");
        assertThatThrownBy(() -> NOTHING_ALLOWED.check(URI.create("https://2130706433/report.csv")))
                .as("127.0.0.1 written as one number").hasMessageContaining("is a loopback address");
    }

    @Test
    void onlyHttpsWithAReadableHostIsFetched() {
        assertThatThrownBy(() -> NOTHING_ALLOWED.check(URI.create("http://203.0.113.10/report.csv")))
                .hasMessage("http://203.0.113.10/report.csv refused: only https:// URLs are fetched");
        assertThatThrownBy(() -> NOTHING_ALLOWED.check(URI.create("file:///etc/passwd")))
                .hasMessageContaining("only https:// URLs");
        // Java reads no host in these, and an empty host would resolve to loopback.
        assertThatThrownBy(() -> NOTHING_ALLOWED.check(URI.create("https://127.1/report.csv")))
                .hasMessageContaining("no host name");
        assertThatThrownBy(() -> NOTHING_ALLOWED.check(URI.create("https://under_score.example/report.csv")))
                .hasMessageContaining("no host name");
        assertThatCode(() -> NOTHING_ALLOWED.check(URI.create("https://203.0.113.10/report.csv")))
                .doesNotThrowAnyException();
    }

    @Test
    void anAllowedNetworkThatIsNoPrefixIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> new FeedDestinations("10.0.0.0/8, intranet.example"))
                .hasMessageContaining("renkei.feeds.allowed-private-networks").hasMessageContaining("intranet.example");
    }
}
