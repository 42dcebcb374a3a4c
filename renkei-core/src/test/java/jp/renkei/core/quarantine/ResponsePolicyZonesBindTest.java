package jp.renkei.core.quarantine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import jp.renkei.core.PeerProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The policy zones as BIND's {@code named} loads them, queried with {@code dig} from distinct
 * loopback source addresses (Linux routes all of 127/8 to lo), one per subscriber. Two views run
 * the two kinds of garden answer: local data for clients in 127.0/16 and ::1, an alias for 127.1/16.
 */
class ResponsePolicyZonesBindTest {

    static final String GARDEN_V4 = "192.0.2.80";
    static final String GARDEN_V6 = "2001:db8::80";
    static final ResponsePolicyZones LOCAL_DATA = ResponsePolicyZones.standard(
            new GardenAnswer.Addresses(Optional.of(GARDEN_V4), Optional.of(GARDEN_V6)));
    static final ResponsePolicyZones ALIAS = ResponsePolicyZones.standard(
            new GardenAnswer.Alias(AllowedDestination.parse("garden.example.test")));
    static final List<AllowedDestination> ALLOWED = List.of(AllowedDestination.parse("firmware.vendor.example.test"),
            AllowedDestination.parse("*.firmware.vendor.example.test"), AllowedDestination.parse("portal.example.test"));
    /** Stays quarantined throughout; the IPv6 prefixes exercise every shape of the zz form. */
    static final List<ClientIpTrigger> KEPT = List.of(ClientIpTrigger.of("127.0.0.5"), ClientIpTrigger.of("127.0.1.0/24"),
            ClientIpTrigger.of("::1"), ClientIpTrigger.of("2001:db8:12:3400::/56"),
            ClientIpTrigger.of("2001:db8:0:0:5:0:0:1"), ClientIpTrigger.of("2001:0:6:5:4:3:2:1"),
            ClientIpTrigger.of("2001:db8:0:0:1::/80"));
    static final ClientIpTrigger RELEASED = ClientIpTrigger.of("127.0.0.7");

    static final String RPZ_READY = ": reload done: success";

    static PeerProcess named;
    static Path dir;
    static int port;
    static long serial;

    static final String EXAMPLE_TEST = """
            $TTL 60
            @ IN SOA ns.example.test. hostmaster.example.test. 1 60 60 600 60
            @ IN NS ns.example.test.
            ns IN A 127.0.0.1
            www IN A 192.0.2.10
            www IN AAAA 2001:db8::10
            vendor IN A 192.0.2.19
            firmware.vendor IN A 192.0.2.20
            dl.firmware.vendor IN A 192.0.2.21
            portal IN A 192.0.2.30
            garden IN A 192.0.2.80
            """;

