package jp.renkei.core.radius;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jp.renkei.core.FreeRadiusNas;
import jp.renkei.core.radius.DynamicAuthorizationResult.Ack;
import jp.renkei.core.radius.DynamicAuthorizationResult.Nak;
import jp.renkei.core.radius.DynamicAuthorizationResult.NoAnswer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * CoA and Disconnect-Requests to Debian's FreeRADIUS as the NAS side of RFC 5176
 * ({@link FreeRadiusNas}): it writes every request it accepts to a detail file, acknowledges it,
 * and refuses a Filter-Id other than the quarantine filter and an unknown session the way a NAS
 * would, with an Error-Cause.
 */
class DynamicAuthorizationFreeRadiusTest {

    static final String SECRET = "renkei-coa-secret";
    static final Instant AT = Instant.parse("2026-11-23T09:00:00Z");

    static FreeRadiusNas nas;

    @BeforeAll
    static void startFreeRadius() throws Exception {
        nas = FreeRadiusNas.start(SECRET, FreeRadiusNas.Answers.REFUSE_LIKE_A_NAS);
    }

    @AfterAll
    static void stopFreeRadius() {
        if (nas != null) {
            nas.close();
        }
    }

    static DynamicAuthorizationClient client(String secret) {
        return new DynamicAuthorizationClient(new InetSocketAddress(InetAddress.getLoopbackAddress(), nas.port()),
                secret.getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(1), 2);
    }

    static SessionSelector session(String sessionId) {
        return SessionSelector.none().withUserName("taro@isp").withAcctSessionId(sessionId)
                .withFramedIpAddress("198.51.100.7").withFramedIpv6Prefix("2001:db8:12:3400::/56")
                .withNasAddress("192.0.2.10");
    }

    @Test
    void aQuarantineCoaReachesTheNasWithEveryConfiguredAttributeAndIsAcknowledged() throws Exception {
        DynamicAuthorizationRequest coa = DynamicAuthorizationRequest.coa(session("s-quarantine"),
                Optional.of("renkei-quarantine"), List.of(
                        VendorAttribute.parse("9:1=subscriber:service-name=walled-garden"),
                        VendorAttribute.parse("99999:7=0x0102")), AT);

        DynamicAuthorizationResult result = client(SECRET).send(coa);

        assertThat(result).isInstanceOf(Ack.class);
        assertThat(nas.received("s-quarantine")).contains(
                "Packet-Type = CoA-Request",
                "User-Name = \"taro@isp\"",
                "Framed-IP-Address = 198.51.100.7",
                "Framed-IPv6-Prefix = 2001:db8:12:3400::/56",
                "NAS-IP-Address = 192.0.2.10",
                "Filter-Id = \"renkei-quarantine\"",
                "Cisco-AVPair = \"subscriber:service-name=walled-garden\"",
                "Attr-26.99999.7 = 0x0102",
                "Event-Timestamp = ");
    }

    @Test
    void aFilterTheNasDoesNotKnowIsRefusedWithItsErrorCause() throws Exception {
        DynamicAuthorizationResult result = client(SECRET).send(DynamicAuthorizationRequest.coa(session("s-bad-filter"),
                Optional.of("no-such-filter"), List.of(), AT));

        assertThat(result).isInstanceOf(Nak.class);
        assertThat(((Nak) result).cause()).contains(ErrorCause.INVALID_ATTRIBUTE_VALUE);
        assertThat(((Nak) result).cause().orElseThrow().isRequestFault()).isTrue();
    }

    @Test
    void aDisconnectIsAcknowledgedAndAnUnknownSessionRefused() throws Exception {
        DynamicAuthorizationResult done = client(SECRET).send(DynamicAuthorizationRequest.disconnect(
                session("s-disconnect"), AT));
        DynamicAuthorizationResult gone = client(SECRET).send(DynamicAuthorizationRequest.disconnect(
                session(FreeRadiusNas.UNKNOWN_SESSION), AT));

        assertThat(done).isInstanceOf(Ack.class);
        assertThat(nas.received("s-disconnect")).contains("Packet-Type = Disconnect-Request", "User-Name = \"taro@isp\"");
        assertThat(gone).isInstanceOf(Nak.class);
        assertThat(((Nak) gone).cause()).contains(ErrorCause.SESSION_CONTEXT_NOT_FOUND);
    }

    @Test
    void aRequestWithTheWrongSecretGetsNoValidAnswer() throws Exception {
        DynamicAuthorizationResult result = client("not-the-secret").send(DynamicAuthorizationRequest.coa(
                session("s-wrong-secret"), Optional.of("renkei-quarantine"), List.of(), AT));

        assertThat(result).isInstanceOf(NoAnswer.class);
        assertThat(((NoAnswer) result).attempts()).isEqualTo(2);
        assertThat(nas.awaitOutput("invalid Request Authenticator", Duration.ofSeconds(5))).isTrue();
        assertThat(nas.detail()).doesNotContain("s-wrong-secret");
    }
}
