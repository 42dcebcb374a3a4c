package jp.renkei.server.intake.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import jp.renkei.server.intake.ShadowserverFile;
import jp.renkei.server.platform.Accounts;
import jp.renkei.server.platform.Role;
import jp.renkei.server.testing.Api;
import jp.renkei.server.testing.Browser;
import jp.renkei.server.testing.RenkeiTest;
import jp.renkei.server.testing.Tenants;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/** Operators find observations by address, prefix, time, kind, model and feed, and export the selection. */
@RenkeiTest
@TestPropertySource(properties = {"renkei.intake.collect-interval=PT0.5S", "renkei.intake.file-settle=PT0.3S"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ObservationSearchTest {

    @LocalServerPort
    int port;
    @Autowired
    Accounts accounts;

    private Tenants.Member operator;
    private Api api;

    @BeforeAll
    void observations() {
        operator = new Tenants(accounts).newIsp("Search ISP", Role.OPERATOR);
        api = new Api(port, operator.token());
        ShadowserverFile scan = ShadowserverFile.of(ShadowserverFile.SCAN_TELNET);
        for (int i = 1; i <= 60; i++) {
            scan.row("timestamp", "2024-09-24 " + String.format("%02d", i % 24) + ":00:00", "severity", "medium",
                    "ip", "192.0.2." + i, "protocol", "tcp", "port", "23", "asn", "64500", "geo", "JP");
        }
        scan.row("timestamp", "2024-09-24 10:30:00", "severity", "medium", "ip", "2001:db8:10::5", "protocol", "tcp",
                "port", "23", "asn", "64500", "geo", "JP");
        assertThat(api.upload("/api/v1/observations/import?format=shadowserver", "2024-09-24-scan_telnet-search-jp.csv",
                scan.toString()).status()).isEqualTo(200);
        String sinkhole = ShadowserverFile.of(ShadowserverFile.EVENT4_SINKHOLE)
                .row("timestamp", "2024-09-25 01:00:00", "protocol", "tcp", "src_ip", "198.51.100.9", "src_port", "40000",
                        "device_vendor", "Hikvision", "device_model", "DS-2CD2032-I", "infection", "mirai",
                        "family", "mirai", "dst_ip", "203.0.113.200", "dst_port", "80")
                .row("timestamp", "2024-09-25 02:00:00", "protocol", "tcp", "src_ip", "192.0.2.7", "src_port", "40001",
                        "device_vendor", "MikroTik", "device_model", "RB750Gr3", "infection", "mozi", "family", "mozi",
                        "dst_ip", "203.0.113.200", "dst_port", "80")
                .toString();
        assertThat(api.upload("/api/v1/observations/import?format=shadowserver",
                "2024-09-25-event4_sinkhole-search-jp.csv", sinkhole).status()).isEqualTo(200);
    }

    @Test
    void findsByAddressPrefixTimeKindAndModel() {
        assertThat(csv("ip=192.0.2.7")).hasSize(2);
        assertThat(csv("prefix=192.0.2.0/28")).hasSize(15 + 1);
        assertThat(csv("prefix=2001:db8::/32")).singleElement().asString().contains("2001:db8:10::5");
        assertThat(csv("from=2024-09-25T00:00:00Z")).hasSize(2);
        assertThat(csv("from=2024-09-25T10:00&to=2024-09-25T10:30")).singleElement().asString()
                .contains("198.51.100.9"); // local times are JST: 01:00 UTC is 10:00 JST
        assertThat(csv("kind=infected")).hasSize(2);
        assertThat(csv("model=ds-2cd")).singleElement().asString().contains("Hikvision");
        assertThat(csv("kind=infected&prefix=192.0.2.0/24")).singleElement().asString().contains("RB750Gr3");
    }

    @Test
    void exportsTheSelectionAsCsvAndIntelMqJsonLines() {
        Api.Answer csv = api.get("/api/v1/observations/export?format=csv&kind=infected");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.body()).startsWith("source_time,ip,port,transport,kind,severity,malware_family,")
                .contains("2024-09-25T01:00:00Z,198.51.100.9,40000,tcp,infected");

        Api.Answer intelmq = api.get("/api/v1/observations/export?format=intelmq&model=DS-2CD");
        assertThat(intelmq.status()).isEqualTo(200);
        assertThat(intelmq.body().lines().toList()).singleElement().asString()
                .contains("\"source.ip\":\"198.51.100.9\"", "\"classification.taxonomy\":\"malicious-code\"",
                        "\"malware.name\":\"mirai\"", "\"extra.device_model\":\"DS-2CD2032-I\"")
                .doesNotContain("subscriber");

        assertThat(api.get("/api/v1/observations/export?format=pdf").status()).isEqualTo(400);
        assertThat(api.get("/api/v1/observations/export?prefix=not-a-prefix").body()).contains("prefix");
    }

    @Test
    void anotherOrganisationFindsNothing() {
        Tenants.Member other = new Tenants(accounts).newIsp("Other search ISP", Role.OPERATOR);
        assertThat(new Api(port, other.token()).get("/api/v1/observations/export?format=csv&prefix=0.0.0.0/0")
                .body().lines().toList()).hasSize(1); // the header only
    }

    @Test
    void thePageSearchesPaginatesAndLinksTheExports() {
        Browser browser = new Browser(port);
        browser.signIn(operator.username(), operator.password());
        String first = browser.get("/observations?lang=en&prefix=192.0.2.0/24").body();
        assertThat(first).contains("id=\"observations\"").contains("id=\"next-page\"")
                .contains("/observations/export?format=csv&amp;").contains("prefix=192.0.2.0/24&amp;")
                .contains("/observations/export?format=intelmq");
        assertThat(first.split("<tr>", -1).length - 2).isEqualTo(50);
        String second = browser.get("/observations?prefix=192.0.2.0/24&page=2").body();
        assertThat(second.split("<tr>", -1).length - 2).isEqualTo(11);
        assertThat(second).doesNotContain("id=\"next-page\"");

        assertThat(browser.get("/observations?prefix=nonsense").body()).contains("id=\"bad-query\"");
        assertThat(browser.get("/observations/export?format=csv&ip=198.51.100.9").body())
                .contains("198.51.100.9").startsWith("source_time");
    }

    private List<String> csv(String query) {
        Api.Answer answer = api.get("/api/v1/observations/export?format=csv&" + query);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return Arrays.stream(answer.body().split("\r\n")).skip(1).filter(l -> !l.isBlank()).toList();
    }
}