    @BeforeAll
    static void startNamed() throws Exception {
        String namedProgram = PeerProcess.program("named", "bind9");
        dir = Files.createTempDirectory("renkei-rpz-");
        port = PeerProcess.freePort();
        int control = PeerProcess.freePort();
        String secret = Base64.getEncoder().encodeToString(new SecureRandom().generateSeed(32));
        String key = "key \"renkei-test\" { algorithm hmac-sha256; secret \"" + secret + "\"; };\n";
        Files.writeString(dir.resolve("rndc.conf"), key + "options { default-key \"renkei-test\"; default-server 127.0.0.1;"
                + " default-port " + control + "; };\n");
        serial = ZoneSerial.next(OptionalLong.empty(), Instant.now());
        List<ClientIpTrigger> quarantined = new ArrayList<>(KEPT);
        quarantined.add(RELEASED);
        for (String view : List.of("local", "alias")) {
            Files.writeString(dir.resolve(view + "-example.test.zone"), EXAMPLE_TEST);
        }
        writeZones("local", LOCAL_DATA, quarantined);
        writeZones("alias", ALIAS, List.of(ClientIpTrigger.of("127.1.0.5")));
        Files.writeString(dir.resolve("named.conf"), key
                + "controls { inet 127.0.0.1 port " + control + " allow { 127.0.0.1; } keys { \"renkei-test\"; }; };\n"
                + "options {\n"
                + "  directory \"" + dir + "\";\n"
                + "  pid-file \"" + dir.resolve("named.pid") + "\";\n"
                + "  session-keyfile \"" + dir.resolve("session.key") + "\";\n"
                + "  listen-on port " + port + " { 127.0.0.1; };\n"
                + "  listen-on-v6 port " + port + " { ::1; };\n"
                // Authoritative only: the test names are local; recursive-only no lets RPZ rewrite them.
                + "  recursion no;\n"
                + "  dnssec-validation no;\n"
                + "};\n"
                + view("local", "127.0.0.0/16; ::1;", LOCAL_DATA)
                + view("alias", "127.1.0.0/16;", ALIAS));
        named = PeerProcess.start(List.of(namedProgram, "-g", "-n", "1", "-c", dir.resolve("named.conf").toString(),
                "-p", Integer.toString(port)), dir, "running", Duration.ofSeconds(30));
        // BIND says "running" before it has built the policy summaries; queries before that pass unrewritten.
        assertThat(named.awaitOutput(RPZ_READY, 4, Duration.ofSeconds(30))).as(named.output()).isTrue();
    }

    static String view(String name, String clients, ResponsePolicyZones zones) {
        String statement = zones.responsePolicyStatement();
        String policy = statement.substring(0, statement.length() - 1) + " recursive-only no qname-wait-recurse no;";
        return "view \"" + name + "\" {\n"
                + "  match-clients { " + clients + " };\n"
                + "  " + policy + "\n"
                + "  zone \"example.test\" { type primary; file \"" + name + "-example.test.zone\"; };\n"
                + "  zone \"" + zones.allowZone() + "\" { type primary; file \"" + name + "-allow.zone\"; };\n"
                + "  zone \"" + zones.quarantineZone() + "\" { type primary; file \"" + name + "-quarantine.zone\"; };\n"
                + "};\n";
    }

    static void writeZones(String view, ResponsePolicyZones zones, List<ClientIpTrigger> quarantined) throws Exception {
        Files.writeString(dir.resolve(view + "-allow.zone"), zones.allowZoneText(serial, ALLOWED));
        Files.writeString(dir.resolve(view + "-quarantine.zone"), zones.quarantineZoneText(serial, quarantined));
    }

    @AfterAll
    static void stopNamed() {
        if (named != null) {
            named.close();
        }
    }

    /** The answer section of dig from this source address, as "TYPE data" lines, or the status when there is none. */
    static List<String> dig(String source, String name, String type) throws Exception {
        String server = source.contains(":") ? "::1" : "127.0.0.1";
        String out = PeerProcess.run(List.of(PeerProcess.program("dig", "bind9-dnsutils"), "-p", Integer.toString(port),
                "-b", source, "@" + server, name, type, "+norecurse", "+tries=1", "+time=3", "+noall", "+answer",
                "+comments"), Duration.ofSeconds(10));
        List<String> answers = new ArrayList<>();
        String status = "no status in:\n" + out;
        for (String line : out.split("\n")) {
            if (line.contains("status: ")) {
                status = line.replaceAll(".*status: ([A-Z]+).*", "$1");
            } else if (!line.isBlank() && !line.startsWith(";")) {
                String[] f = line.trim().split("\\s+", 5);
                answers.add(f[3] + " " + f[4]);
            }
        }
        return answers.isEmpty() ? List.of(status) : answers;
    }

