package jp.renkei.server.attribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import jp.renkei.server.platform.Accounts;
import jp.renkei.server.platform.Role;
import jp.renkei.server.testing.Api;
import jp.renkei.server.testing.RenkeiTest;
import jp.renkei.server.testing.Tenants;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** An address that passes between three subscribers in one day, as RADIUS accounting tells it. */
@RenkeiTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AttributionFlowTest {

    static final String IP = "198.51.100.20";
    static final String REBOOTED_IP = "198.51.100.21";
    static final Instant A_START = Instant.parse("2024-09-24T00:10:00Z");
    static final Instant HAND_OVER = Instant.parse("2024-09-24T08:00:00Z");
    static final Instant B_STOP = Instant.parse("2024-09-24T12:00:00Z");
    static final Instant C_START = Instant.parse("2024-09-24T13:30:00Z");
    static final Instant D_START = Instant.parse("2024-09-24T09:00:00Z");
    static final Instant NAS_RESTART = Instant.parse("2024-09-24T15:00:00Z");

    @LocalServerPort
    int port;
    @Autowired
    Accounts accounts;

    Api api;
    JsonNode firstImport;
    JsonNode secondImport;
    JsonNode rebootedNasImport;

    static String detailFile() {
        return DetailFile.fromNas("192.0.2.10")
                .start("af-alice", "af-1", IP, A_START)
                .stop("af-alice", "af-1", IP, A_START, HAND_OVER)
                .start("af-bob", "af-2", IP, HAND_OVER)
                .stop("af-bob", "af-2", IP, HAND_OVER, B_STOP)
                .start("af-carol", "af-3", IP, C_START)
                .toString();
    }

    /** Another NAS that rebooted without sending Stops for its sessions. */
    static String rebootedNasFile() {
        return DetailFile.fromNas("192.0.2.12")
                .start("af-dave", "af-4", REBOOTED_IP, D_START)
                .accountingOn(NAS_RESTART)
                .toString();
    }

    @BeforeAll
    void importAccounting() {
        api = new Api(port, RenkeiTest.BOOTSTRAP_TOKEN);
        String detail = detailFile();
        firstImport = api.upload("/api/v1/assignments/import?format=freeradius-detail", "detail-20240924", detail)
                .json();
        secondImport = api.upload("/api/v1/assignments/import?format=freeradius-detail", "detail-20240924", detail)
                .json();
        rebootedNasImport = api.upload("/api/v1/assignments/import?format=freeradius-detail", "detail-nas12",
                rebootedNasFile()).json();
    }

    @Test
    void importTakesEveryAccountingRecord() {
        assertThat(firstImport.get("accepted").asLong()).isEqualTo(5);
        assertThat(firstImport.get("duplicates").asLong()).isZero();
        assertThat(firstImport.get("rejected")).isEmpty();
        assertThat(rebootedNasImport.get("accepted").asLong()).isEqualTo(2);
    }

    @Test
    void reimportingTheSameFileChangesNothingAndReportsDuplicates() {
        assertThat(secondImport.get("accepted").asLong()).isZero();
        assertThat(secondImport.get("duplicates").asLong()).isEqualTo(5);
    }

    @ParameterizedTest(name = "{0} at {1} → {2}")
    @CsvSource({
            "198.51.100.20, 2024-09-24T00:10:00Z, af-alice",
            "198.51.100.20, 2024-09-24T03:00:00Z, af-alice",
            "198.51.100.20, 2024-09-24T07:59:59Z, af-alice",
            "198.51.100.20, 2024-09-24T08:00:00Z, af-bob",
            "198.51.100.20, 2024-09-24T11:59:59Z, af-bob",
            "198.51.100.20, 2024-09-24T13:30:00Z, af-carol",
            "198.51.100.20, 2024-09-30T23:00:00Z, af-carol",
            "198.51.100.21, 2024-09-24T14:59:59Z, af-dave",
    })
    void attributesIpToTheSubscriberWhoHeldItAtThatInstant(String ip, String at, String subscriber) {
        Api.Answer answer = api.get("/api/v1/attribution?ip=" + ip + "&at=" + at);

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().get("subscriberId").asString()).isEqualTo(subscriber);
        assertThat(answer.json().get("source").asString()).startsWith("freeradius-detail:detail-");
    }

    @ParameterizedTest(name = "{0} at {1}")
    @CsvSource({
            "198.51.100.20, 2024-09-24T12:00:00Z",   // bob's Stop: the period is half-open
            "198.51.100.20, 2024-09-24T12:45:00Z",   // gap between bob and carol
            "198.51.100.20, 2024-09-24T00:09:59Z",   // before anyone
            "198.51.100.21, 2024-09-24T15:00:00Z",   // the NAS restarted and ended dave's session
            "198.51.100.99, 2024-09-24T10:00:00Z",   // never assigned
    })
    void answersNoAssignmentWhenNobodyHeldTheIp(String ip, String at) {
        Api.Answer answer = api.get("/api/v1/attribution?ip=" + ip + "&at=" + at);

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.json().get("reason").asString()).isEqualTo("no-assignment");
    }

    @Test
    void sessionWithoutStopStaysOpen() {
        JsonNode carol = api.get("/api/v1/attribution?ip=" + IP + "&at=2024-09-24T20:00:00Z").json();

        assertThat(carol.get("from").asString()).isEqualTo("2024-09-24T13:30:00Z");
        assertThat(carol.get("to").isNull()).isTrue();
    }

    @Test
    void closedSessionAnswersWithItsPeriod() {
        JsonNode bob = api.get("/api/v1/attribution?ip=" + IP + "&at=2024-09-24T09:00:00Z").json();

        assertThat(bob.get("from").asString()).isEqualTo("2024-09-24T08:00:00Z");
        assertThat(bob.get("to").asString()).isEqualTo("2024-09-24T12:00:00Z");
        assertThat(bob.get("assignmentId").asLong()).isPositive();
    }

    @Test
    void everyAttributionCallLeavesAnAuditEvent() {
        String purpose = "abuse ticket " + System.nanoTime();
        api.get("/api/v1/attribution?ip=" + IP + "&at=2024-09-24T05:00:00Z&purpose=" + purpose.replace(' ', '+'));
        api.get("/api/v1/attribution?ip=" + IP + "&at=2024-09-24T12:30:00Z&purpose=" + purpose.replace(' ', '+'));

        long org = api.get("/api/v1/me").json().get("organisationId").asLong();
        Api auditor = api.as(new Tenants(accounts).member(org, Role.AUDITOR).token());
        JsonNode audit = auditor.get("/api/v1/audit").json();
        assertThat(audit.valueStream()
                .filter(e -> e.get("action").asString().equals("attribution"))
                .filter(e -> e.get("detail").asString().equals(purpose))
                .map(e -> e.get("actor").asString() + " " + e.get("subject").asString()))
                .containsExactlyInAnyOrder("admin 198.51.100.20@2024-09-24T05:00:00Z",
                        "admin 198.51.100.20@2024-09-24T12:30:00Z");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "ip=not-an-ip&at=2024-09-24T05:00:00Z | ip",
            "ip=198.51.100.0/24&at=2024-09-24T05:00:00Z | ip",
            "at=2024-09-24T05:00:00Z | ip",
            "ip=1&at=2024-09-24T05:00:00Z | ip",
            "ip=198.51.100.20&at=yesterday | at",
            "ip=198.51.100.20 | at",
    })
    void malformedParameterIsRefusedByName(String query, String parameter) {
        Api.Answer answer = api.get("/api/v1/attribution?" + query);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("parameter").asString()).isEqualTo(parameter);
        assertThat(answer.json().get("detail").asString()).contains(parameter);
    }

    @Test
    void unknownAccountingFormatIsRefusedNamingTheSupportedOnes() {
        Api.Answer answer = api.upload("/api/v1/assignments/import?format=kea-lease", "leases.csv", "address\n");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("reason").asString()).isEqualTo("bad-file");
        assertThat(answer.json().get("detail").asString()).contains("kea-lease").contains("freeradius-detail");
    }

    @Test
    void badAccountingRecordsAreRejectedWithTheirLineWhileGoodOnesAreKept() {
        String file = DetailFile.fromNas("192.0.2.11")
                .start("af-erin", "af-5", "198.51.100.30", Instant.parse("2024-09-25T01:00:00Z"))
                .raw("Wed Sep 25 02:00:00 2024\n\tAcct-Status-Type = Start\n\tUser-Name = \"x\"\n"
                        + "\tAcct-Session-Id = \"af-6\"\n\tFramed-IP-Address = 999.1.1.1\n\tTimestamp = 1727229600")
                .toString();

        JsonNode result = api.upload("/api/v1/assignments/import?format=freeradius-detail", "detail-bad", file).json();

        assertThat(result.get("accepted").asLong()).isEqualTo(1);
        assertThat(result.get("rejected").get(0).get("line").asLong()).isEqualTo(11);
        assertThat(result.get("rejected").get(0).get("reason").asString()).contains("Framed-IP-Address");
        assertThat(api.get("/api/v1/attribution?ip=198.51.100.30&at=2024-09-25T01:30:00Z").status()).isEqualTo(200);
    }
}
