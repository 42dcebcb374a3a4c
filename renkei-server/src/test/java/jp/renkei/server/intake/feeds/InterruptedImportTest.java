package jp.renkei.server.intake.feeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import jp.renkei.server.intake.ObservationImport;
import jp.renkei.server.intake.ObservationImportRequest;
import jp.renkei.server.platform.Accounts;
import jp.renkei.server.platform.Role;
import jp.renkei.server.testing.Tenants;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An import that dies halfway (some chunks committed, no import run recorded) is redone from the
 * spooled file at startup and ends with each record exactly once. The packaged-jar variant with a
 * real kill -9 is {@code ImportSurvivesKillTest} in renkei-e2e.
 */
@CollectorTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InterruptedImportTest {

    private static final String FEED = "sensor-a";
    private static final String FILE = "2024-09-24-scan_telnet-interrupted-jp.csv";
    // More than two import chunks, so the death at 60% comes after at least one committed chunk.
    private static final int ROWS = 5_000;

    @LocalServerPort
    int port;
    @Autowired
    Accounts accounts;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Spool spool;
    @Autowired
    Deliveries deliveries;
    @Autowired
    DeliveryIntake intake;
    @Autowired
    ObservationImport importer;

    private FeedFixture feeds;
    private long org;

    @BeforeAll
    void organisation() {
        Tenants.Member member = new Tenants(accounts).newIsp("Crash ISP", Role.OPERATOR);
        org = member.organisationId();
        feeds = new FeedFixture(port, member.token(), jdbc, org);
        feeds.put(FEED, """
                {"provider": "own sensors", "format": "shadowserver", "source": "rest"}""");
    }

    @Test
    void anImportKilledHalfwayIsRedoneAtStartupAndEndsWithEveryRecordExactlyOnce() throws Exception {
        byte[] report = FeedFixture.scanTelnet(ROWS, "interrupted").getBytes(StandardCharsets.UTF_8);
        // Registered and claimed by the worker the process will lose (inserted as such: the tick must not take it).
        long id = registerImporting(report);
        Delivery claimed = deliveries.find(org, id).orElseThrow();

        // The process dies after about 60% of the file: earlier chunks are committed, no run is recorded.
        assertThatThrownBy(() -> importer.importReport(request(claimed), dyingAfter(report, report.length * 6 / 10)))
                .isNotNull();
        long stored = feeds.observations(FILE);
        assertThat(stored).isBetween(1L, ROWS - 1L);
        assertThat(deliveries.find(org, id).orElseThrow().state()).isEqualTo(Delivery.IMPORTING);
        assertThat(deliveries.find(org, id).orElseThrow().spoolPath()).exists();

        // Startup: interrupted imports are received again, and the collectors' tick imports them.
        deliveries.reopenInterrupted();
        intake.processReceived(org, FEED);
        feeds.awaitFiles(FEED, 1);

        Delivery done = deliveries.find(org, id).orElseThrow();
        assertThat(done.state()).isEqualTo(Delivery.IMPORTED);
        assertThat(feeds.observations(FILE)).isEqualTo(ROWS);
        assertThat(feeds.distinctObservations(FILE)).isEqualTo(ROWS);
        var feed = feeds.get(FEED).path("health");
        assertThat(feed.path("accepted").asLong()).isEqualTo(ROWS - stored);
        assertThat(feed.path("duplicates").asLong()).isEqualTo(stored);
        assertThat(done.spoolPath().toString()).contains("/done/");

        // The same file once more (another collector, a re-sent mail): recognised, nothing imported.
        long again = register(report);
        feeds.awaitFiles(FEED, 2);
        assertThat(deliveries.find(org, again).orElseThrow().state()).isEqualTo(Delivery.DUPLICATE);
        assertThat(feeds.observations(FILE)).isEqualTo(ROWS);
    }

    private long register(byte[] report) {
        Spool.Spooled file = spool.write(spool.spooled(org, FEED), FILE, new ByteArrayInputStream(report));
        return deliveries.register(new Deliveries.Receipt(org, FEED, "shadowserver", Optional.empty(),
                Optional.empty(), "test", "test", FILE, file));
    }

    private long registerImporting(byte[] report) {
        Spool.Spooled file = spool.write(spool.spooled(org, FEED), FILE, new ByteArrayInputStream(report));
        return jdbc.sql("""
                insert into feed_delivery (organisation_id, feed_name, format, actor, origin, file_name, spool_path,
                    size_bytes, content_sha256, state, attempts)
                values (?, ?, 'shadowserver', 'test', 'test', ?, ?, ?, ?, 'importing', 1) returning id""")
                .params(org, FEED, FILE, file.path().toString(), file.size(), file.sha256())
                .query(Long.class).single();
    }

    private static ObservationImportRequest request(Delivery d) {
        return new ObservationImportRequest(d.organisationId(), d.actor(), d.format(), d.fileName(), d.reportType(),
                d.mapping(), d.feedName());
    }

    private static InputStream dyingAfter(byte[] content, int bytes) {
        return new FilterInputStream(new ByteArrayInputStream(content)) {
            private int read;

            @Override
            public int read() throws IOException {
                if (++read > bytes) {
                    throw new IOException("killed");
                }
                return super.read();
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (read >= bytes) {
                    throw new IOException("killed");
                }
                int n = super.read(b, off, Math.min(len, bytes - read));
                read += Math.max(0, n);
                return n;
            }
        };
    }
}