    @Test
    void aQuarantinedClientGetsTheWalledGardenForAnyName() throws Exception {
        assertThat(dig("127.0.0.5", "www.example.test", "A")).containsExactly("A " + GARDEN_V4);
        assertThat(dig("127.0.0.5", "no-such-name.example.test", "A")).containsExactly("A " + GARDEN_V4);
        assertThat(dig("127.0.0.5", "www.example.test", "AAAA")).containsExactly("AAAA " + GARDEN_V6);
        assertThat(dig("127.0.1.9", "www.example.test", "A")).as("inside a quarantined /24").containsExactly("A " + GARDEN_V4);
    }

    @Test
    void otherClientsResolveNormally() throws Exception {
        assertThat(dig("127.0.0.6", "www.example.test", "A")).containsExactly("A 192.0.2.10");
        assertThat(dig("127.0.0.6", "no-such-name.example.test", "A")).containsExactly("NXDOMAIN");
        assertThat(dig("127.0.2.9", "www.example.test", "A")).containsExactly("A 192.0.2.10");
    }

    @Test
    void allowListedNamesPassForAQuarantinedClient() throws Exception {
        assertThat(dig("127.0.0.5", "firmware.vendor.example.test", "A")).containsExactly("A 192.0.2.20");
        assertThat(dig("127.0.0.5", "dl.firmware.vendor.example.test", "A")).as("wildcard").containsExactly("A 192.0.2.21");
        assertThat(dig("127.0.0.5", "portal.example.test", "A")).containsExactly("A 192.0.2.30");
        assertThat(dig("127.0.0.5", "vendor.example.test", "A")).as("the parent is not allow-listed")
                .containsExactly("A " + GARDEN_V4);
    }

    @Test
    void anIpv6ClientIsQuarantinedAndBindTakesEveryTriggerAsCanonical() throws Exception {
        assertThat(dig("::1", "www.example.test", "AAAA")).containsExactly("AAAA " + GARDEN_V6);
        assertThat(dig("::1", "firmware.vendor.example.test", "A")).containsExactly("A 192.0.2.20");
        assertThat(named.output()).doesNotContain("is not the canonical").doesNotContain("invalid rpz");
    }

    @Test
    void theGardenCanBeAHostNameThatResolvesAsUsual() throws Exception {
        assertThat(dig("127.1.0.5", "www.example.test", "A"))
                .containsExactly("CNAME garden.example.test.", "A 192.0.2.80");
        assertThat(dig("127.1.0.6", "www.example.test", "A")).containsExactly("A 192.0.2.10");
    }

    @Test
    void aReleasedClientResolvesNormallyOnceTheZoneIsRegeneratedAndReloaded() throws Exception {
        assertThat(dig("127.0.0.7", "www.example.test", "A")).containsExactly("A " + GARDEN_V4);

        long previous = ZoneSerial.readFrom(Files.readString(dir.resolve("local-quarantine.zone"))).orElseThrow();
        serial = ZoneSerial.next(OptionalLong.of(previous), Instant.now());
        writeZones("local", LOCAL_DATA, KEPT);
        int readyBefore = named.count(RPZ_READY);
        PeerProcess.run(List.of(PeerProcess.program("rndc", "bind9"), "-c", dir.resolve("rndc.conf").toString(),
                "reload", LOCAL_DATA.quarantineZone(), "IN", "local"), Duration.ofSeconds(10));
        assertThat(named.awaitOutput("zone " + LOCAL_DATA.quarantineZone() + "/IN/local: loaded serial " + serial,
                Duration.ofSeconds(10))).as(named.output()).isTrue();
        assertThat(named.awaitOutput(RPZ_READY, readyBefore + 1, Duration.ofSeconds(10))).as(named.output()).isTrue();
        assertThat(dig("127.0.0.1", LOCAL_DATA.quarantineZone(), "SOA").get(0)).contains(" " + serial + " ");

        assertThat(dig("127.0.0.7", "www.example.test", "A")).containsExactly("A 192.0.2.10");
        assertThat(dig("127.0.0.5", "www.example.test", "A")).containsExactly("A " + GARDEN_V4);
    }
}
