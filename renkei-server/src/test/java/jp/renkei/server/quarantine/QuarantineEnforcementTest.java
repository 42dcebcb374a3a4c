package jp.renkei.server.quarantine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jp.renkei.core.PeerProcess;
import jp.renkei.core.quarantine.ConsentLevel;
import jp.renkei.core.radius.SubscriberAttribute;
import jp.renkei.server.attribution.NasClients;
import jp.renkei.server.platform.Accounts;
import jp.renkei.server.platform.Role;
import jp.renkei.server.quarantine.GardenFixtures.Line;
import jp.renkei.server.quarantine.internal.EnforcementAction;
import jp.renkei.server.quarantine.internal.EnforcementLedger;
import jp.renkei.server.testing.Browser;
import jp.renkei.server.testing.RenkeiTest;
import jp.renkei.server.testing.Tenants;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.util.HtmlUtils;

/**
 * Enforcement against real peers, configured through the administrator's page: the server writes
 * the response-policy zones into the directory a real BIND {@code named} on loopback loads them
 * from and reloads it with {@code rndc} ({@code dig -b 127.0.0.x} is the subscriber's resolver), and
 * sends CoA and Disconnect-Requests to a real FreeRADIUS acting as the NAS of the session.
 */
@RenkeiTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QuarantineEnforcementTest {

    static final String GARDEN = "192.0.2.80";
    static final String SECRET = "renkei-coa-secret";
    static final Path RPZ;

    static {
        try {
            RPZ = Files.createTempDirectory("renkei-server-rpz-");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void enforcement(DynamicPropertyRegistry registry) {
        registry.add("renkei.garden.rpz.directory", RPZ::toString);
        registry.add("renkei.quarantine.enforcement-retry", () -> "PT1S");
        registry.add("renkei.quarantine.enforcement-poll", () -> "PT1S");
        registry.add("renkei.quarantine.coa-timeout", () -> "PT1S");
        registry.add("renkei.garden.rpz.coalesce", () -> "PT1S");
    }

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    Accounts accounts;
    @Autowired
    Quarantines quarantines;
    @Autowired
    EnforcementLedger ledger;

    Tenants.Member admin;
    Browser adminPages;
    GardenFixtures fixtures;
    final LoopbackPeers peers = new LoopbackPeers();

    @BeforeAll
    void peersAndSettings() throws Exception {
        admin = new Tenants(accounts).newIsp("Enforcing ISP", Role.ADMINISTRATOR);
        fixtures = new GardenFixtures(context, port);
        peers.startNamed(RPZ, admin.organisationId(), GARDEN);
        peers.startFreeRadius(SECRET);
        context.getBean(NasClients.class).put(admin.organisationId(), admin.username(), "127.0.0.1", "bras-1", SECRET,
                SubscriberAttribute.USER_NAME);
        adminPages = new Browser(port);
        adminPages.signIn(admin.username(), admin.password());
        adminPages.get("/settings/garden");
        Browser.Page saved = adminPages.post("/settings/garden", Map.ofEntries(Map.entry("radiusAction", "coa"),
                Map.entry("coaPort", Integer.toString(peers.coaPort)), Map.entry("filterId", "renkei-quarantine"),
                Map.entry("vendorAttributes", "9:1=subscriber:service-name=walled-garden"),
                Map.entry("rpzEnabled", "true"), Map.entry("gardenIpv4", GARDEN),
                Map.entry("reloadCommand", String.join("\n", PeerProcess.program("rndc", "bind9"), "-c",
                        RPZ.resolve("rndc.conf").toString(), "reload"))));
        assertThat(saved.status()).isEqualTo(302);
        assertThat(adminPages.get("/settings/garden").body()).doesNotContain("id=\"error\"").contains("renkei-quarantine");
    }

    @AfterAll
    void stopPeers() {
        peers.close();
    }

    List<String> dig(String source, String name) throws Exception {
        return peers.dig(source, name);
    }

    String received(String packetType, String sessionId) throws Exception {
        return peers.received(packetType, sessionId);
    }

    void awaitDig(String source, String name, String expected) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> assertThat(dig(source, name)).containsExactly(expected));
    }

    EnforcementAction awaitAction(Line line, long quarantineId, String adapter, String action) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() ->
                ledger.of(line.organisationId(), quarantineId).stream().anyMatch(a -> a.adapter().equals(adapter)
                        && a.action().equals(action) && !a.state().equals("pending")));
        return ledger.of(line.organisationId(), quarantineId).stream()
                .filter(a -> a.adapter().equals(adapter) && a.action().equals(action)).findFirst().orElseThrow();
    }

    long start(Line line) {
        fixtures.consent(line, ConsentLevel.QUARANTINE_ALLOWED);
        QuarantineStart started = quarantines.start(line.organisationId(), line.caseId(), line.subscriberId(),
                "default@1#2", Instant.now());
        assertThat(started).isInstanceOf(QuarantineStart.Started.class);
        return ((QuarantineStart.Started) started).quarantineId();
    }

    void releaseByStaff(long quarantineId) {
        adminPages.get("/quarantines");
        assertThat(adminPages.post("/quarantines/" + quarantineId + "/release", Map.of()).status()).isEqualTo(302);
    }

    @Test
    void theZoneSendsAQuarantinedClientToTheGardenLetsAllowListedNamesThroughAndAReleasedClientResolvesNormally()
            throws Exception {
        Line line = fixtures.line(admin, "Q-DNS", "127.0.0.5", "127.0.0.1", "s-dns-1");
        adminPages.get("/settings/garden");
        adminPages.post("/settings/garden/allow", Map.of("name", "firmware.vendor.example.test", "note", "Vendor firmware"));
        adminPages.post("/settings/garden/allow", Map.of("name", "*.firmware.vendor.example.test", "note", ""));
        assertThat(dig("127.0.0.5", "www.example.test")).containsExactly("A 192.0.2.10");

        long id = start(line);

        assertThat(awaitAction(line, id, "dns", "start").state()).as(ledger.of(line.organisationId(), id).toString())
                .isEqualTo("done");
        awaitDig("127.0.0.5", "www.example.test", "A " + GARDEN);
        assertThat(dig("127.0.0.5", "no-such-name.example.test")).containsExactly("A " + GARDEN);
        assertThat(dig("127.0.0.5", "firmware.vendor.example.test")).containsExactly("A 192.0.2.20");
        assertThat(dig("127.0.0.5", "dl.firmware.vendor.example.test")).containsExactly("A 192.0.2.21");
        assertThat(dig("127.0.0.5", "vendor.example.test")).as("the parent is not allow-listed").containsExactly("A " + GARDEN);
        assertThat(dig("127.0.0.6", "www.example.test")).as("another subscriber").containsExactly("A 192.0.2.10");
        assertThat(Files.readString(RPZ.resolve(line.organisationId() + "-quarantine.zone"))).contains("32.5.0.0.127.rpz-client-ip");

        // The subscriber reconnects and gets another address: the zone follows the line, not the address.
        Instant now = Instant.now();
        new jp.renkei.server.testing.Api(port, admin.token()).upload(
                "/api/v1/assignments/import?format=freeradius-detail", "detail-reconnect",
                jp.renkei.server.attribution.DetailFile.fromNas("127.0.0.1")
                        .stop("Q-DNS", "s-dns-1", "127.0.0.5", now.minus(Duration.ofHours(1)), now.minusSeconds(60))
                        .start("Q-DNS", "s-dns-2", "127.0.0.8", now.minusSeconds(30)).toString());
        awaitDig("127.0.0.8", "www.example.test", "A " + GARDEN);
        awaitDig("127.0.0.5", "www.example.test", "A 192.0.2.10");

        releaseByStaff(id);

        assertThat(awaitAction(line, id, "dns", "release").state()).isEqualTo("done");
        awaitDig("127.0.0.8", "www.example.test", "A 192.0.2.10");
        assertThat(adminPages.get("/quarantines").body()).contains("rndc");
    }

    @Test
    void aCoaWithTheConfiguredAttributesAndSecretReachesTheNasAndTheReleaseDisconnectsTheSession() throws Exception {
        Line line = fixtures.line(admin, "Q-COA", "198.51.100.7", "127.0.0.1", "s-coa-1");

        long id = start(line);

        EnforcementAction coa = awaitAction(line, id, "radius", "start");
        assertThat(coa.state()).as(coa.toString()).isEqualTo("done");
        assertThat(coa.outcome()).contains("CoA-Request for 198.51.100.7 to 127.0.0.1:" + peers.coaPort, "CoA-ACK");
        assertThat(received("CoA-Request", "s-coa-1")).contains(
                "User-Name = \"Q-COA\"",
                "Framed-IP-Address = 198.51.100.7",
                "NAS-IP-Address = 127.0.0.1",
                "Filter-Id = \"renkei-quarantine\"",
                "Cisco-AVPair = \"subscriber:service-name=walled-garden\"",
                "Event-Timestamp = ");

        releaseByStaff(id);

        EnforcementAction release = awaitAction(line, id, "radius", "release");
        assertThat(release.state()).isEqualTo("done");
        assertThat(release.outcome()).contains("Disconnect-ACK");
        assertThat(received("Disconnect-Request", "s-coa-1")).contains("User-Name = \"Q-COA\"",
                "Framed-IP-Address = 198.51.100.7");
    }

    @Test
    void aNasThatDoesNotAnswerIsRetriedWithTheErrorOnTheQuarantinesPage() {
        context.getBean(NasClients.class).put(admin.organisationId(), admin.username(), "127.0.0.3", "bras-down", SECRET,
                SubscriberAttribute.USER_NAME);
        Line line = fixtures.line(admin, "Q-DOWN", "198.51.100.11", "127.0.0.3", "s-down-1");

        long id = start(line);

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() ->
                ledger.of(line.organisationId(), id).stream().anyMatch(a -> a.adapter().equals("radius")
                        && a.attempts() >= 1));
        EnforcementAction coa = ledger.of(line.organisationId(), id).stream().filter(a -> a.adapter().equals("radius"))
                .findFirst().orElseThrow();
        assertThat(coa.state()).as("retried with backoff, not given up").isEqualTo("pending");
        assertThat(coa.lastError()).contains("CoA-Request for 198.51.100.11 to 127.0.0.3:" + peers.coaPort);
        assertThat(coa.nextAttemptAt()).isAfter(coa.createdAt());
        assertThat(adminPages.get("/quarantines").body()).contains("to 127.0.0.3:" + peers.coaPort);
    }

    @Test
    void aSessionOnAnUnregisteredNasFailsVisiblyOnTheQuarantinesPage() {
        Line line = fixtures.line(admin, "Q-NONAS", "198.51.100.9", "192.0.2.99", "s-nonas-1");

        long id = start(line);

        EnforcementAction coa = awaitAction(line, id, "radius", "start");
        assertThat(coa.state()).isEqualTo("failed");
        assertThat(coa.lastError()).contains("no NAS client registered for 192.0.2.99");
        assertThat(adminPages.get("/quarantines").body())
                .contains(HtmlUtils.htmlEscape("no NAS client registered for 192.0.2.99"));
    }
}
