package jp.renkei.server.intake.feeds;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

/**
 * Fetches a feed's HTTPS URL with a conditional GET (ETag, Last-Modified). A new body is spooled
 * and registered before the validators are remembered, so a crash fetches it again rather than
 * losing it; the content hash then recognises it as already taken in.
 */
@Component
class UrlCollector implements Collector {

    private static final Pattern FILENAME = Pattern.compile("filename\\*?=\"?(?:UTF-8'')?([^\";]+)\"?",
            Pattern.CASE_INSENSITIVE);

    private final Spool spool;
    private final Deliveries deliveries;
    private final FeedCatalogue feeds;

    UrlCollector(Spool spool, Deliveries deliveries, FeedCatalogue feeds) {
        this.spool = spool;
        this.deliveries = deliveries;
        this.feeds = feeds;
    }

    @Override
    public FeedSource source() {
        return FeedSource.URL;
    }

    @Override
    public String collect(Feed feed) throws IOException, InterruptedException {
        URI url = URI.create(feed.setting("url", ""));
        HttpClient.Builder client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(15))
                .followRedirects(HttpClient.Redirect.NORMAL);
        String pem = feed.setting("trustCertificate", "");
        if (!pem.isBlank()) {
            client.sslContext(TrustedCertificate.sslContext(pem));
        }
        FeedCatalogue.HttpState known = feeds.httpState(feed);
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(Duration.ofMinutes(30)).GET()
                .header("User-Agent", "Renkei feed collector");
        known.etag().ifPresent(e -> request.header("If-None-Match", e));
        known.lastModified().ifPresent(m -> request.header("If-Modified-Since", m));
        HttpResponse<InputStream> response = client.build().send(request.build(),
                HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            if (response.statusCode() == 304) {
                return "not modified";
            }
            if (response.statusCode() / 100 != 2) {
                throw new IOException("GET " + url + " answered " + response.statusCode());
            }
            String name = fileName(response.headers().firstValue("Content-Disposition"), url);
            Spool.Spooled file = spool.write(spool.spooled(feed.organisationId(), feed.name()), name, body);
            deliveries.register(new Deliveries.Receipt(feed.organisationId(), feed.name(), feed.format(),
                    feed.reportType(), feed.mapping(), "collector:" + feed.name(), url.toString(), name, file));
            feeds.saveHttpState(feed, new FeedCatalogue.HttpState(response.headers().firstValue("ETag"),
                    response.headers().firstValue("Last-Modified")));
            return file.size() + " bytes from " + url.getHost();
        }
    }

    static String fileName(Optional<String> contentDisposition, URI url) {
        if (contentDisposition.isPresent()) {
            Matcher m = FILENAME.matcher(contentDisposition.get());
            if (m.find()) {
                return Spool.safeName(java.net.URLDecoder.decode(m.group(1), java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        String path = Optional.ofNullable(url.getPath()).orElse("");
        return Spool.safeName(path.substring(path.lastIndexOf('/') + 1));
    }
}
