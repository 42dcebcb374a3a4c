package jp.renkei.server.quarantine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import jp.renkei.core.FreeRadiusNas;
import jp.renkei.core.PeerProcess;
import jp.renkei.core.quarantine.GardenAnswer;
import jp.renkei.core.quarantine.ResponsePolicyZones;

/**
 * The real peers of the enforcement test, set up as an ISP would (the core tests' approach): BIND
 * {@code named} on loopback loading Renkei's policy zones, and FreeRADIUS as the NAS side of
 * RFC 5176 ({@link FreeRadiusNas}), writing every request it accepts to a detail file.
 */
final class LoopbackPeers implements AutoCloseable {

    PeerProcess named;
    FreeRadiusNas nas;
    int dnsPort;
    int coaPort;

    /** named serving example.test and the organisation's policy zones from {@code rpz}, rndc.conf beside them. */
    void startNamed(Path rpz, long org, String garden) throws Exception {
        dnsPort = PeerProcess.freePort();
        int control = PeerProcess.freePort();
        String key64 = Base64.getEncoder().encodeToString(new SecureRandom().generateSeed(32));
        String key = "key \"renkei-test\" { algorithm hmac-sha256; secret \"" + key64 + "\"; };\n";
        Files.writeString(rpz.resolve("rndc.conf"), key + "options { default-key \"renkei-test\"; default-server 127.0.0.1;"
                + " default-port " + control + "; };\n");
        Files.writeString(rpz.resolve("example.test.zone"), """
                $TTL 60
                @ IN SOA ns.example.test. hostmaster.example.test. 1 60 60 600 60
                @ IN NS ns.example.test.
                ns IN A 127.0.0.1
                www IN A 192.0.2.10
                vendor IN A 192.0.2.19
                firmware.vendor IN A 192.0.2.20
                dl.firmware.vendor IN A 192.0.2.21
                """);
        // What an operator installs once: empty policy zones, which Renkei then rewrites.
        ResponsePolicyZones zones = ResponsePolicyZones.standard(new GardenAnswer.Addresses(Optional.of(garden), Optional.empty()));
        Files.writeString(rpz.resolve(org + "-allow.zone"), zones.allowZoneText(1, List.of()));
        Files.writeString(rpz.resolve(org + "-quarantine.zone"), zones.quarantineZoneText(1, List.of()));
        String statement = zones.responsePolicyStatement();
        Files.writeString(rpz.resolve("named.conf"), key
                + "controls { inet 127.0.0.1 port " + control + " allow { 127.0.0.1; } keys { \"renkei-test\"; }; };\n"
                + "options {\n"
                + "  directory \"" + rpz + "\";\n"
                + "  pid-file \"" + rpz.resolve("named.pid") + "\";\n"
                + "  session-keyfile \"" + rpz.resolve("session.key") + "\";\n"
                + "  listen-on port " + dnsPort + " { 127.0.0.1; };\n"
                + "  listen-on-v6 { none; };\n"
                + "  recursion no;\n"
                + "  dnssec-validation no;\n"
                + "  " + statement.substring(0, statement.length() - 1) + " recursive-only no qname-wait-recurse no;\n"
                + "};\n"
                + "zone \"example.test\" { type primary; file \"example.test.zone\"; };\n"
                + "zone \"" + zones.allowZone() + "\" { type primary; file \"" + org + "-allow.zone\"; };\n"
                + "zone \"" + zones.quarantineZone() + "\" { type primary; file \"" + org + "-quarantine.zone\"; };\n");
        named = PeerProcess.start(List.of(PeerProcess.program("named", "bind9"), "-g", "-n", "1", "-c",
                rpz.resolve("named.conf").toString(), "-p", Integer.toString(dnsPort)), rpz, "running", Duration.ofSeconds(30));
        assertThat(named.awaitOutput(": reload done: success", 2, Duration.ofSeconds(30))).as(named.output()).isTrue();
    }

    /** FreeRADIUS acknowledging every CoA and Disconnect-Request from 127.0.0.1 with the secret. */
    void startFreeRadius(String secret) throws Exception {
        nas = FreeRadiusNas.start(secret, FreeRadiusNas.Answers.ACKNOWLEDGE_ALL);
        coaPort = nas.port();
    }

    /** The answer section of dig from this source address as "TYPE data" lines, or the status when empty. */
    List<String> dig(String source, String name) throws Exception {
        String out = PeerProcess.run(List.of(PeerProcess.program("dig", "bind9-dnsutils"), "-p", Integer.toString(dnsPort),
                "-b", source, "@127.0.0.1", name, "A", "+norecurse", "+tries=1", "+time=3", "+noall", "+answer",
                "+comments"), Duration.ofSeconds(10));
        List<String> answers = new ArrayList<>();
        String status = "no status";
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

    /** The detail-file entry FreeRADIUS wrote for a request of this type and session. */
    String received(String packetType, String sessionId) throws Exception {
        return nas.received(packetType, sessionId);
    }

    @Override
    public void close() {
        if (named != null) {
            named.close();
        }
        if (nas != null) {
            nas.close();
        }
    }
}
