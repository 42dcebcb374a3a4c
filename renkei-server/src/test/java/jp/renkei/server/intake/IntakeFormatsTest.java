package jp.renkei.server.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jp.renkei.server.attribution.DetailFile;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Every device-report format through the REST API, in an ISP of its own: alarms for unknown report
 * types and columns with the data kept, IntelMQ, NOTICE lists in Shift_JIS through a saved mapping,
 * X-ARF mails and JSON, and one device seen by two feeds counted once.
 */
@RenkeiTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IntakeFormatsTest {

    static final String SCAN_HEADER = "\"timestamp\",\"severity\",\"ip\",\"protocol\",\"port\",\"hostname\",\"tag\","
            + "\"asn\",\"geo\",\"region\",\"city\",\"naics\",\"hostname_source\",\"sector\",\"banner\"";

    @LocalServerPort
    int port;
    @Autowired
    Accounts accounts;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ObservationsRecordedProbe probe;

    Api api;
    long org;
    String token;

    @BeforeAll
    void anIspWithSubscribersAndAccounting() {
        Tenants.Member operator = new Tenants(accounts).newIsp("Intake Formats ISP", Role.OPERATOR);
        token = operator.token();
        api = new Api(port, token);
        org = operator.organisationId();
        api.upload("/api/v1/subscribers/import", "subscribers.csv", """
                subscriber_id,name,email,phone,language
                FM-1,鈴木 一郎,ichiro@example.jp,,ja
                FM-2,高橋 次郎,jiro@example.jp,,ja
                FM-3,田中 三郎,saburo@example.jp,,ja
                FM-4,伊藤 四郎,shiro@example.jp,,ja
                """);
        Instant from = Instant.parse("2024-09-24T00:00:00Z");
        api.upload("/api/v1/assignments/import?format=freeradius-detail", "detail-formats", DetailFile.fromNas("192.0.2.40")
                .start("FM-1", "fm-1", "198.51.100.70", from)
                .start("FM-2", "fm-2", "198.51.100.71", from)
                .start("FM-3", "fm-3", "198.51.100.72", from)
                .start("FM-4", "fm-4", "2001:db8:4::1", from)
                .toString());
    }

    @Test
    void anUnknownReportTypeIsKeptAsUnmappedWithAnAlarmAndOpensNoCase() {
        Api.Answer answer = api.upload("/api/v1/observations/import?format=shadowserver",
                "2024-09-24-scan_http-asn-jp.csv", SCAN_HEADER.replace(",\"banner\"", ",\"http_code\"") + "\r\n"
                        + "\"2024-09-24 01:00:00\",\"medium\",\"198.51.100.70\",\"tcp\",\"80\",,,,,,,,,,\"200\"\r\n");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("accepted").asLong()).isEqualTo(1);
        assertThat(alarms(answer.json())).containsExactly("unknown-report-type");
        assertThat(answer.json().get("alarms").get(0).get("detail").asString()).contains("scan_http");
        Map<String, Object> row = jdbc.sql("""
                select kind, subscriber_id, unattributed_reason, evidence->>'http_code' as code from observation
                where organisation_id = ? and report_type = 'scan_http'""").param(org).query().singleRow();
        assertThat(row).containsEntry("kind", "unmapped").containsEntry("unattributed_reason", "unmapped-kind")
                .containsEntry("code", "200");
        assertThat(row.get("subscriber_id")).isNull();
        assertThat(probe.observations(org)).noneMatch(o -> o.kind().code().equals("unmapped"));
        assertThat(jdbc.sql("select alarms::text from import_run where organisation_id = ? and file_name = ?")
                .params(org, "2024-09-24-scan_http-asn-jp.csv").query(String.class).single())
                .contains("unknown-report-type");
    }

    @Test
    void aReportWithoutRecordsSaysSoInsteadOfASilentZero() {
        Api.Answer answer = api.upload("/api/v1/observations/import?format=shadowserver",
                "2024-09-27-scan_telnet-asn-jp.csv", SCAN_HEADER + "\r\n");

        assertThat(answer.json().get("accepted").asLong()).isZero();
        assertThat(alarms(answer.json())).containsExactly("empty-report");
    }

    @Test
    void anUnknownColumnRaisesAnAlarmAndItsValuesAreKept() {
        Api.Answer answer = api.upload("/api/v1/observations/import?format=shadowserver",
                "2024-09-25-scan_telnet-asn-jp.csv", SCAN_HEADER + ",\"vendor_hint\"\r\n"
                        + "\"2024-09-25 01:00:00\",\"medium\",\"198.51.100.72\",\"tcp\",\"23\",,,,,,,,,,"
                        + "\"|MikroTik v6.45.3 (stable)|Login:\",\"x\"\r\n");

        assertThat(answer.json().get("accepted").asLong()).isEqualTo(1);
        assertThat(alarms(answer.json())).containsExactly("unknown-column");
        assertThat(answer.json().get("alarms").get(0).get("detail").asString()).contains("vendor_hint");
        Map<String, Object> row = jdbc.sql("""
                select evidence->>'vendor_hint' as hint, device_vendor, device_firmware, feed from observation
                where organisation_id = ? and file_name = '2024-09-25-scan_telnet-asn-jp.csv'""")
                .param(org).query().singleRow();
        assertThat(row).containsEntry("hint", "x").containsEntry("device_vendor", "MikroTik")
                .containsEntry("device_firmware", "RouterOS 6.45.3").containsEntry("feed", "api");
    }

    @Test
    void intelMqEventsBecomeObservationsOfTheirClassification() {
        Api.Answer answer = api.upload("/api/v1/observations/import?format=intelmq&feed=cert-relay", "events.jsonl", """
                {"time.source": "2024-09-24T02:00:00+00:00", "source.ip": "2001:DB8:4::1", "source.port": 40000, "protocol.transport": "tcp", "classification.taxonomy": "malicious-code", "classification.type": "infected-system", "malware.name": "mirai", "feed.name": "Sinkhole", "raw": "cmF3"}
                {"time.source": "2024-09-24T02:00:00+00:00", "source.ip": "bad"}
                """);

        assertThat(answer.json().get("accepted").asLong()).isEqualTo(1);
        assertThat(answer.json().get("rejected").get(0).get("line").asLong()).isEqualTo(2);
        assertThat(probe.observations(org)).anySatisfy(o -> {
            assertThat(o.ip()).isEqualTo("2001:db8:4::1");
            assertThat(o.kind().code()).isEqualTo("infected");
            assertThat(o.subscriberId()).contains("FM-4");
        });
        assertThat(jdbc.sql("select feed || ' ' || (evidence->>'raw') from observation where organisation_id = ? and "
                + "ip = '2001:db8:4::1'").param(org).query(String.class).single()).isEqualTo("cert-relay cmF3");
    }

    @Test
    void aNoticeListInShiftJisIsReadThroughASavedMappingWithJstTimes() throws Exception {
        Api.Answer saved = put("/api/v1/mappings/notice-jp", """
                {"encoding": "shift_jis", "timeColumn": "調査日時", "timeZone": "JST", "ipColumn": "IPアドレス",
                 "portColumn": "ポート", "kindColumn": "種別", "kindValues": {"脆弱なID・パスワード": "vulnerable-service"}}""");
        assertThat(saved.status()).isEqualTo(200);
        assertThat(api.get("/api/v1/mappings").json().valueStream().map(m -> m.get("name").asString()))
                .contains("notice-jp");
        String list = "調査日時,IPアドレス,ポート,種別,備考\r\n"
                + "2024/09/24 09:00:00,198.51.100.70,23/tcp,脆弱なID・パスワード,\"ログイン可能、\r\n要対応\"\r\n"
                + "昨日,198.51.100.70,23/tcp,脆弱なID・パスワード,\r\n";

        Api.Answer answer = api.upload("/api/v1/observations/import?format=notice&mapping=notice-jp&feed=notice",
                "notice.csv", list.getBytes(Charset.forName("windows-31j")));

        assertThat(answer.json().get("accepted").asLong()).isEqualTo(1);
        assertThat(answer.json().get("rejected").get(0).get("line").asLong()).isEqualTo(4);
        Map<String, Object> row = jdbc.sql("""
                select kind, subscriber_id, evidence->>'備考' as note, source_time from observation
                where organisation_id = ? and feed = 'notice'""").param(org).query().singleRow();
        assertThat(row).containsEntry("kind", "vulnerable-service").containsEntry("subscriber_id", "FM-1")
                .containsEntry("note", "ログイン可能、\r\n要対応");
        assertThat(((java.sql.Timestamp) row.get("source_time")).toInstant())
                .isEqualTo(Instant.parse("2024-09-24T00:00:00Z"));
    }

    @Test
    void aMappingThatCannotReadAnythingIsRefusedNamingTheField() throws Exception {
        Api.Answer answer = put("/api/v1/mappings/broken", "{\"timeColumn\": \"t\", \"kind\": \"infected\"}");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("detail").asString()).contains("ipColumn");
    }

    @Test
    void xarfMailsAndJsonReportsAreTakenIn() {
        String mail = """
                From: abuse@example.net
                To: abuse@isp.example.jp
                Subject: abuse report about 198.51.100.72
                Date: Tue, 24 Sep 2024 12:00:00 +0000
                Message-ID: <xarf-1@example.net>
                MIME-Version: 1.0
                X-XARF: PLAIN
                Content-Type: multipart/mixed; boundary="b1"

                --b1
                Content-Type: text/plain; charset=utf-8

                Dear abuse team, please see the report.
                --b1
                Content-Type: text/plain; charset=utf-8; name="report.txt"

                Reported-From: abuse@example.net
                Category: abuse
                Report-Type: login-attack
                Report-ID: 42@example.net
                Date: Tue, 24 Sep 2024 11:58:00 +0000
                Source: 198.51.100.72
                Source-Type: ipv4
                Port: 22
                Service: ssh
                Version: 0.2
                --b1
                Content-Type: text/plain; charset=utf-8

                Sep 24 11:58:00 sshd[1]: Failed password for root from 198.51.100.72
                --b1--
                """.replace("\n", "\r\n");
        Api.Answer fromMail = api.upload("/api/v1/observations/import?format=xarf&feed=abuse-mail", "report.eml", mail);
        Api.Answer fromJson = api.upload("/api/v1/observations/import?format=xarf&feed=xarf4", "report.json", """
                {"xarf_version": "4.0.0", "report_id": "r-1", "timestamp": "2024-09-24T12:30:00Z",
                 "reporter": {"org": "Example CERT", "contact": "cert@example.net", "domain": "example.net"},
                 "source_identifier": "198.51.100.70", "source_port": 5555, "category": "connection",
                 "type": "infected_host", "evidence": []}""");

        assertThat(fromMail.json().get("accepted").asLong()).as(fromMail.body()).isEqualTo(1);
        assertThat(fromJson.json().get("accepted").asLong()).as(fromJson.body()).isEqualTo(1);
        assertThat(jdbc.sql("""
                select kind || ' ' || subscriber_id || ' ' || (evidence->>'mail.subject') from observation
                where organisation_id = ? and feed = 'abuse-mail'""").param(org).query(String.class).single())
                .isEqualTo("brute-force-source FM-3 abuse report about 198.51.100.72");
        assertThat(jdbc.sql("""
                select kind || ' ' || subscriber_id || ' ' || (evidence->>'reporter.org') from observation
                where organisation_id = ? and feed = 'xarf4'""").param(org).query(String.class).single())
                .isEqualTo("infected FM-1 Example CERT");
        Api.Answer notXarf = api.upload("/api/v1/observations/import?format=xarf", "plain.eml",
                "From: a@example.net\r\nSubject: hi\r\n\r\nhello\r\n");
        assertThat(notXarf.status()).isEqualTo(400);
        assertThat(notXarf.json().get("detail").asString()).contains("X-XARF");
    }

    @Test
    void theSameDeviceSeenByTwoFeedsWithinAnHourIsLinkedAndCountedOnce() {
        api.upload("/api/v1/observations/import?format=shadowserver&feed=shadowserver",
                "2024-09-26-scan_telnet-asn-jp.csv", SCAN_HEADER + "\r\n"
                        + "\"2024-09-26 10:00:00\",\"medium\",\"198.51.100.71\",\"tcp\",\"23\",,,,,,,,,,\r\n");
        Api.Answer relay = api.upload("/api/v1/observations/import?format=intelmq&feed=cert", "telnet.jsonl", """
                {"time.source": "2024-09-26T10:30:00Z", "source.ip": "198.51.100.71", "source.port": 23, "protocol.application": "telnet", "classification.taxonomy": "vulnerable", "classification.type": "potentially-unwanted-accessible"}
                {"time.source": "2024-09-26T13:00:00Z", "source.ip": "198.51.100.71", "source.port": 23, "protocol.application": "telnet", "classification.taxonomy": "vulnerable", "classification.type": "potentially-unwanted-accessible"}
                """);

        assertThat(relay.json().get("accepted").asLong()).isEqualTo(2);
        List<Map<String, Object>> rows = jdbc.sql("""
                select id, feed, linked_to from observation
                where organisation_id = ? and ip = '198.51.100.71' and kind = 'exposed-telnet' order by source_time""")
                .param(org).query().listOfRows();
        assertThat(rows).extracting(r -> r.get("feed")).containsExactly("shadowserver", "cert", "cert");
        assertThat(rows.get(1).get("linked_to")).as("same device, other feed, within the hour")
                .isEqualTo(rows.get(0).get("id"));
        assertThat(rows.get(2).get("linked_to")).as("three hours later: a sighting of its own").isNull();
        List<Long> announced = probe.observations(org).stream().map(RecordedObservation::observationId).toList();
        assertThat(announced).contains((Long) rows.get(0).get("id"), (Long) rows.get(2).get("id"))
                .doesNotContain((Long) rows.get(1).get("id"));
        assertThat(jdbc.sql("""
                select observation_count from subscriber_case
                where organisation_id = ? and subscriber_id = 'FM-2' and kind = 'exposed-telnet'""")
                .param(org).query(Long.class).single()).isEqualTo(2);
    }

    /** PUT with a JSON body ({@link Api} has no PUT); answers status and parsed JSON. */
    Api.Answer put(String path, String json) throws Exception {
        java.net.http.HttpResponse<String> r = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + path))
                        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                        .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(json)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        return new Api.Answer(r.statusCode(), tools.jackson.databind.json.JsonMapper.builder().build().readTree(r.body()),
                r.body());
    }

    static List<String> alarms(JsonNode result) {
        return result.get("alarms").valueStream().map(a -> a.get("kind").asString()).toList();
    }
}
