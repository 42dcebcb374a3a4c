package jp.renkei.server.attribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import jp.renkei.core.radius.RadiusAttribute;
import jp.renkei.core.radius.RadiusAttributeType;
import jp.renkei.core.radius.RadiusAuthenticators;
import jp.renkei.core.radius.RadiusCode;
import jp.renkei.server.platform.Accounts;
import jp.renkei.server.platform.Role;
import jp.renkei.server.testing.Api;
import jp.renkei.server.testing.RenkeiTest;
import jp.renkei.server.testing.Tenants;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Real RADIUS accounting from Debian's radclient, answered only after it is stored. */
@RenkeiTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RadiusAccountingFlowTest {

    static final String SECRET = "nas-secret-1";
    static final long T0 = Instant.parse("2024-10-01T00:00:00Z").getEpochSecond();

    @LocalServerPort
    int httpPort;
    @Autowired
    Accounts accounts;
    @Autowired
    RadiusAccounting radius;

    Api api;
    String token;
    long org;

    /** Runs radclient with these attribute lines; true when it got an Accounting-Response. */
    boolean radclient(String secret, String... lines) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("radclient", "-x", "-r", "1", "-t", "2", "127.0.0.1:" + radius.port(), "acct",
                secret).redirectErrorStream(true).start();
        try (OutputStream in = p.getOutputStream()) {
            in.write((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        return p.exitValue() == 0 && output.contains("Accounting-Response");
    }

    static String[] session(String status, String user, String sessionId, String ip, long at, Long sessionTime) {
        List<String> lines = new ArrayList<>(List.of("Acct-Status-Type = " + status, "User-Name = \"" + user + "\"",
                "NAS-IP-Address = 192.0.2.50", "Acct-Session-Id = \"" + sessionId + "\"",
                "Framed-IP-Address = " + ip, "Event-Timestamp = " + at));
        if (sessionTime != null) {
            lines.add("Acct-Session-Time = " + sessionTime);
        }
        return lines.toArray(String[]::new);
    }

    @BeforeAll
    void registerNas() {
        Tenants.Member admin = new Tenants(accounts).newIsp("Radius ISP", Role.ADMINISTRATOR);
        org = admin.organisationId();
        api = new Api(httpPort, admin.token());
        token = admin.token();
        assertThat(Writes.put(httpPort, token, "/api/v1/nas-clients/127.0.0.1",
                "{\"name\":\"bras-1\",\"secret\":\"" + SECRET + "\",\"subscriberAttribute\":\"user-name\"}"))
                .isEqualTo(200);
    }

    JsonNode who(String ip, long epoch) {
        return api.get("/api/v1/attribution?ip=" + ip + "&at=" + Instant.ofEpochSecond(epoch)).json();
    }

    @Test
    void startInterimStopAndAccountingOnFromRadclientProduceTheSessions() throws Exception {
        assertThat(radclient(SECRET, session("Start", "rc-alice", "rc-1", "203.0.113.10", T0, null))).isTrue();
        assertThat(radclient(SECRET, session("Interim-Update", "rc-alice", "rc-1", "203.0.113.10", T0 + 600, 600L)))
                .isTrue();
        assertThat(radclient(SECRET, session("Stop", "rc-alice", "rc-1", "203.0.113.10", T0 + 3600, 3600L))).isTrue();
        assertThat(radclient(SECRET, session("Start", "rc-bob", "rc-2", "203.0.113.11", T0 + 100, null))).isTrue();

        JsonNode alice = who("203.0.113.10", T0 + 1800);
        assertThat(alice.get("subscriberId").asString()).isEqualTo("rc-alice");
        assertThat(alice.get("from").asString()).isEqualTo(Instant.ofEpochSecond(T0).toString());
        assertThat(alice.get("to").asString()).isEqualTo(Instant.ofEpochSecond(T0 + 3600).toString());
        assertThat(alice.get("confidence").asString()).isEqualTo("exact");
        assertThat(alice.get("source").asString()).isEqualTo("radius:192.0.2.50");
        JsonNode bob = who("203.0.113.11", T0 + 7200);
        assertThat(bob.get("subscriberId").asString()).isEqualTo("rc-bob");
        assertThat(bob.get("confidence").asString()).isEqualTo("open-session");

        // The NAS reboots: Accounting-On closes bob's session, which never got a Stop.
        assertThat(radclient(SECRET, "Acct-Status-Type = Accounting-On", "NAS-IP-Address = 192.0.2.50",
                "Event-Timestamp = " + (T0 + 9000))).isTrue();
        assertThat(who("203.0.113.11", T0 + 8999).get("to").asString())
                .isEqualTo(Instant.ofEpochSecond(T0 + 9000).toString());
        assertThat(api.get("/api/v1/attribution?ip=203.0.113.11&at=" + Instant.ofEpochSecond(T0 + 9001)).status())
                .isEqualTo(404);
    }

    @Test
    void packetWithTheWrongSecretIsNotAcknowledged() throws Exception {
        long before = api.get("/api/v1/radius/statistics").json().get("badAuthenticator").asLong();

        assertThat(radclient("not-the-secret", session("Start", "rc-mallory", "rc-9", "203.0.113.99", T0, null)))
                .isFalse();

        assertThat(api.get("/api/v1/radius/statistics").json().get("badAuthenticator").asLong()).isGreaterThan(before);
        assertThat(api.get("/api/v1/attribution?ip=203.0.113.99&at=" + Instant.ofEpochSecond(T0 + 1)).status())
                .isEqualTo(404);
    }

    @Test
    void retransmissionIsAnsweredAgainButCountedOnce() throws Exception {
        byte[] request = RadiusAuthenticators.signRequest(RadiusCode.ACCOUNTING_REQUEST, 77, List.of(
                RadiusAttribute.integer(RadiusAttributeType.ACCT_STATUS_TYPE, 1),
                RadiusAttribute.text(RadiusAttributeType.USER_NAME, "rc-carol"),
                RadiusAttribute.address(RadiusAttributeType.NAS_IP_ADDRESS, InetAddress.getByName("192.0.2.51")),
                RadiusAttribute.text(RadiusAttributeType.ACCT_SESSION_ID, "rc-3"),
                RadiusAttribute.address(RadiusAttributeType.FRAMED_IP_ADDRESS, InetAddress.getByName("203.0.113.12")),
                RadiusAttribute.integer(RadiusAttributeType.EVENT_TIMESTAMP, T0)),
                SECRET.getBytes(StandardCharsets.UTF_8));
        JsonNode before = api.get("/api/v1/radius/statistics").json();

        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            socket.setSoTimeout(5_000);
            byte[] first = exchange(socket, request);
            byte[] second = exchange(socket, request);
            assertThat(second).isEqualTo(first);
            assertThat(RadiusAuthenticators.verifyResponse(first, first.length,
                    java.util.Arrays.copyOfRange(request, 4, 20), SECRET.getBytes(StandardCharsets.UTF_8))).isTrue();
        }

        JsonNode after = api.get("/api/v1/radius/statistics").json();
        assertThat(after.get("accepted").asLong() - before.get("accepted").asLong()).isEqualTo(1);
        assertThat(after.get("duplicates").asLong() - before.get("duplicates").asLong()).isEqualTo(1);
        assertThat(who("203.0.113.12", T0 + 5).get("subscriberId").asString()).isEqualTo("rc-carol");
    }

    @Test
    void unregisteredLoopbackSenderWithTheDefaultSecretFeedsTheFirstOrganisation() throws Exception {
        byte[] request = RadiusAuthenticators.signRequest(RadiusCode.ACCOUNTING_REQUEST, 9, List.of(
                RadiusAttribute.integer(RadiusAttributeType.ACCT_STATUS_TYPE, 1),
                RadiusAttribute.text(RadiusAttributeType.USER_NAME, "rc-default"),
                RadiusAttribute.text(RadiusAttributeType.ACCT_SESSION_ID, "rc-7"),
                RadiusAttribute.address(RadiusAttributeType.FRAMED_IP_ADDRESS, InetAddress.getByName("203.0.113.77")),
                RadiusAttribute.integer(RadiusAttributeType.EVENT_TIMESTAMP, T0)),
                "testing123".getBytes(StandardCharsets.UTF_8));

        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getByName("127.0.0.2"))) {
            socket.setSoTimeout(5_000);
            exchange(socket, request);
        }

        Api bootstrap = api.as(RenkeiTest.BOOTSTRAP_TOKEN);
        assertThat(bootstrap.get("/api/v1/attribution?ip=203.0.113.77&at=" + Instant.ofEpochSecond(T0 + 1)).json()
                .get("subscriberId").asString()).isEqualTo("rc-default");
        assertThat(api.get("/api/v1/attribution?ip=203.0.113.77&at=" + Instant.ofEpochSecond(T0 + 1)).status())
                .isEqualTo(404);
    }

    byte[] exchange(DatagramSocket socket, byte[] request) throws IOException {
        socket.send(new DatagramPacket(request, request.length, InetAddress.getLoopbackAddress(), radius.port()));
        byte[] buffer = new byte[4096];
        DatagramPacket reply = new DatagramPacket(buffer, buffer.length);
        try {
            socket.receive(reply);
        } catch (SocketTimeoutException e) {
            throw new AssertionError("no Accounting-Response", e);
        }
        return java.util.Arrays.copyOf(buffer, reply.getLength());
    }

    @Test
    void delegatedIpv6PrefixAttributesEveryAddressInside() throws Exception {
        assertThat(radclient(SECRET, "Acct-Status-Type = Start", "User-Name = \"rc-dora\"",
                "NAS-IP-Address = 192.0.2.50", "Acct-Session-Id = \"rc-6\"", "Framed-IP-Address = 203.0.113.16",
                "Delegated-IPv6-Prefix = 2001:db8:4400::/56", "Event-Timestamp = " + T0)).isTrue();

        JsonNode v6 = who("2001:db8:4400:ff:1:2:3:4", T0 + 60);
        assertThat(v6.get("subscriberId").asString()).isEqualTo("rc-dora");
        assertThat(who("203.0.113.16", T0 + 60).get("subscriberId").asString()).isEqualTo("rc-dora");
        assertThat(api.get("/api/v1/attribution?ip=2001:db8:4401::1&at=" + Instant.ofEpochSecond(T0 + 60)).status())
                .isEqualTo(404);
    }

    /**
     * Not the benchmark (that is the bench module's), but the same shape: many NAS sockets
     * pipelining thousands of distinct Starts; every one is answered once stored, none lost or
     * stored twice.
     */
    @Test
    void aBurstOfThousandsOfRequestsIsStoredOnceAndAnsweredEach() throws Exception {
        int senders = 4;
        int perSender = 1_500;
        long before = api.get("/api/v1/radius/statistics").json().get("accepted").asLong();
        long started = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        java.util.concurrent.atomic.AtomicInteger answered = new java.util.concurrent.atomic.AtomicInteger();
        for (int s = 0; s < senders; s++) {
            int sender = s;
            Thread thread = new Thread(() -> {
                try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
                    socket.setSoTimeout(10_000);
                    socket.setReceiveBufferSize(4 * 1024 * 1024);
                    java.util.Set<Integer> pending = new java.util.HashSet<>();
                    for (int i = 0; i < perSender; i++) {
                        int n = sender * perSender + i;
                        byte[] request = RadiusAuthenticators.signRequest(RadiusCode.ACCOUNTING_REQUEST, i & 0xff, List.of(
                                RadiusAttribute.integer(RadiusAttributeType.ACCT_STATUS_TYPE, 1),
                                RadiusAttribute.text(RadiusAttributeType.USER_NAME, "load-" + n),
                                RadiusAttribute.address(RadiusAttributeType.NAS_IP_ADDRESS,
                                        InetAddress.getByName("192.0.2.70")),
                                RadiusAttribute.text(RadiusAttributeType.ACCT_SESSION_ID, "load-" + n),
                                RadiusAttribute.address(RadiusAttributeType.FRAMED_IP_ADDRESS,
                                        InetAddress.getByAddress(new byte[] {10, 99, (byte) (n >> 8), (byte) n})),
                                RadiusAttribute.integer(RadiusAttributeType.EVENT_TIMESTAMP, T0 + n)),
                                SECRET.getBytes(StandardCharsets.UTF_8));
                        socket.send(new DatagramPacket(request, request.length, InetAddress.getLoopbackAddress(),
                                radius.port()));
                        pending.add(i & 0xff);
                        // At most 256 outstanding identifiers per socket, as a real NAS.
                        if (pending.size() == 200 || i == perSender - 1) {
                            byte[] buffer = new byte[64];
                            while (!pending.isEmpty()) {
                                DatagramPacket reply = new DatagramPacket(buffer, buffer.length);
                                socket.receive(reply);
                                if (pending.remove(buffer[1] & 0xff)) {
                                    answered.incrementAndGet();
                                }
                            }
                        }
                    }
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread t : threads) {
            t.join();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("RADIUS burst: %d requests answered in %.2f s (%.0f/s)%n", answered.get(), seconds,
                answered.get() / seconds);

        assertThat(answered.get()).isEqualTo(senders * perSender);
        assertThat(api.get("/api/v1/radius/statistics").json().get("accepted").asLong() - before)
                .isEqualTo(senders * perSender);
        assertThat(who("10.99.5.220", T0 + 1500 + 10).get("subscriberId").asString()).isEqualTo("load-1500");
    }

    @Test
    void nasClientsAreManagedPerOrganisationAndNeverShowTheirSecret() {
        JsonNode list = api.get("/api/v1/nas-clients").json();
        assertThat(list.toString()).contains("127.0.0.1").contains("bras-1").doesNotContain(SECRET);

        Tenants.Member other = new Tenants(accounts).newIsp("Other ISP", Role.ADMINISTRATOR);
        Api otherApi = api.as(other.token());
        assertThat(otherApi.get("/api/v1/nas-clients").json()).isEmpty();
        assertThat(otherApi.get("/api/v1/nas-clients/127.0.0.1").status()).isEqualTo(404);
        assertThat(Writes.put(httpPort, other.token(), "/api/v1/nas-clients/127.0.0.1", "{\"secret\":\"x\"}"))
                .isEqualTo(409);
        assertThat(Writes.delete(httpPort, other.token(), "/api/v1/nas-clients/127.0.0.1")).isEqualTo(404);
        String auditor = new Tenants(accounts).member(org, Role.AUDITOR).token();
        assertThat(Writes.put(httpPort, auditor, "/api/v1/nas-clients/192.0.2.99", "{\"secret\":\"x\"}"))
                .isEqualTo(403);
    }
}
