package jp.renkei.server.attribution;

import static org.assertj.core.api.Assertions.assertThat;

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

/** Every assignment format through the API: good records kept, bad ones reported by line, then attributed. */
@RenkeiTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AssignmentFormatsFlowTest {

    @LocalServerPort
    int port;
    @Autowired
    Accounts accounts;

    Api api;
    String token;

    @BeforeAll
    void ownIsp() {
        Tenants.Member admin = new Tenants(accounts).newIsp("Formats ISP", Role.OPERATOR);
        api = new Api(port, admin.token());
        token = admin.token();
    }

    JsonNode upload(String format, String name, String content) {
        Api.Answer answer = api.upload("/api/v1/assignments/import?format=" + format, name, content);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    JsonNode who(String query) {
        return api.get("/api/v1/attribution?" + query).json();
    }

    static String rejectedLines(JsonNode result) {
        StringBuilder lines = new StringBuilder();
        result.get("rejected").forEach(r -> lines.append(r.get("line").asLong()).append(' '));
        return lines.toString().strip();
    }

    @Test
    void keaForensicLogTakesOption82CircuitIdAsTheSubscriber() {
        String log = """
                2018-01-06 01:02:03 UTC Address: 192.2.1.100 has been assigned for 1 hrs 0 min 0 secs to a device with hardware address: hwtype=1 08:00:2b:02:3f:4e, client-id: 17:34:e2:ff:09:92:54 connected via relay at address: 192.2.16.33, identified by circuit-id: 68:6f:77:64:79 and remote-id: 87:f6:79:77:ef
                this is not a lease event
                2018-01-06 01:30:00 UTC Address: 192.2.1.100 has been released from a device with hardware address: hwtype=1 08:00:2b:02:3f:4e, client-id: 17:34:e2:ff:09:92:54 connected via relay at address: 192.2.16.33, identified by circuit-id: 68:6f:77:64:79 and remote-id: 87:f6:79:77:ef
                """;
        JsonNode result = upload("kea-forensic", "kea-legal0.txt", log);

        assertThat(result.get("accepted").asLong()).isEqualTo(1);
        assertThat(rejectedLines(result)).isEqualTo("2");
        JsonNode held = who("ip=192.2.1.100&at=2018-01-06T01:10:00Z");
        assertThat(held.get("subscriberId").asString()).isEqualTo("68:6f:77:64:79");
        assertThat(held.get("to").asString()).isEqualTo("2018-01-06T01:30:00Z");
        assertThat(upload("kea-forensic", "kea-legal0.txt", log).get("duplicates").asLong()).isEqualTo(1);
    }

    @Test
    void keaLease6SnapshotAttributesAnAddressInsideADelegatedPrefix() {
        String csv = """
                address,duid,valid_lifetime,expire,subnet_id,pref_lifetime,lease_type,iaid,prefix_len,fqdn_fwd,fqdn_rev,hostname,hwaddr,state,user_context,hwtype,hwaddr_source,pool_id
                2001:db8:1::,00:03:00:01:08:00:2b:02:3f:4e,86400,1764086400,1,43200,2,1,56,0,0,,08:00:2b:02:3f:4e,0,,1,2,0
                not-an-address,00:03:00:01:08:00:2b:02:3f:4f,3600,1764003600,1,1800,0,1,128,0,0,,08:00:2b:02:3f:4f,0,,1,0,0
                """;
        JsonNode result = upload("kea-lease6", "kea-leases6.csv", csv);

        assertThat(result.get("accepted").asLong()).isEqualTo(1);
        assertThat(rejectedLines(result)).isEqualTo("3");
        JsonNode held = who("ip=2001:db8:1:ff::1&at=2025-11-25T00:00:00Z");
        assertThat(held.get("subscriberId").asString()).isEqualTo("08:00:2b:02:3f:4e");
        assertThat(held.get("from").asString()).isEqualTo("2025-11-24T16:00:00Z");
        assertThat(api.get("/api/v1/attribution?ip=2001:db8:2::1&at=2025-11-25T00:00:00Z").status()).isEqualTo(404);
    }

    @Test
    void keaLease4SnapshotKeepsGoodRowsAndNamesBadOnes() {
        String csv = """
                address,hwaddr,client_id,valid_lifetime,expire,subnet_id,fqdn_fwd,fqdn_rev,hostname,state,user_context,pool_id
                192.0.2.10,08:00:2b:02:3f:4e,01:08:00:2b:02:3f:4e,3600,1764000000,1,0,0,cpe-1,0,,0
                192.0.2.300,08:00:2b:02:3f:50,,3600,1764000000,1,0,0,,0,,0
                """;
        JsonNode result = upload("kea-lease4", "kea-leases4.csv", csv);

        assertThat(result.get("accepted").asLong()).isEqualTo(1);
        assertThat(rejectedLines(result)).isEqualTo("3");
        assertThat(who("ip=192.0.2.10&at=2025-11-24T15:30:00Z").get("subscriberId").asString())
                .isEqualTo("08:00:2b:02:3f:4e");
    }

    @Test
    void dhcpdLeasesLastEntryWins() {
        String leases = """
                lease 10.0.0.2 {
                  starts 5 2020/04/10 08:27:36;
                  ends 5 2020/04/10 20:27:36;
                  binding state active;
                  hardware ethernet 08:00:27:ab:cd:ef;
                }
                lease 10.0.0.2 {
                  starts 5 2020/04/10 08:27:36;
                  ends 5 2020/04/10 12:00:00;
                  binding state free;
                  hardware ethernet 08:00:27:ab:cd:ef;
                }
                lease 10.0.0.5 {
                  starts 5 2020/13/10 09:00:00;
                  ends 5 2020/04/10 21:00:00;
                  hardware ethernet 08:00:27:00:00:05;
                }
                """;
        JsonNode result = upload("dhcpd-leases", "dhcpd.leases", leases);

        assertThat(rejectedLines(result)).startsWith("13");
        assertThat(who("ip=10.0.0.2&at=2020-04-10T10:00:00Z").get("subscriberId").asString())
                .isEqualTo("08:00:27:ab:cd:ef");
        assertThat(api.get("/api/v1/attribution?ip=10.0.0.2&at=2020-04-10T13:00:00Z").status()).isEqualTo(404);
    }

    @Test
    void cgnatAddressNeedsThePortToNameOneSubscriber() {
        String csv = """
                public_ip,port_start,port_end,inside_ip,subscriber_id,start,end
                198.51.100.7,1024,2047,100.64.0.10,S000010,2026-11-22T00:00:00Z,2026-11-22T06:00:00Z
                198.51.100.7,2048,3071,100.64.0.11,S000011,2026-11-22T01:00:00Z,
                198.51.100.7,3072,2000,100.64.0.13,S000013,2026-11-22T00:00:00Z,
                """;
        JsonNode result = upload("cgnat-pba", "pba.csv", csv);
        assertThat(result.get("accepted").asLong()).isEqualTo(2);
        assertThat(rejectedLines(result)).isEqualTo("4");

        JsonNode withPort = who("ip=198.51.100.7&port=2100&at=2026-11-22T02:00:00Z");
        assertThat(withPort.get("subscriberId").asString()).isEqualTo("S000011");
        assertThat(withPort.get("confidence").asString()).isEqualTo("open-session");

        JsonNode withoutPort = who("ip=198.51.100.7&at=2026-11-22T02:00:00Z");
        assertThat(withoutPort.get("confidence").asString()).isEqualTo("shared-address");
        assertThat(withoutPort.get("subscriberId").isNull()).isTrue();
        assertThat(withoutPort.get("candidates").valueStream().map(c -> c.get("subscriberId").asString()
                + " " + c.get("portFirst").asInt() + "-" + c.get("portLast").asInt()))
                .containsExactly("S000010 1024-2047", "S000011 2048-3071");

        assertThat(api.get("/api/v1/attribution?ip=198.51.100.7&port=5000&at=2026-11-22T02:00:00Z").status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/attribution?ip=198.51.100.7&port=70000&at=2026-11-22T02:00:00Z").status())
                .isEqualTo(400);
    }

    @Test
    void theSubscriberAttributeIsChosenPerSource() {
        assertThat(Writes.put(port, token, "/api/v1/attribution/settings/sources/dhcpd-leases",
                "{\"subscriberAttribute\":\"circuit-id\"}")).isEqualTo(200);
        String leases = """
                lease 10.0.1.3 {
                  starts 5 2020/04/10 09:00:00;
                  ends 5 2020/04/10 21:00:00;
                  binding state active;
                  hardware ethernet 08:00:27:00:00:03;
                  option agent.circuit-id "ge-0/0/1.100";
                }
                """;
        upload("dhcpd-leases", "dhcpd-circuit.leases", leases);

        assertThat(who("ip=10.0.1.3&at=2020-04-10T10:00:00Z").get("subscriberId").asString()).isEqualTo("ge-0/0/1.100");
        JsonNode settings = api.get("/api/v1/attribution/settings").json();
        assertThat(settings.get("sources").valueStream()
                .filter(s -> s.get("kind").asString().equals("dhcpd-leases"))
                .map(s -> s.get("subscriberAttribute").asString())).containsExactly("circuit-id");
    }

    @Test
    void deterministicNatComputesTheInsideAddressFromThePublicPort() {
        Tenants.Member admin = new Tenants(accounts).newIsp("NAT ISP", Role.ADMINISTRATOR);
        Api nat = api.as(admin.token());
        assertThat(Writes.put(port, admin.token(), "/api/v1/attribution/settings/policy", """
                {"deterministicNat":[{"inside":"100.64.0.0/28","publicPrefix":"203.0.113.200/32",
                  "portsPerSubscriber":2048,"portOffset":1024}]}""")).isEqualTo(200);
        String detail = DetailFile.fromNas("192.0.2.90")
                .start("dn-eve", "dn-5", "100.64.0.5", java.time.Instant.parse("2026-11-22T00:00:00Z"))
                .start("dn-fay", "dn-6", "100.64.0.6", java.time.Instant.parse("2026-11-22T00:00:00Z"))
                .toString();
        assertThat(nat.upload("/api/v1/assignments/import?format=freeradius-detail", "detail-nat", detail).status())
                .isEqualTo(200);

        // Inside address 5 has ports 1024 + 5 * 2048 = 11264 to 13311 of the public address.
        JsonNode eve = nat.get("/api/v1/attribution?ip=203.0.113.200&port=11271&at=2026-11-22T01:00:00Z").json();
        assertThat(eve.get("subscriberId").asString()).isEqualTo("dn-eve");
        JsonNode fay = nat.get("/api/v1/attribution?ip=203.0.113.200&port=13312&at=2026-11-22T01:00:00Z").json();
        assertThat(fay.get("subscriberId").asString()).isEqualTo("dn-fay");
        JsonNode shared = nat.get("/api/v1/attribution?ip=203.0.113.200&at=2026-11-22T01:00:00Z").json();
        assertThat(shared.get("confidence").asString()).isEqualTo("shared-address");
        assertThat(shared.get("candidates").valueStream().map(c -> c.get("subscriberId").asString()))
                .containsExactlyInAnyOrder("dn-eve", "dn-fay");
        assertThat(nat.get("/api/v1/attribution/settings").json().get("deterministicNat").get(0).get("publicPrefix")
                .asString()).isEqualTo("203.0.113.200/32");
    }
}
