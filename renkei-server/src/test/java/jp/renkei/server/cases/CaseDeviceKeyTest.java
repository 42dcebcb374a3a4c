package jp.renkei.server.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import jp.renkei.server.attribution.DetailFile;
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
import tools.jackson.databind.JsonNode;

/**
 * Cases keyed on subscriber + problem + device: two devices of one subscriber that the reports name
 * (Shadowserver device_vendor / device_model) are two cases; a sighting that names no device extends
 * the latest case; a case no report named a device for takes the first device named. Real
 * Shadowserver imports through the API, attributed through real RADIUS accounting.
 */
@RenkeiTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaseDeviceKeyTest {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);
    /** Recent, so the quiet-case sweep cannot close a case between two imports. */
    private static final Instant DAY0 = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(4));

    @LocalServerPort
    int port;
    @Autowired
    Accounts accounts;

    Api api;
    Tenants.Member operator;
    final AtomicInteger files = new AtomicInteger();

    @BeforeAll
    void subscribersAndTheirSessions() {
        operator = new Tenants(accounts).newIsp("Device ISP", Role.OPERATOR);
        api = new Api(port, operator.token());
        api.upload("/api/v1/subscribers/import", "subscribers.csv", """
                subscriber_id,name,email,phone,language
                DV-1,機器 一郎,dv1@example.jp,,ja
                DV-2,機器 次郎,dv2@example.jp,,ja
                DV-3,機器 三郎,dv3@example.jp,,ja
                DV-4,機器 四郎,dv4@example.jp,,ja
                """);
        DetailFile detail = DetailFile.fromNas("192.0.2.60");
        for (int i = 1; i <= 4; i++) {
            detail.start("DV-" + i, "dv-" + i, ip(i), DAY0.minus(Duration.ofDays(2)));
        }
        assertThat(api.upload("/api/v1/assignments/import?format=freeradius-detail", "detail-device",
                detail.toString()).status()).isEqualTo(200);
    }

    @Test
    void twoNamedDevicesAreTwoCasesAndAnUnnamedSightingExtendsTheLatest() {
        sinkhole(1, DAY0.plus(Duration.ofHours(1)), "MikroTik", "RB750");
        sinkhole(1, DAY0.plus(Duration.ofHours(3)), "Hikvision", "DS-2CD2032");

        Map<String, JsonNode> byDevice = casesOf("DV-1");
        assertThat(byDevice.keySet()).containsExactlyInAnyOrder("mikrotik/rb750", "hikvision/ds-2cd2032");
        long router = byDevice.get("mikrotik/rb750").get("id").asLong();
        long camera = byDevice.get("hikvision/ds-2cd2032").get("id").asLong();

        // The same router again, its vendor spelt differently: its own case, not the camera's (seen later).
        sinkhole(1, DAY0.plus(Duration.ofHours(5)), " MIKROTIK ", "rb750");
        // A report that names no device: the case seen most recently (the router's, now).
        sinkhole(1, DAY0.plus(Duration.ofHours(7)), "", "");

        byDevice = casesOf("DV-1");
        assertThat(byDevice).hasSize(2);
        assertThat(byDevice.get("mikrotik/rb750").get("id").asLong()).isEqualTo(router);
        assertThat(byDevice.get("mikrotik/rb750").get("observationCount").asLong()).isEqualTo(3);
        assertThat(byDevice.get("hikvision/ds-2cd2032").get("id").asLong()).isEqualTo(camera);
        assertThat(byDevice.get("hikvision/ds-2cd2032").get("observationCount").asLong()).isEqualTo(1);

        Browser desk = new Browser(port);
        desk.signIn(operator.username(), operator.password());
        Browser.Page list = desk.get("/cases?subscriber=DV-1");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains("mikrotik/rb750", "hikvision/ds-2cd2032").doesNotContain("??");
        Browser.Page detail = desk.get("/cases/" + camera);
        assertThat(detail.body()).contains("hikvision/ds-2cd2032").doesNotContain("??");
    }

    @Test
    void aCaseWithoutDeviceTakesTheFirstDeviceNamedAndAnotherDeviceOpensItsOwn() {
        sinkhole(2, DAY0.plus(Duration.ofHours(1)), "", "");
        JsonNode unknown = casesOf("DV-2").get("");
        assertThat(unknown).isNotNull();
        long id = unknown.get("id").asLong();

        sinkhole(2, DAY0.plus(Duration.ofHours(2)), "ZyXEL", "NBG6515");
        Map<String, JsonNode> byDevice = casesOf("DV-2");
        assertThat(byDevice.keySet()).containsExactly("zyxel/nbg6515");
        assertThat(byDevice.get("zyxel/nbg6515").get("id").asLong()).isEqualTo(id);
        assertThat(byDevice.get("zyxel/nbg6515").get("observationCount").asLong()).isEqualTo(2);
        List<String> timeline = new ArrayList<>();
        api.get("/api/v1/cases/" + id).json().get("timeline").forEach(e -> timeline.add(e.get("kind").asString()));
        assertThat(timeline).contains("opened", "device", "observation");

        sinkhole(2, DAY0.plus(Duration.ofHours(4)), "TP-Link", "Archer C7");
        assertThat(casesOf("DV-2").keySet()).containsExactlyInAnyOrder("zyxel/nbg6515", "tp-link/archer c7");
    }

    @Test
    void twoDevicesInOneReportAreTwoCases() {
        String file = ShadowserverFile.of(ShadowserverFile.EVENT4_SINKHOLE)
                .row(sinkholeRow(3, DAY0.plus(Duration.ofHours(1)), "MikroTik", "hAP"))
                .row(sinkholeRow(3, DAY0.plus(Duration.ofHours(2)), "Synology", "DS218"))
                .toString();
        Api.Answer answer = api.upload("/api/v1/observations/import?format=shadowserver&feed=dv",
                DAY.format(DAY0) + "-event4_sinkhole-dv" + files.incrementAndGet() + "-jp.csv", file);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().get("accepted").asLong()).as(answer.body()).isEqualTo(2);

        assertThat(casesOf("DV-3").keySet()).containsExactlyInAnyOrder("mikrotik/hap", "synology/ds218");
    }

    @Test
    void racingImportsOfOneDeviceEndWithOneCase() throws Exception {
        // Three reports at once: two name the device, one does not; whichever goes first, one case.
        List<Callable<Void>> uploads = List.of(
                () -> sinkhole(4, DAY0.plus(Duration.ofHours(1)), "Buffalo", "WSR-1166"),
                () -> sinkhole(4, DAY0.plus(Duration.ofHours(2)), "", ""),
                () -> sinkhole(4, DAY0.plus(Duration.ofHours(3)), "BUFFALO", "wsr-1166"));
        ExecutorService pool = Executors.newFixedThreadPool(uploads.size());
        try {
            for (Future<Void> done : pool.invokeAll(uploads)) {
                done.get();
            }
        } finally {
            pool.shutdownNow();
        }

        Map<String, JsonNode> byDevice = casesOf("DV-4");
        assertThat(byDevice.keySet()).containsExactly("buffalo/wsr-1166");
        assertThat(byDevice.get("buffalo/wsr-1166").get("observationCount").asLong()).isEqualTo(3);
    }

    private Void sinkhole(int subscriber, Instant at, String vendor, String model) {
        String file = ShadowserverFile.of(ShadowserverFile.EVENT4_SINKHOLE)
                .row(sinkholeRow(subscriber, at, vendor, model))
                .toString();
        Api.Answer answer = api.upload("/api/v1/observations/import?format=shadowserver&feed=dv",
                DAY.format(at) + "-event4_sinkhole-dv" + files.incrementAndGet() + "-jp.csv", file);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().get("accepted").asLong()).as(answer.body()).isEqualTo(1);
        return null;
    }

    private static String[] sinkholeRow(int subscriber, Instant at, String vendor, String model) {
        return new String[] {"timestamp", TIME.format(at), "protocol", "tcp", "src_ip", ip(subscriber),
            "src_port", "40000", "infection", "mirai", "family", "mirai", "dst_ip", "203.0.113.200",
            "dst_port", "80", "device_vendor", vendor, "device_model", model};
    }

    /** The subscriber's infected cases by device key; fails if two share a key. */
    private Map<String, JsonNode> casesOf(String subscriber) {
        Map<String, JsonNode> byDevice = new LinkedHashMap<>();
        api.get("/api/v1/cases?subscriber=" + subscriber + "&kind=infected").json().forEach(c -> {
            JsonNode previous = byDevice.put(c.get("deviceKey").asString(), c);
            assertThat(previous).as("two cases with one device key").isNull();
        });
        return byDevice;
    }

    private static String ip(int subscriber) {
        return "198.51.100." + (190 + subscriber);
    }
}
