package jp.renkei.core.radius;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import jp.renkei.core.radius.DynamicAuthorizationResult.Ack;
import jp.renkei.core.radius.DynamicAuthorizationResult.Nak;
import jp.renkei.core.radius.DynamicAuthorizationResult.NoAnswer;
import org.junit.jupiter.api.Test;

/**
 * The codec and the client's retransmission and verification rules, against a scripted UDP
 * responder; interoperability with a real NAS-side implementation is
 * {@link DynamicAuthorizationFreeRadiusTest}.
 */
class DynamicAuthorizationTest {

    static final byte[] SECRET = "coa-secret".getBytes(StandardCharsets.US_ASCII);
    static final Instant AT = Instant.parse("2026-11-23T09:00:00Z");
    static final SessionSelector SESSION = SessionSelector.none().withUserName("taro@isp").withAcctSessionId("s-1")
            .withFramedIpAddress("198.51.100.7").withFramedIpv6Prefix("2001:db8:12:3400::/56")
            .withNasAddress("192.0.2.10");

    @Test
    void aCoaCarriesTheSessionTheActionAndAnAuthenticatorOverTheSecret() {
        DynamicAuthorizationRequest coa = DynamicAuthorizationRequest.coa(SESSION, Optional.of("renkei-quarantine"),
                List.of(VendorAttribute.parse("9:1=subscriber:service-name=walled-garden")), AT);

        SignedRequest signed = coa.sign(7, SECRET);
        RadiusPacket p = RadiusPacket.decode(signed.wire());

        assertThat(p.code()).isEqualTo(RadiusCode.COA_REQUEST);
        assertThat(p.attributes()).extracting(RadiusAttribute::type).containsExactly(
                RadiusAttributeType.USER_NAME, RadiusAttributeType.ACCT_SESSION_ID, RadiusAttributeType.FRAMED_IP_ADDRESS,
                RadiusAttributeType.FRAMED_IPV6_PREFIX, RadiusAttributeType.NAS_IP_ADDRESS, RadiusAttributeType.FILTER_ID,
                RadiusAttributeType.VENDOR_SPECIFIC, RadiusAttributeType.EVENT_TIMESTAMP);
        assertThat(p.first(RadiusAttributeType.FRAMED_IPV6_PREFIX).orElseThrow().asIpv6Prefix())
                .isEqualTo("2001:db8:12:3400::/56");
        assertThat(HexFormat.of().formatHex(p.first(RadiusAttributeType.VENDOR_SPECIFIC).orElseThrow().value(), 0, 6))
                .as("vendor 9, type 1, length 2 + 37").isEqualTo("000000090127");
        assertThat(RadiusAuthenticators.verifyRequest(signed.wire(), signed.wire().length, SECRET)).isTrue();
        assertThat(RadiusAuthenticators.verifyRequest(signed.wire(), signed.wire().length, "other".getBytes())).isFalse();
    }

    @Test
    void requestsThatNameNoSessionOrMixUpTheirPurposeAreRefused() {
        assertThatThrownBy(() -> DynamicAuthorizationRequest.disconnect(SessionSelector.none().withNasAddress("192.0.2.10"), AT))
                .hasMessageContaining("names no session");
        assertThatThrownBy(() -> DynamicAuthorizationRequest.coa(SESSION, Optional.empty(), List.of(), AT))
                .hasMessageContaining("changes nothing");
        assertThatThrownBy(() -> new DynamicAuthorizationRequest(DynamicAuthorizationRequest.Kind.DISCONNECT, SESSION,
                Optional.of("x"), List.of(), Optional.empty())).hasMessageContaining("Disconnect request with Filter-Id");
        assertThatThrownBy(() -> SESSION.withFramedIpAddress("2001:db8::7")).hasMessageContaining("not an IPv4 address");
        assertThatThrownBy(() -> SESSION.withFramedIpv6Prefix("2001:db8::7/56")).hasMessageContaining("not an IPv6 prefix");
    }

    @Test
    void vendorAttributesAreConfiguredAsVendorTypeAndValue() {
        assertThat(VendorAttribute.parse("9:1=subscriber:service-name=walled-garden"))
                .isEqualTo(VendorAttribute.text(9, 1, "subscriber:service-name=walled-garden"));
        assertThat(VendorAttribute.parse("2636:3=0x0000000a").value()).containsExactly(0, 0, 0, 10);
        assertThatThrownBy(() -> VendorAttribute.parse("cisco=foo")).hasMessageContaining("vendor:type=value");
        assertThatThrownBy(() -> VendorAttribute.parse("9:300=x")).hasMessageContaining("'9:300=x'")
                .hasMessageContaining("outside 1..255");
        assertThatThrownBy(() -> VendorAttribute.parse("9:1=0xzz")).hasMessageContaining("'9:1=0xzz'");
    }

