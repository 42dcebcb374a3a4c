package jp.renkei.core.radius;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jp.renkei.core.PeerProcess;
import jp.renkei.core.radius.DynamicAuthorizationResult.Ack;
import jp.renkei.core.radius.DynamicAuthorizationResult.Nak;
import jp.renkei.core.radius.DynamicAuthorizationResult.NoAnswer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * CoA and Disconnect-Requests to Debian's FreeRADIUS, started from a minimal configuration as the
 * NAS side of RFC 5176 ({@code listen { type = coa }}): it writes every request it accepts to a
 * detail file, acknowledges it, and refuses a Filter-Id other than the quarantine filter and an
 * unknown session the way a NAS would, with an Error-Cause.
 */
class DynamicAuthorizationFreeRadiusTest {

    static final String SECRET = "renkei-coa-secret";
    static final Instant AT = Instant.parse("2026-11-23T09:00:00Z");

    static PeerProcess freeradius;
    static Path dir;
    static int port;

    @BeforeAll
    static void startFreeRadius() throws Exception {
        String program = PeerProcess.program("freeradius", "freeradius");
        dir = Files.createTempDirectory("renkei-coa-");
        port = PeerProcess.freePort();
        Files.writeString(dir.resolve("radiusd.conf"), """
                prefix = /usr
                raddbdir = %1$s
                confdir = ${raddbdir}
                run_dir = ${raddbdir}
                logdir = ${raddbdir}
                libdir = /usr/lib/freeradius
                pidfile = ${run_dir}/radiusd.pid
                max_request_time = 5
                cleanup_delay = 1
                max_requests = 256
                hostname_lookups = no
                log {
                \tdestination = stdout
                }
                security {
                \tallow_core_dumps = no
                \tmax_attributes = 200
                \treject_delay = 0
                \tstatus_server = no
                }
                proxy_requests = no
                client renkei {
                \tipaddr = 127.0.0.1
                \tsecret = %2$s
                }
                thread pool {
                \tstart_servers = 1
                \tmax_servers = 2
                \tmin_spare_servers = 1
                \tmax_spare_servers = 2
                }
                modules {
                \talways reject {
                \t\trcode = reject
                \t}
                \talways ok {
                \t\trcode = ok
                \t}
                \tdetail received {
                \t\tfilename = ${raddbdir}/received.detail
                \t\tescape_filenames = no
                \t\tpermissions = 0600
                \t\theader = "%%t"
                \t}
                }
                listen {
                \ttype = coa
                \tipaddr = 127.0.0.1
                \tport = %3$d
                \tvirtual_server = nas
                }
                server nas {
                \trecv-coa {
                \t\treceived
                \t\tif (&Acct-Session-Id == "no-such-session") {
                \t\t\tupdate reply {
                \t\t\t\t&Error-Cause := Session-Context-Not-Found
                \t\t\t}
                \t\t\treject
                \t\t}
                \t\tif (&Filter-Id && &Filter-Id != "renkei-quarantine") {
                \t\t\tupdate reply {
                \t\t\t\t&Error-Cause := Invalid-Attribute-Value
                \t\t\t}
                \t\t\treject
                \t\t}
                \t\tok
                \t}
                \tsend-coa {
                \t\tok
                \t}
                }
                """.formatted(dir, SECRET, port));
        freeradius = PeerProcess.start(List.of(program, "-X", "-d", dir.toString()), dir, "Ready to process requests",
                Duration.ofSeconds(30));
    }

    @AfterAll
    static void stopFreeRadius() {
        if (freeradius != null) {
            freeradius.close();
        }
    }

    static DynamicAuthorizationClient client(String secret) {
        return new DynamicAuthorizationClient(new InetSocketAddress(InetAddress.getLoopbackAddress(), port),
                secret.getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(1), 2);
    }

    /** The detail-file entry FreeRADIUS wrote for the request with this Acct-Session-Id. */
    static String received(String sessionId) throws Exception {
        Path detail = dir.resolve("received.detail");
        String marker = "Acct-Session-Id = \"" + sessionId + "\"";
        for (int i = 0; i < 100; i++) {
            if (Files.exists(detail)) {
                for (String entry : Files.readString(detail).split("\n\n")) {
                    if (entry.contains(marker)) {
                        return entry;
                    }
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("FreeRADIUS recorded no request for " + sessionId + ":\n" + freeradius.output());
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
        assertThat(received("s-quarantine")).contains(
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
                session("no-such-session"), AT));

        assertThat(done).isInstanceOf(Ack.class);
        assertThat(received("s-disconnect")).contains("Packet-Type = Disconnect-Request", "User-Name = \"taro@isp\"");
        assertThat(gone).isInstanceOf(Nak.class);
        assertThat(((Nak) gone).cause()).contains(ErrorCause.SESSION_CONTEXT_NOT_FOUND);
    }

    @Test
    void aRequestWithTheWrongSecretGetsNoValidAnswer() throws Exception {
        DynamicAuthorizationResult result = client("not-the-secret").send(DynamicAuthorizationRequest.coa(
                session("s-wrong-secret"), Optional.of("renkei-quarantine"), List.of(), AT));

        assertThat(result).isInstanceOf(NoAnswer.class);
        assertThat(((NoAnswer) result).attempts()).isEqualTo(2);
        assertThat(freeradius.awaitOutput("invalid Request Authenticator", Duration.ofSeconds(5))).isTrue();
        Path detail = dir.resolve("received.detail");
        assertThat(Files.exists(detail) ? Files.readString(detail) : "").doesNotContain("s-wrong-secret");
    }
}
