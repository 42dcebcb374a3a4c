package jp.renkei.server.intake;

import static jp.renkei.server.intake.ShadowserverFile.EVENT4_SINKHOLE;
import static jp.renkei.server.intake.ShadowserverFile.SCAN_TELNET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jp.renkei.server.attribution.DetailFile;
import jp.renkei.server.platform.Accounts;
import jp.renkei.server.platform.AuditLog;
import jp.renkei.server.platform.Role;
import jp.renkei.server.subscribers.Subscriber;
import jp.renkei.server.subscribers.SubscriberDirectory;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The ISP desk's journey: subscribers, accounting and two Shadowserver reports go in; observations
 * come out attributed to the subscriber who held the address at the reported instant.
 */
@RenkeiTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IntakeFlowTest {

    static final String SUBSCRIBERS = """
            subscriber_id,name,email,phone,language
            IF-1,山田 太郎,taro@example.jp,03-0000-0001,ja
            IF-2,Jane Smith,jane@example.com,,en
            IF-3,佐藤 花子,hanako@example.jp,,ja
            IF-4,Broken Row,not-an-email,,ja
            """;

    static final String ACCOUNTING = DetailFile.fromNas("192.0.2.20")
            .start("IF-1", "if-1", "203.0.113.10", Instant.parse("2024-09-24T00:00:00Z"))
            .start("IF-3", "if-3", "203.0.113.11", Instant.parse("2024-09-24T00:00:00Z"))
            .stop("IF-1", "if-1", "203.0.113.10", Instant.parse("2024-09-24T00:00:00Z"),
                    Instant.parse("2024-09-24T12:00:00Z"))
            .start("IF-2", "if-2", "203.0.113.10", Instant.parse("2024-09-24T12:00:00Z"))
            .toString();

    static final String SCAN_TELNET_FILE = "2024-09-24-scan_telnet-asn-jp.csv";
    static final String SCAN = ShadowserverFile.of(SCAN_TELNET)
            .row("timestamp", "2024-09-24 06:00:00", "severity", "medium", "ip", "203.0.113.10", "protocol", "tcp",
                    "port", "23", "asn", "64500", "geo", "JP", "banner", "|MikroTik v6.45.3 (stable)|Login:")
            .row("timestamp", "2024-09-24 13:00:00", "severity", "medium", "ip", "203.0.113.10", "protocol", "tcp",
                    "port", "2323", "asn", "64500", "geo", "JP")
            .row("timestamp", "2024-09-24 13:00:00", "severity", "medium", "ip", "not-an-ip", "port", "23")
            .row("timestamp", "2024-09-24 10:00:00", "severity", "medium", "ip", "203.0.113.99", "protocol", "tcp",
                    "port", "23")
            .row("timestamp", "2024-09-24 10:00:00", "severity", "medium", "ip", "", "port", "23")
            .toString();

    static final String SINKHOLE_FILE = "2024-09-24-event4_sinkhole-asn-jp.csv";
    static final String SINKHOLE = ShadowserverFile.of(EVENT4_SINKHOLE)
            .row("timestamp", "2024-09-24 07:00:00", "protocol", "tcp", "src_ip", "203.0.113.11", "src_port", "40001",
                    "severity", "high", "dst_ip", "192.0.2.200", "dst_port", "80", "infection", "mirai",
                    "family", "mirai")
            .row("timestamp", "yesterday", "src_ip", "203.0.113.11")
            .row("timestamp", "2024-09-23 23:00:00", "protocol", "tcp", "src_ip", "203.0.113.11", "src_port", "40002",
                    "infection", "mirai")
            .toString();

    @LocalServerPort
    int port;
    @Autowired
    ObservationsRecordedProbe probe;
    @Autowired
    ObservationQueries observations;
    @Autowired
    SubscriberDirectory directory;
    @Autowired
    AuditLog audit;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Accounts accounts;

    Api api;
    long org;
    List<JsonNode> first;
    List<JsonNode> second;
    List<RecordedObservation> announcedFirst;
    long rowsAfterFirst;
    long rowsAfterSecond;
    int eventsAfterFirst;
    int eventsAfterSecond;

    @BeforeAll
    void importEverythingTwice() {
        // Its own ISP: other tests in this shared context import into Demo ISP.
        Tenants.Member operator = new Tenants(accounts).newIsp("Intake Flow ISP", Role.OPERATOR);
        api = new Api(port, operator.token());
        org = operator.organisationId();
        first = importAll();
        announcedFirst = mine(probe.observations(org));
        eventsAfterFirst = announcedFirst.size();
        rowsAfterFirst = observationRows();
        second = importAll();
        eventsAfterSecond = mine(probe.observations(org)).size();
        rowsAfterSecond = observationRows();
    }

    List<JsonNode> importAll() {
        return List.of(
                api.upload("/api/v1/subscribers/import", "subscribers.csv", SUBSCRIBERS).json(),
                api.upload("/api/v1/assignments/import?format=freeradius-detail", "detail-20240924", ACCOUNTING)
                        .json(),
                api.upload("/api/v1/observations/import?format=shadowserver", SCAN_TELNET_FILE, SCAN).json(),
                api.upload("/api/v1/observations/import?format=shadowserver", SINKHOLE_FILE, SINKHOLE).json());
    }

    static List<RecordedObservation> mine(List<RecordedObservation> all) {
        return all.stream().filter(o -> o.ip().startsWith("203.0.113.")).toList();
    }

    long observationRows() {
        return jdbc.sql("select count(*) from observation where organisation_id = ? and host(ip) like '203.0.113.%'")
                .param(org).query(Long.class).single();
    }

    @Test
    void goodRowsAreKeptAndBadRowsRejectedWithTheirLineNumbers() {
        assertThat(first).extracting(r -> r.get("accepted").asLong(), r -> lines(r.get("rejected")))
                .containsExactly(
                        tuple(3L, List.of(5L)),
                        tuple(4L, List.of()),
                        tuple(3L, List.of(4L, 6L)),
                        tuple(2L, List.of(3L)));
        assertThat(first.get(2).get("rejected").get(0).get("reason").asString()).contains("ip").contains("not-an-ip");
        assertThat(first.get(3).get("rejected").get(0).get("reason").asString()).contains("timestamp");
    }

    @Test
    void observationsAreAttributedToTheSubscriberWhoHeldTheIpAtTheReportedInstant() {
        assertThat(announcedFirst)
                .extracting(RecordedObservation::ip, o -> o.sourceTime().toString(), RecordedObservation::subscriberId)
                .containsExactlyInAnyOrder(
                        tuple("203.0.113.10", "2024-09-24T06:00:00Z", Optional.of("IF-1")),
                        tuple("203.0.113.10", "2024-09-24T13:00:00Z", Optional.of("IF-2")),
                        tuple("203.0.113.99", "2024-09-24T10:00:00Z", Optional.empty()),
                        tuple("203.0.113.11", "2024-09-24T07:00:00Z", Optional.of("IF-3")),
                        tuple("203.0.113.11", "2024-09-23T23:00:00Z", Optional.empty()));
    }

    @Test
    void storedObservationKeepsTheRawRecordAndTheAssignmentThatNamedTheSubscriber() {
        long id = announcedFirst.stream().filter(o -> o.subscriberId().equals(Optional.of("IF-1")))
                .findFirst().orElseThrow().observationId();

        ObservationView view = observations.byIds(org, List.of(id)).get(0);

        assertThat(view.evidence()).containsEntry("banner", "|MikroTik v6.45.3 (stable)|Login:")
                .containsEntry("asn", "64500");
        assertThat(view.port()).contains(23);
        assertThat(view.attribution().subscriberId()).contains("IF-1");
        assertThat(view.attribution().from()).contains(Instant.parse("2024-09-24T00:00:00Z"));
        assertThat(view.attribution().to()).contains(Instant.parse("2024-09-24T12:00:00Z"));
        assertThat(view.attribution().source()).contains("freeradius-detail:detail-20240924");
    }

    @Test
    void unattributableObservationsAreKeptAndListedWithTheirReason() {
        JsonNode list = api.get("/api/v1/observations?attributed=false").json();

        assertThat(list.valueStream().filter(o -> o.get("ip").asString().startsWith("203.0.113."))
                .map(o -> o.get("ip").asString() + " " + o.get("sourceTime").asString() + " " + o.get("reason")
                        .asString()))
                .containsExactlyInAnyOrder("203.0.113.99 2024-09-24T10:00:00Z no-assignment",
                        "203.0.113.11 2024-09-23T23:00:00Z no-assignment");
    }

    @Test
    void importingTheSameFilesAgainTakesNothingNewAndAnnouncesNothing() {
        assertThat(second).extracting(r -> r.get("accepted").asLong()).containsOnly(0L);
        assertThat(second).extracting(r -> r.get("duplicates").asLong()).containsExactly(3L, 4L, 3L, 2L);
        assertThat(rowsAfterSecond).isEqualTo(rowsAfterFirst).isEqualTo(5);
        assertThat(eventsAfterSecond).isEqualTo(eventsAfterFirst);
    }

    @Test
    void everyImportIsRecordedInTheImportLog() {
        List<String> runs = jdbc.sql("""
                select kind || ' ' || format || ' ' || file_name || ' ' || accepted || '/' || duplicates
                from import_run where organisation_id = ? and file_name in (?, ?, ?, ?) order by id""")
                .params(org, "subscribers.csv", "detail-20240924", SCAN_TELNET_FILE, SINKHOLE_FILE)
                .query(String.class).list();

        assertThat(runs).containsSubsequence(
                "subscribers csv subscribers.csv 3/0",
                "assignments freeradius-detail detail-20240924 4/0",
                "observations shadowserver " + SCAN_TELNET_FILE + " 3/0",
                "observations shadowserver " + SINKHOLE_FILE + " 2/0",
                "subscribers csv subscribers.csv 0/3",
                "observations shadowserver " + SINKHOLE_FILE + " 0/2");
    }

    @Test
    void attributingEachNewObservationIsAuditedAsTheSystem() {
        long id = announcedFirst.get(0).observationId();

        assertThat(audit.recent(org, 1000)).anySatisfy(e -> {
            assertThat(e.actor()).isEqualTo("system");
            assertThat(e.action()).isEqualTo("attribution");
            assertThat(e.detail()).isEqualTo("observation " + id);
        });
    }

    @Test
    void lookingUpWhoASubscriberIsIsAudited() {
        Optional<Subscriber> found = directory.find(org, "IF-1", "desk-operator", "case 42");

        assertThat(found).map(Subscriber::name).contains("山田 太郎");
        assertThat(audit.recent(org, 50)).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("subscriber-identity-read");
            assertThat(e.subject()).isEqualTo("IF-1");
            assertThat(e.actor()).isEqualTo("desk-operator");
            assertThat(e.detail()).isEqualTo("case 42");
        });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "format=nonsense                      | " + SCAN_TELNET_FILE + "       | nonsense",
            "format=shadowserver                  | report.csv                     | report.csv",
            "format=notice                        | report.csv                     | mapping",
            "format=csv&mapping=nope              | report.csv                     | nope",
            "format=intelmq                       | " + SCAN_TELNET_FILE + "       | intelmq",
    })
    void unknownFormatOrMappingOrUndeterminableReportTypeIsABadFileNeverASilentZero(String query, String fileName, String named) {
        Api.Answer answer = api.upload("/api/v1/observations/import?" + query, fileName, SCAN);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("reason").asString()).isEqualTo("bad-file");
        assertThat(answer.json().get("detail").asString()).contains(named);
    }

    @Test
    void reportWithoutItsAddressColumnIsABadFileNamingTheColumn() {
        Api.Answer answer = api.upload("/api/v1/observations/import?format=shadowserver", SINKHOLE_FILE,
                "\"timestamp\",\"ip\"\r\n\"2024-09-24 07:00:00\",\"203.0.113.11\"\r\n");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("detail").asString()).contains("src_ip").contains(SINKHOLE_FILE);
    }

    @Test
    void subscriberFileWithoutARequiredColumnIsABadFileNamingTheColumn() {
        Api.Answer answer = api.upload("/api/v1/subscribers/import", "customers.csv",
                "subscriber_id,name,phone,language\nIF-9,x,,ja\n");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("reason").asString()).isEqualTo("bad-file");
        assertThat(answer.json().get("detail").asString()).contains("email").contains("customers.csv");
    }

    static List<Long> lines(JsonNode rejected) {
        return rejected.valueStream().map(r -> r.get("line").asLong()).toList();
    }
}
