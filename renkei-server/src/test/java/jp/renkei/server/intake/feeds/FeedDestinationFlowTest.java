package jp.renkei.server.intake.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import jp.renkei.server.platform.Accounts;
import jp.renkei.server.platform.Role;
import jp.renkei.server.testing.LoopbackListener;
import jp.renkei.server.testing.RenkeiTest;
import jp.renkei.server.testing.Tenants;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A tenant administrator points a URL or mailbox feed at the server's own loopback (as they might
 * at the cloud metadata service or an internal admin page): with no private network allowed, the
 * server never connects, and the feed shows why like any other collection failure.
 */
@RenkeiTest
class FeedDestinationFlowTest {

    @LocalServerPort
    int port;
    @Autowired
    Accounts accounts;
    @Autowired
    JdbcClient jdbc;

    private LoopbackListener listener;

    @BeforeEach
    void somethingListeningOnLoopback() {
        listener = new LoopbackListener();
    }

    @AfterEach
    void stop() throws IOException {
        listener.close();
    }

    @Test
    void aFeedAtTheServersOwnLoopbackIsRefusedWithoutConnectingAndNothingIsImported() {
        Tenants.Member admin = new Tenants(accounts).newIsp("Curious ISP", Role.ADMINISTRATOR);
        FeedFixture feeds = new FeedFixture(port, admin.token(), jdbc, admin.organisationId());
        String url = "https://127.0.0.1:" + listener.port() + "/admin/2024-09-24-scan_telnet-jp.csv";
        feeds.put("inside-pull", """
                {"format": "shadowserver", "source": "url", "schedule": "PT1H", "settings": {"url": "%s"}}"""
                .formatted(url));

        assertThat(feeds.send("POST", "/api/v1/feeds/inside-pull/collect", null).status()).isEqualTo(200);
        var feed = feeds.await("inside-pull", f -> f.path("lastRunStatus").asText().equals("error"));

        assertThat(feed.path("health").path("status").asText()).isEqualTo("error");
        assertThat(feed.path("lastRunDetail").asText()).isEqualTo("feed 'inside-pull': " + url
                + " refused: 127.0.0.1 is a loopback address, which Renkei does not connect to for feeds"
                + " (unless it is in renkei.outbound.allowed-private-networks)");
        assertThat(listener.connections()).isZero();
        assertThat(feeds.states("inside-pull")).isEmpty();
    }

    @Test
    void aMailboxFeedAtTheServersOwnLoopbackIsRefusedWithoutConnecting() {
        Tenants.Member admin = new Tenants(accounts).newIsp("Curious Mail ISP", Role.ADMINISTRATOR);
        FeedFixture feeds = new FeedFixture(port, admin.token(), jdbc, admin.organisationId());
        feeds.put("inside-box", """
                {"format": "shadowserver", "source": "imap", "schedule": "PT1H",
                 "settings": {"host": "127.0.0.1", "port": "%d", "user": "abuse", "security": "plain"},
                 "password": "imap-pw"}""".formatted(listener.port()));

        assertThat(feeds.send("POST", "/api/v1/feeds/inside-box/collect", null).status()).isEqualTo(200);
        var feed = feeds.await("inside-box", f -> f.path("lastRunStatus").asText().equals("error"));

        assertThat(feed.path("health").path("status").asText()).isEqualTo("error");
        assertThat(feed.path("lastRunDetail").asText()).isEqualTo("feed 'inside-box': IMAP server 127.0.0.1"
                + " refused: 127.0.0.1 is a loopback address, which Renkei does not connect to for feeds"
                + " (unless it is in renkei.outbound.allowed-private-networks)");
        assertThat(listener.connections()).isZero();
        assertThat(feeds.states("inside-box")).isEmpty();
    }
}
