package jp.renkei.server.attribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;

import jp.renkei.server.attribution.internal.AttributionIndexes;
import jp.renkei.server.attribution.internal.RetentionSweep;
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
import org.springframework.context.ApplicationEventPublisher;
import tools.jackson.databind.JsonNode;

/**
 * Answers that say how sure they are: boundaries within the clock-skew tolerance, addresses that
 * are not ours, logs that expired; every lookup audited, and the audit log for auditors only.
 */
@RenkeiTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HonestAnswersFlowTest {

    static final String IP = "198.51.100.40";
    static final Instant ALICE_START = Instant.parse("2024-09-24T00:00:00Z");
    static final Instant HAND_OVER = Instant.parse("2024-09-24T08:00:00Z");
    static final Instant BOB_STOP = Instant.parse("2024-09-24T12:00:00Z");

    @LocalServerPort
    int port;
    @Autowired
    Accounts accounts;
    @Autowired
    Attributions attributions;
    @Autowired
    AttributionIndexes indexes;
    @Autowired
    RetentionSweep retention;
    @Autowired
    ApplicationEventPublisher events;

    Api api;
    String token;
    long org;

    @BeforeAll
    void importADayOfAccounting() {
        Tenants.Member admin = new Tenants(accounts).newIsp("Honest ISP", Role.ADMINISTRATOR);
        org = admin.organisationId();
        token = admin.token();
        api = new Api(port, token);
        String detail = DetailFile.fromNas("192.0.2.60")
                .start("ha-alice", "ha-1", IP, ALICE_START)
                .stop("ha-alice", "ha-1", IP, ALICE_START, HAND_OVER)
                .start("ha-bob", "ha-2", IP, HAND_OVER)
                .stop("ha-bob", "ha-2", IP, HAND_OVER, BOB_STOP)
                .toString();
        assertThat(api.upload("/api/v1/assignments/import?format=freeradius-detail", "detail-ha", detail).status())
                .isEqualTo(200);
        assertThat(Writes.put(port, token, "/api/v1/attribution/settings/policy",
                "{\"clockSkew\":\"PT30S\",\"addressPools\":[\"198.51.100.0/24\",\"2001:db8::/32\"]}")).isEqualTo(200);
    }

    JsonNode who(String ip, String at) {
        return api.get("/api/v1/attribution?ip=" + ip + "&at=" + at).json();
    }

    @Test
    void theInMemoryIndexAnswersExactlyAsTheDatabase() {
        List<String> queries = List.of("ip=" + IP + "&at=2024-09-24T04:00:00Z", "ip=" + IP + "&at=2024-09-24T08:00:10Z",
                "ip=" + IP + "&at=2024-09-24T12:00:20Z", "ip=" + IP + "&at=2024-09-24T12:01:00Z",
                "ip=192.0.2.1&at=2024-09-24T04:00:00Z", "ip=" + IP + "&port=80&at=2024-09-24T07:59:59Z");
        events.publishEvent(new AssignmentsChanged(org));
        long before = indexes.hits();
        List<String> fromSql = queries.stream().map(q -> api.get("/api/v1/attribution?" + q).body()).toList();
        assertThat(indexes.hits()).isEqualTo(before);

        assertThat(indexes.rebuild(org)).isEqualTo(2);
        List<String> fromIndex = queries.stream().map(q -> api.get("/api/v1/attribution?" + q).body()).toList();

        assertThat(fromIndex).isEqualTo(fromSql);
        assertThat(indexes.hits() - before).isEqualTo(5);
    }

    @Test
    void wellInsideASessionIsExact() {
        JsonNode alice = who(IP, "2024-09-24T04:00:00Z");

        assertThat(alice.get("subscriberId").asString()).isEqualTo("ha-alice");
        assertThat(alice.get("confidence").asString()).isEqualTo("exact");
        assertThat(alice.has("candidates")).isFalse();
    }

    @Test
    void nearAHandOverBothHoldersAreCandidates() {
        JsonNode justAfter = who(IP, "2024-09-24T08:00:10Z");

        assertThat(justAfter.get("subscriberId").asString()).isEqualTo("ha-bob");
        assertThat(justAfter.get("confidence").asString()).isEqualTo("boundary");
        assertThat(justAfter.get("candidates").valueStream().map(c -> c.get("subscriberId").asString()))
                .containsExactly("ha-bob", "ha-alice");
    }

    @Test
    void aClockSlightlyAheadOfTheNasStillFindsTheHolderAsABoundaryCase() {
        JsonNode late = who(IP, "2024-09-24T12:00:20Z");

        assertThat(late.get("subscriberId").asString()).isEqualTo("ha-bob");
        assertThat(late.get("confidence").asString()).isEqualTo("boundary");
        assertThat(api.get("/api/v1/attribution?ip=" + IP + "&at=2024-09-24T12:01:00Z").json().get("reason")
                .asString()).isEqualTo("no-assignment");
    }

    @Test
    void anAddressOutsideOurPoolsIsNotOurs() {
        Api.Answer answer = api.get("/api/v1/attribution?ip=192.0.2.1&at=2024-09-24T04:00:00Z");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.json().get("reason").asString()).isEqualTo("not-our-address");
    }

    @Test
    void anInstantOlderThanTheRetainedLogsIsLogExpiredAndCounted() {
        Tenants.Member other = new Tenants(accounts).newIsp("Forgetful ISP", Role.ADMINISTRATOR);
        assertThat(Writes.put(port, other.token(), "/api/v1/attribution/settings/sources/radius",
                "{\"retention\":\"P90D\"}")).isEqualTo(200);
        Api forgetful = api.as(other.token());

        Api.Answer answer = forgetful.get("/api/v1/attribution?ip=198.51.100.1&at=2024-01-01T00:00:00Z");
        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.json().get("reason").asString()).isEqualTo("log-expired");
        Api.Answer recent = forgetful.get("/api/v1/attribution?ip=198.51.100.1&at=" + Instant.now().minusSeconds(3600));
        assertThat(recent.json().get("reason").asString()).isEqualTo("no-assignment");

        attributions.attributeObservation(other.organisationId(), 9_000_001L, "198.51.100.1", OptionalInt.empty(),
                Instant.parse("2024-01-01T00:00:00Z"), "system");
        JsonNode stats = forgetful.get("/api/v1/attribution/statistics?period=P1D").json();
        assertThat(stats.get("byOutcome").get("log-expired").asLong()).isEqualTo(1);
        assertThat(stats.get("lateReports").asLong()).isEqualTo(1);
        assertThat(stats.get("total").asLong()).isEqualTo(1);
        assertThat(stats.get("attributed").asLong()).isZero();
    }

    @Test
    void logsPastTheirRetentionAreDeletedButEvidenceOfObservationsIsKept() {
        Tenants.Member other = new Tenants(accounts).newIsp("Tidy ISP", Role.ADMINISTRATOR);
        Api tidy = api.as(other.token());
        String detail = DetailFile.fromNas("192.0.2.61")
                .start("td-1", "td-1", "198.51.100.50", ALICE_START)
                .stop("td-1", "td-1", "198.51.100.50", ALICE_START, HAND_OVER)
                .start("td-2", "td-2", "198.51.100.51", Instant.now().minusSeconds(7_200))
                .toString();
        tidy.upload("/api/v1/assignments/import?format=freeradius-detail", "detail-tidy", detail);
        assertThat(Writes.put(port, other.token(), "/api/v1/attribution/settings/sources/freeradius-detail",
                "{\"retention\":\"P30D\"}")).isEqualTo(200);

        assertThat(retention.purge(other.organisationId())).isEqualTo(1);
        assertThat(retention.purge(other.organisationId())).isZero();
        assertThat(tidy.get("/api/v1/attribution?ip=198.51.100.51&at=" + Instant.now().minusSeconds(3_600)).json()
                .get("subscriberId").asString()).isEqualTo("td-2");
    }

    @Test
    void everyLookupIsAuditedWithItsPortAndOnlyAuditorsSeeTheLog() {
        String purpose = "case-" + System.nanoTime();
        api.get("/api/v1/attribution?ip=" + IP + "&port=8080&at=2024-09-24T05:00:00Z&purpose=" + purpose);

        Api auditor = api.as(new Tenants(accounts).member(org, Role.AUDITOR).token());
        JsonNode audit = auditor.get("/api/v1/audit").json();
        assertThat(audit.valueStream().filter(e -> e.get("detail").asString().equals(purpose))
                .map(e -> e.get("actor").asString().startsWith("administrator") + " " + e.get("action").asString() + " "
                        + e.get("subject").asString()))
                .containsExactly("true attribution 198.51.100.40:8080@2024-09-24T05:00:00Z");
        assertThat(api.get("/api/v1/audit").status()).isEqualTo(403);
        Api operator = api.as(new Tenants(accounts).member(org, Role.OPERATOR).token());
        assertThat(operator.get("/api/v1/audit").status()).isEqualTo(403);
    }
}
