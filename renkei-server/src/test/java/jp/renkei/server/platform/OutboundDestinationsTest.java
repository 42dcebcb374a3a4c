package jp.renkei.server.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/**
 * What a tenant administrator configures (feeds, SMS gateway, LINE) is reached on the internet,
 * never in the server's own networks unless the operator allows one.
 */
class OutboundDestinationsTest {

    private static final OutboundDestinations NOTHING_ALLOWED = new OutboundDestinations("");

    private static String kindOf(OutboundDestinations destinations, String address) throws UnknownHostException {
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
        OutboundDestinations allowing = new OutboundDestinations("127.0.0.1/32, ::1, 10.20.0.0/16");

        assertThat(kindOf(allowing, "127.0.0.1")).isEqualTo("public");
        assertThat(kindOf(allowing, "::1")).isEqualTo("public");
        assertThat(kindOf(allowing, "10.20.9.9")).isEqualTo("public");
        assertThat(kindOf(allowing, "127.0.0.2")).isEqualTo("a loopback");
        assertThat(kindOf(allowing, "10.21.0.1")).isEqualTo("a private");
        assertThat(kindOf(allowing, "169.254.169.254")).isEqualTo("a link-local");
    }

    @Test
    void aRefusalNamesTheUrlTheAddressWhyAndTheSettingThatWouldAllowIt() {
        assertThatThrownBy(feed("https://127.0.0.1:8443/report.csv"))
                .isInstanceOf(OutboundDestinations.RefusedDestinationException.class)
                .hasMessage("https://127.0.0.1:8443/report.csv refused: 127.0.0.1 is a loopback address, which"
                        + " Renkei does not connect to for feeds (unless it is in"
                        + " renkei.outbound.allowed-private-networks)");
        assertThatThrownBy(feed("https://localhost/report.csv"))
                .hasMessageContaining("localhost (127.0.0.1) is a loopback address");
        assertThatThrownBy(feed("https://[::ffff:169.254.169.254]/latest"))
                .hasMessageContaining("169.254.169.254 is a link-local address");
        assertThatThrownBy(feed("https://2130706433/report.csv"))
                .as("127.0.0.1 written as one number").hasMessageContaining("is a loopback address");
    }

    @Test
    void onlyHttpsWithAReadableHostIsFetched() {
        assertThatThrownBy(feed("http://203.0.113.10/report.csv"))
                .hasMessage("http://203.0.113.10/report.csv refused: only https:// URLs are fetched");
        assertThatThrownBy(feed("file:///etc/passwd")).hasMessageContaining("only https:// URLs");
        // Java reads no host in these, and an empty host would resolve to loopback.
        assertThatThrownBy(feed("https://127.1/report.csv")).hasMessageContaining("no host name");
        assertThatThrownBy(feed("https://under_score.example/report.csv")).hasMessageContaining("no host name");
        assertThatCode(feed("https://203.0.113.10/report.csv")).doesNotThrowAnyException();
    }

