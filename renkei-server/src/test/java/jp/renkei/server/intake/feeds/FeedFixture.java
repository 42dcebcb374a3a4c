package jp.renkei.server.intake.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;

import jp.renkei.server.intake.ShadowserverFile;
import jp.renkei.server.testing.Api;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Feeds, report files and waiting for collectors, for the tests of one organisation. */
final class FeedFixture {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final int port;
    private final String token;
    private final Api api;
    private final JdbcClient jdbc;
    private final long organisationId;

    FeedFixture(int port, String token, JdbcClient jdbc, long organisationId) {
        this.port = port;
        this.token = token;
        this.api = new Api(port, token);
        this.jdbc = jdbc;
        this.organisationId = organisationId;
    }

    Api api() {
        return api;
    }

    /** Saves a feed over the API and answers it. */
    JsonNode put(String name, String json) {
        Api.Answer answer = send("PUT", "/api/v1/feeds/" + name, json);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    /** PUT or POST with a JSON body (or none), answering status and JSON. */
    Api.Answer send(String method, String path, String json) {
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + path)).header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
            JsonNode node;
            try {
                node = JSON.readTree(r.body());
            } catch (RuntimeException notJson) {
                node = JSON.missingNode();
            }
            return new Api.Answer(r.statusCode(), node, r.body());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    JsonNode get(String name) {
        Api.Answer answer = api.get("/api/v1/feeds/" + name);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    /** Waits until the feed satisfies the condition (the collectors tick twice a second). */
    JsonNode await(String name, Predicate<JsonNode> condition) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        JsonNode feed = get(name);
        while (!condition.test(feed)) {
            assertThat(Instant.now()).as("feed %s never got there: %s", name, feed).isBefore(deadline);
            sleep(100);
            feed = get(name);
        }
        return feed;
    }

    /** Waits until the feed has taken in {@code files} files and none is waiting or importing. */
    JsonNode awaitFiles(String name, int files) {
        await(name, f -> f.path("health").path("files").asLong() >= files);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (openDeliveries(name) > 0) {
            assertThat(Instant.now()).as("deliveries of %s still open", name).isBefore(deadline);
            sleep(100);
        }
        return get(name);
    }

    long openDeliveries(String feed) {
        return jdbc.sql("""
                select count(*) from feed_delivery where organisation_id = ? and feed_name = ?
                and state in ('received', 'importing')""").params(organisationId, feed).query(Long.class).single();
    }

    /** States of the feed's deliveries, oldest first. */
    java.util.List<String> states(String feed) {
        return jdbc.sql("select state from feed_delivery where organisation_id = ? and feed_name = ? order by id")
                .params(organisationId, feed).query(String.class).list();
    }

    long observations(String fileName) {
        return jdbc.sql("select count(*) from observation where organisation_id = ? and file_name = ?")
                .params(organisationId, fileName).query(Long.class).single();
    }

    long distinctObservations(String fileName) {
        return jdbc.sql("select count(distinct line) from observation where organisation_id = ? and file_name = ?")
                .params(organisationId, fileName).query(Long.class).single();
    }

    /** A scan_telnet report of {@code rows} distinct devices in 198.51.100.0/22-ish space, tagged to be unique. */
    static String scanTelnet(int rows, String tag) {
        ShadowserverFile file = ShadowserverFile.of(ShadowserverFile.SCAN_TELNET);
        for (int i = 0; i < rows; i++) {
            file.row("timestamp", "2024-09-24 06:" + String.format("%02d:%02d", (i / 60) % 60, i % 60),
                    "severity", "medium", "ip", "198.51." + (100 + i / 250) + "." + (1 + i % 250), "protocol", "tcp",
                    "port", "23", "asn", "64500", "geo", "JP", "tag", tag, "banner", "|MikroTik v6.45.3|Login:");
        }
        return file.toString();
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
