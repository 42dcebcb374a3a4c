package jp.renkei.server.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

import jp.renkei.server.attribution.DetailFile;
import jp.renkei.server.intake.ObservationImport;
import jp.renkei.server.intake.ObservationImportRequest;
import jp.renkei.server.intake.ShadowserverFile;
import jp.renkei.server.testing.Api;
import jp.renkei.server.testing.MovableClock;
import jp.renkei.server.testing.Sightings;
import jp.renkei.server.testing.Tenants;
import org.springframework.context.ApplicationContext;

/**
 * The journey's subscriber as the ISP's own imports show them: RADIUS sessions from a FreeRADIUS
 * detail file (through the API) and the daily Shadowserver report of one named feed, each taken in
 * at 20:00 of its day on the test's clock.
 */
final class JourneyLine {

    static final String SUBSCRIBER = "S-JOURNEY";
    static final String EMAIL = "journey@example.jp";
    static final String FEED = "journey-telnet";
    /** Where the device was reported: the line's address until day 5. */
    static final String REPORTED_ADDRESS = "203.0.113.150";
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private final ApplicationContext context;
    private final MovableClock clock;
    private final Instant day0;
    private final long org;
    private int fillers;

    JourneyLine(ApplicationContext context, MovableClock clock, Instant day0, long org) {
        this.context = context;
        this.clock = clock;
        this.day0 = day0;
        this.org = org;
    }

    Instant day(int n) {
        return day0.plus(Duration.ofDays(n));
    }

    /**
     * The subscriber and their line: a session on {@link #REPORTED_ADDRESS} until day 5, then a new
     * one on 127.0.0.1 (where the test's phone connects from), still open.
     */
    void subscriberWithTwoSessions(Tenants.Member admin, int port) {
        Sightings.in(context).subscriber(org, SUBSCRIBER, "渡辺 由美", EMAIL, "ja");
        String detail = DetailFile.fromNas("192.0.2.40")
                .start(SUBSCRIBER, "journey-1", REPORTED_ADDRESS, day0.minus(Duration.ofDays(1)))
                .stop(SUBSCRIBER, "journey-1", REPORTED_ADDRESS, day0.minus(Duration.ofDays(1)), day(5))
                .start(SUBSCRIBER, "journey-2", "127.0.0.1", day(5).plusSeconds(30))
                .toString();
        Api.Answer imported = new Api(port, admin.token()).upload("/api/v1/assignments/import?format=freeradius-detail",
                "detail-journey", detail);
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
    }

    /**
     * The feed's daily report of day {@code n}, scanned that morning and taken in at 20:00, with or
     * without the subscriber's device, plus an address of nobody (a report is never empty).
     */
    void report(int n, boolean withTheDevice) {
        ShadowserverFile file = ShadowserverFile.of(ShadowserverFile.SCAN_TELNET);
        if (withTheDevice) {
            file.row("timestamp", TIME.format(day(n).plus(Duration.ofHours(6))), "severity", "medium",
                    "ip", REPORTED_ADDRESS, "protocol", "tcp", "port", "23");
        }
        file.row("timestamp", TIME.format(day(n).plus(Duration.ofHours(7)).plusSeconds(++fillers)),
                "ip", "198.51.100.200", "protocol", "tcp", "port", "23");
        Instant at = clock.moveTo(day(n).plus(Duration.ofHours(20)));
        context.getBean(ObservationImport.class).importReport(new ObservationImportRequest(org, "test",
                        ObservationImport.SHADOWSERVER,
                        DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC).format(at) + "-scan_telnet-asn-jp.csv",
                        Optional.of("scan_telnet"), Optional.empty(), FEED),
                new ByteArrayInputStream(file.toString().getBytes(StandardCharsets.UTF_8)));
    }
}