    @Test
    void anAllowedNetworkThatIsNoPrefixIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> new OutboundDestinations("10.0.0.0/8, intranet.example"))
                .hasMessageContaining("renkei.outbound.allowed-private-networks").hasMessageContaining("intranet.example");
    }

    @Test
    void aServiceIsReachedOverHttpsOrOverPlainHttpOnlyInsideAnAllowedNetwork() {
        OutboundDestinations allowing = new OutboundDestinations("127.0.0.1/32");

        assertThatCode(() -> allowing.checkServiceUrl(URI.create("http://127.0.0.1:8080/send?to=09012345678"), "SMS"))
                .doesNotThrowAnyException();
        assertThatCode(() -> allowing.checkServiceUrl(URI.create("https://203.0.113.10/send"), "SMS"))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> allowing.checkServiceUrl(URI.create("http://203.0.113.10/send"), "SMS"))
                .hasMessage("http://203.0.113.10 refused: plain http:// is used for SMS only inside the networks in"
                        + " renkei.outbound.allowed-private-networks, and 203.0.113.10 is not in them; use https://");
        assertThatThrownBy(() -> allowing.checkServiceUrl(URI.create("ftp://203.0.113.10/send"), "SMS"))
                .hasMessage("ftp://203.0.113.10 refused: only https:// addresses are used for SMS");
        assertThatThrownBy(() -> NOTHING_ALLOWED.checkServiceUrl(URI.create("http://127.0.0.1:8080/send"), "SMS"))
                .hasMessageContaining("127.0.0.1 is a loopback address");
    }

    @Test
    void aServiceRefusalNamesOnlySchemeHostAndPortNeverTheSubscribersNumberTextOrCredentials() {
        URI request = URI.create("https://gw:secret-pw@169.254.169.254:8080/send?to=09012345678&text=hello");

        assertThatThrownBy(() -> NOTHING_ALLOWED.checkServiceUrl(request, "SMS"))
                .hasMessage("https://169.254.169.254:8080 refused: 169.254.169.254 is a link-local address, which"
                        + " Renkei does not connect to for SMS (unless it is in"
                        + " renkei.outbound.allowed-private-networks)")
                .message().doesNotContain("09012345678", "hello", "secret-pw");
    }

    @Test
    void settingsAreCheckedAsWrittenWhenSavedAndNamesAreLeftToBeResolvedWhenUsed() {
        assertThatThrownBy(asWritten(NOTHING_ALLOWED, "https://169.254.169.254/latest/meta-data"))
                .hasMessageContaining("169.254.169.254 is a link-local address");
        assertThatThrownBy(asWritten(NOTHING_ALLOWED, "https://[::1]:8443/v2")).hasMessageContaining("is a loopback");
        assertThatThrownBy(asWritten(NOTHING_ALLOWED, "https://10.1.2.3/send")).hasMessageContaining("is a private");
        assertThatCode(asWritten(NOTHING_ALLOWED, "https://sms.example.jp/send?to={to}")).doesNotThrowAnyException();
        assertThatCode(asWritten(NOTHING_ALLOWED, "https://localhost/send")).as("resolved before each send")
                .doesNotThrowAnyException();
        assertThatThrownBy(asWritten(NOTHING_ALLOWED, "http://sms.example.jp/send"))
                .hasMessageContaining("plain http:// is used for SMS only inside the networks in"
                        + " renkei.outbound.allowed-private-networks, and none are set");

        OutboundDestinations allowing = new OutboundDestinations("10.0.0.0/8");
        assertThatCode(asWritten(allowing, "http://10.1.2.3/send")).doesNotThrowAnyException();
        assertThatCode(asWritten(allowing, "http://sms-gw.isp.internal/send")).as("resolved before each send")
                .doesNotThrowAnyException();
        assertThatThrownBy(asWritten(allowing, "http://203.0.113.10/send"))
                .hasMessageContaining("203.0.113.10 is not in them");
    }

    @Test
    void aMailServerHostIsCheckedLikeAUrlsHost() {
        assertThatThrownBy(() -> NOTHING_ALLOWED.checkHost("127.0.0.1", "feeds"))
                .hasMessage("127.0.0.1 refused: 127.0.0.1 is a loopback address, which Renkei does not connect to"
                        + " for feeds (unless it is in renkei.outbound.allowed-private-networks)");
        assertThatThrownBy(() -> NOTHING_ALLOWED.checkHost("::ffff:10.0.0.5", "feeds")).hasMessageContaining("a private");
        // Mail clients take an empty host for this machine.
        assertThatThrownBy(() -> NOTHING_ALLOWED.checkHost(" ", "feeds")).hasMessageContaining("no host name");
        assertThatCode(() -> NOTHING_ALLOWED.checkHost("203.0.113.25", "feeds")).doesNotThrowAnyException();
        assertThatCode(() -> new OutboundDestinations("127.0.0.1/32").checkHost("127.0.0.1", "feeds"))
                .doesNotThrowAnyException();
    }

    private static ThrowingCallable feed(String url) {
        return () -> NOTHING_ALLOWED.checkHttpsUrl(URI.create(url), "feeds");
    }

    private static ThrowingCallable asWritten(OutboundDestinations destinations, String url) {
        return () -> destinations.checkServiceUrlAsWritten(URI.create(url.replace("{to}", "x")), "SMS");
    }
}