    @Test
    void errorCausesHaveTheirRfcNames() {
        assertThat(new ErrorCause(503)).hasToString("503 Session-Context-Not-Found");
        assertThat(new ErrorCause(407).isRequestFault()).isTrue();
        assertThat(new ErrorCause(503).isRequestFault()).isFalse();
        assertThat(new ErrorCause(999).name()).isEqualTo("Error-Cause-999");
    }

    /** A UDP peer that answers the n-th datagram it receives (counting from 1), signed with a secret. */
    static final class Responder implements AutoCloseable {
        final DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        final List<byte[]> received = new CopyOnWriteArrayList<>();
        final Thread thread;

        Responder(int answerTo, List<byte[]> extraAnswersFirst, RadiusCode code, byte[] secret, RadiusAttribute... attrs)
                throws Exception {
            thread = new Thread(() -> {
                try {
                    byte[] buffer = new byte[4096];
                    while (!socket.isClosed()) {
                        DatagramPacket in = new DatagramPacket(buffer, buffer.length);
                        socket.receive(in);
                        byte[] request = Arrays.copyOf(in.getData(), in.getLength());
                        received.add(request);
                        for (byte[] junk : extraAnswersFirst) {
                            socket.send(new DatagramPacket(junk, junk.length, in.getSocketAddress()));
                        }
                        if (received.size() == answerTo) {
                            byte[] answer = RadiusAuthenticators.response(code, request[1] & 0xff, List.of(attrs),
                                    Arrays.copyOfRange(request, 4, 20), secret);
                            socket.send(new DatagramPacket(answer, answer.length, in.getSocketAddress()));
                        }
                    }
                } catch (Exception closed) {
                    // the test is over
                }
            });
            thread.start();
        }

        InetSocketAddress address() {
            return new InetSocketAddress(InetAddress.getLoopbackAddress(), socket.getLocalPort());
        }

        @Override
        public void close() {
            socket.close();
        }
    }

    @Test
    void aLostDatagramIsRetransmittedWithTheSameIdentifierAndAuthenticator() throws Exception {
        try (Responder nas = new Responder(2, List.of(), RadiusCode.COA_ACK, SECRET)) {
            DynamicAuthorizationClient client = new DynamicAuthorizationClient(nas.address(), SECRET,
                    Duration.ofMillis(300), 3);

            DynamicAuthorizationResult result = client.send(DynamicAuthorizationRequest.coa(SESSION,
                    Optional.of("renkei-quarantine"), List.of(), AT));

            assertThat(result).isInstanceOf(Ack.class);
            assertThat(nas.received).hasSize(2);
            assertThat(nas.received.get(1)).isEqualTo(nas.received.get(0));
        }
    }

    @Test
    void answersThatDoNotVerifyAreDroppedAndTheRealOneIsTaken() throws Exception {
        byte[] forged = RadiusAuthenticators.response(RadiusCode.DISCONNECT_ACK, 0, List.of(), new byte[16],
                "attacker".getBytes());
        try (Responder nas = new Responder(1, List.of(forged), RadiusCode.DISCONNECT_NAK, SECRET,
                RadiusAttribute.integer(RadiusAttributeType.ERROR_CAUSE, 503))) {
            DynamicAuthorizationClient client = new DynamicAuthorizationClient(nas.address(), SECRET,
                    Duration.ofMillis(500), 1);

            DynamicAuthorizationResult result = client.send(DynamicAuthorizationRequest.disconnect(SESSION, AT));

            assertThat(result).isInstanceOf(Nak.class);
            assertThat(((Nak) result).cause()).contains(ErrorCause.SESSION_CONTEXT_NOT_FOUND);
        }
    }

    @Test
    void aPeerWithAnotherSecretGivesNoAnswerAfterEveryAttempt() throws Exception {
        try (Responder nas = new Responder(1, List.of(), RadiusCode.COA_ACK, "other-secret".getBytes())) {
            DynamicAuthorizationClient client = new DynamicAuthorizationClient(nas.address(), SECRET,
                    Duration.ofMillis(200), 2);

            DynamicAuthorizationResult result = client.send(DynamicAuthorizationRequest.coa(SESSION,
                    Optional.of("renkei-quarantine"), List.of(), AT));

            assertThat(result).isInstanceOf(NoAnswer.class);
            NoAnswer none = (NoAnswer) result;
            assertThat(none.attempts()).isEqualTo(2);
            assertThat(none.discarded()).singleElement().asString().contains("does not verify");
            assertThat(nas.received).hasSize(2);
        }
    }
}
