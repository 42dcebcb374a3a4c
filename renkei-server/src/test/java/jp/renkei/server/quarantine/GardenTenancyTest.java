package jp.renkei.server.quarantine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import jp.renkei.core.quarantine.ConsentLevel;
import jp.renkei.server.attribution.Attributions;
import jp.renkei.server.platform.Accounts;
import jp.renkei.server.platform.AuditLog;
import jp.renkei.server.platform.Role;
import jp.renkei.server.quarantine.GardenFixtures.GardenVisitor;
import jp.renkei.server.quarantine.GardenFixtures.Line;
import jp.renkei.server.quarantine.web.GardenPort;
import jp.renkei.server.testing.RenkeiTest;
import jp.renkei.server.testing.Tenants;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.util.HtmlUtils;

/**
 * The walled garden in a Renkei shared by several ISPs: the client's address is looked up only in
 * the ISP whose declared address pools hold it, so no other ISP's audit log records a lookup and
 * private address space reused by two ISPs names the right subscriber; a single ISP without pools
 * still finds its subscribers; when the garden cannot tell whose address it is, it asks nobody.
 */
@RenkeiTest
// A Renkei of its own (the limit is the default), so the only quarantines are this scenario's.
@TestPropertySource(properties = "renkei.quarantine.self-release-limit=2")
@ExtendWith(OutputCaptureExtension.class)
class GardenTenancyTest {

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    Accounts accounts;
    @Autowired
    Quarantines quarantines;
    @Autowired
    AuditLog audit;
    @Autowired
    GardenPort garden;

    Tenants tenants;
    GardenFixtures fixtures;

    @BeforeEach
    void noQuarantineFromAnotherScenario() {
        tenants = new Tenants(accounts);
        fixtures = new GardenFixtures(context, port);
        for (long org : quarantines.organisationsWithActive()) {
            quarantines.allActive(org).forEach(q -> quarantines.releaseByStaff(org, q.id(), "test", Instant.now()));
        }
    }

    Line quarantined(Tenants.Member admin, String subscriberId, String address) {
        Line line = fixtures.line(admin, subscriberId, address, "192.0.2.10", "s-" + subscriberId);
        fixtures.consent(line, ConsentLevel.QUARANTINE_ALLOWED);
        assertThat(quarantines.start(line.organisationId(), line.caseId(), subscriberId, "default@1#2", Instant.now()))
                .isInstanceOf(QuarantineStart.Started.class);
        return line;
    }

    /** Identity lookups in the organisation's audit log: who held an address. */
    List<AuditLog.AuditEvent> lookups(Tenants.Member isp) {
        return audit.recent(isp.organisationId(), 500).stream()
                .filter(e -> e.action().equals(Attributions.AUDIT_ACTION)).toList();
    }

    GardenVisitor visitor(String address) {
        return new GardenVisitor(garden.port().orElseThrow(), address);
    }

    String name(Tenants.Member isp) {
        return HtmlUtils.htmlEscape(accounts.organisationName(isp.organisationId()));
    }

    @Test
    void onlyTheIspWhosePoolsHoldTheAddressIsAskedAndItsSubscriberReleasesThemselves() {
        // Both ISPs hand out the same private address; only Kansai Net declared where it does.
        Tenants.Member kanto = tenants.newIsp("Kanto Net", Role.ADMINISTRATOR);
        Tenants.Member kansai = tenants.newIsp("Kansai Net", Role.ADMINISTRATOR);
        fixtures.declarePools(kansai, "10.20.0.0/16");
        Line atKanto = quarantined(kanto, "KANTO-1", "10.20.0.7");
        Line atKansai = quarantined(kansai, "KANSAI-1", "10.20.0.7");
        GardenVisitor visitor = visitor("10.20.0.7");

        String page = visitor.get("/").body();

        assertThat(page).contains("id=\"garden\"", name(kansai), "id=\"release\"").doesNotContain(name(kanto));
        assertThat(lookups(kanto)).as("nobody looked up the client in Kanto Net's log").isEmpty();
        assertThat(lookups(kansai)).singleElement().satisfies(e -> {
            assertThat(e.actor()).isEqualTo("walled-garden");
            assertThat(e.subject()).startsWith("10.20.0.7@");
        });

        assertThat(visitor.release().statusCode()).isEqualTo(302);
        assertThat(quarantines.active(atKansai.organisationId(), "KANSAI-1")).isEmpty();
        assertThat(quarantines.active(atKanto.organisationId(), "KANTO-1")).as("the other ISP's line").isPresent();
        assertThat(lookups(kanto)).isEmpty();
    }

    @Test
    void aSingleIspWithoutPoolsStillFindsItsSubscriberBesideIspsWhosePoolsAreElsewhere() {
        Tenants.Member small = tenants.newIsp("Small Net", Role.ADMINISTRATOR);
        Tenants.Member other = tenants.newIsp("Other Net", Role.ADMINISTRATOR);
        fixtures.declarePools(other, "192.168.0.0/16");
        quarantined(small, "SMALL-1", "10.30.0.7");
        quarantined(other, "OTHER-1", "192.168.0.7");

        String page = visitor("10.30.0.7").get("/").body();

        assertThat(page).contains("id=\"garden\"", name(small), "id=\"release\"");
        assertThat(lookups(small)).hasSize(1);
        assertThat(lookups(other)).isEmpty();
    }

    @Test
    void twoIspsWithoutPoolsAreAmbiguousSoNobodyIsAskedAndTheAddressIsLogged(CapturedOutput output) {
        Tenants.Member first = tenants.newIsp("First Net", Role.ADMINISTRATOR);
        Tenants.Member second = tenants.newIsp("Second Net", Role.ADMINISTRATOR);
        quarantined(first, "FIRST-1", "10.40.0.7");
        quarantined(second, "SECOND-1", "10.40.0.7");

        String page = visitor("10.40.0.7").get("/").body();

        assertThat(page).contains("id=\"garden-free\"").doesNotContain("id=\"release\"");
        assertThat(lookups(first)).isEmpty();
        assertThat(lookups(second)).isEmpty();
        assertThat(output.getAll()).containsPattern("10\\.40\\.0\\.7 could belong to organisations \\["
                + first.organisationId() + ", " + second.organisationId() + "\\]");
    }

    @Test
    void twoIspsWhosePoolsBothHoldTheAddressAreAmbiguousToo() {
        Tenants.Member wide = tenants.newIsp("Wide Net", Role.ADMINISTRATOR);
        Tenants.Member narrow = tenants.newIsp("Narrow Net", Role.ADMINISTRATOR);
        fixtures.declarePools(wide, "10.50.0.0/16");
        fixtures.declarePools(narrow, "10.50.0.0/24");
        quarantined(wide, "WIDE-1", "10.50.0.7");
        quarantined(narrow, "NARROW-1", "10.50.0.7");

        String page = visitor("10.50.0.7").get("/").body();

        assertThat(page).contains("id=\"garden-free\"").doesNotContain("id=\"release\"");
        assertThat(lookups(wide)).isEmpty();
        assertThat(lookups(narrow)).isEmpty();
    }
}
