package jp.renkei.server.intake.feeds;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.renkei.server.platform.OutboundDestinations;
import org.springframework.stereotype.Component;

/**
 * Fetches a feed's HTTPS URL with a conditional GET (ETag, Last-Modified), never from an internal
 * address (see {@link OutboundDestinations}), not even through a redirect. A new body is spooled
 * and registered before the validators are remembered, so a crash fetches it again rather than
 * losing it; the content hash then recognises it as already taken in.
 */
@Component
class UrlCollector implements Collector {

    private static final Pattern FILENAME = Pattern.compile("filename\\*?=\"?(?:UTF-8'')?([^\";]+)\"?",
            Pattern.CASE_INSENSITIVE);
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
    private static final int MAX_REDIRECTS = 5;

    private final Spool spool;
    private final Deliveries deliveries;
    private final FeedCatalogue feeds;
    private final OutboundDestinations destinations;

    UrlCollector(Spool spool, Deliveries deliveries, FeedCatalogue feeds, OutboundDestinations destinations) {
        this.spool = spool;
        this.deliveries = deliveries;
        this.feeds = feeds;
        this.destinations = destinations;
    }

    @Override
    public FeedSource source() {
        return FeedSource.URL;
    }

    @Override
    public String collect(Feed feed) throws IOException, InterruptedException {
        URI url = URI.create(feed.setting("url", ""));
        // Redirects are followed here, not by the client, so that each hop is checked before it is fetched.
        HttpClient.Builder client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(15))
                .followRedirects(HttpClient.Redirect.NEVER);
        String pem = feed.setting("trustCertificate", "");
        if (!pem.isBlank()) {
            client.sslContext(TrustedCertificate.sslContext(pem));
        }
        FeedCatalogue.HttpState known = feeds.httpState(feed);
        HttpResponse<InputStream> response = fetch(feed, client.build(), url, known);
        try (InputStream body = response.body()) {
            if (response.statusCode() == 304) {
                return "not modified";
            }
            if (response.statusCode() / 100 != 2) {
                throw new IOException("GET " + response.uri() + " answered " + response.statusCode());
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

    /** GETs the URL, following up to {@value #MAX_REDIRECTS} redirects, each destination checked first. */
    private HttpResponse<InputStream> fetch(Feed feed, HttpClient client, URI url, FeedCatalogue.HttpState known)
            throws IOException, InterruptedException {
        URI at = url;
        for (int redirects = 0; ; redirects++) {
            try {
                destinations.checkHttpsUrl(at, "feeds");
            } catch (OutboundDestinations.RefusedDestinationException refused) {
                String via = at.equals(url) ? "" : " (redirected from " + url + ")";
                throw new OutboundDestinations.RefusedDestinationException(
                        "feed '" + feed.name() + "': " + refused.getMessage() + via);
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(at).timeout(Duration.ofMinutes(30)).GET()
                    .header("User-Agent", "Renkei feed collector");
            known.etag().ifPresent(e -> request.header("If-None-Match", e));
            known.lastModified().ifPresent(m -> request.header("If-Modified-Since", m));
            HttpResponse<InputStream> response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            if (!REDIRECTS.contains(response.statusCode())) {
                return response;
            }
            response.body().close();
            Optional<String> location = response.headers().firstValue("Location");
            if (location.isEmpty()) {
                throw new IOException("GET " + at + " answered " + response.statusCode() + " without a Location");
            }
            if (redirects == MAX_REDIRECTS) {
                throw new IOException("feed '" + feed.name() + "': " + url + " redirected more than "
                        + MAX_REDIRECTS + " times");
            }
            try {
                at = at.resolve(location.get());
            } catch (IllegalArgumentException e) {
                throw new IOException("GET " + at + " redirected to an unreadable Location: " + location.get());
            }
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
