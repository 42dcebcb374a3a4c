package jp.renkei.server.notify.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import jp.renkei.server.platform.OutboundDestinations;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Pushes a text message to one LINE user through the Messaging API of the ISP's official
 * account. The {@code X-Line-Retry-Key} is derived from the notice, so when a crash loses the
 * "sent" mark after LINE accepted the push, the retry is answered 409 and not delivered twice.
 * The API's address is checked before every push, like the SMS gateway's, and a redirect is
 * never followed; a refused destination fails the notice for good.
 */
@Component
class LinePush {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    // LINE refuses longer texts; ours are far shorter, but a refusal would be for good.
    private static final int MAX_TEXT = 5000;

    // A redirect would lead to a destination nobody checked, with the channel token on it.
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final OutboundDestinations destinations;

    LinePush(OutboundDestinations destinations) {
        this.destinations = destinations;
    }

    DeliveryResult push(ChannelSettings settings, PendingNotice n) {
        String text = n.body().length() > MAX_TEXT ? n.body().substring(0, MAX_TEXT) : n.body();
        String body = JSON.writeValueAsString(Map.of("to", n.recipient(),
                "messages", List.of(Map.of("type", "text", "text", text))));
        try {
            URI url = URI.create(settings.lineBaseUrl() + "/v2/bot/message/push");
            destinations.checkServiceUrl(url, "LINE");
            HttpRequest request = HttpRequest.newBuilder(url)
                    .timeout(Duration.ofSeconds(20))
                    .header("Authorization", "Bearer " + settings.lineAccessToken())
                    .header("Content-Type", "application/json")
                    .header("X-Line-Retry-Key", n.retryKey().toString())
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                    .build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 409 && response.headers().firstValue("x-line-accepted-request-id").isPresent()) {
                // Accepted before, under this retry key: the first attempt reached LINE.
                return new DeliveryResult.Sent("line (" + n.language() + ", accepted before)");
            }
            return DeliveryResult.ofStatus(response.statusCode(), response.body(), "line (" + n.language() + ")");
        } catch (OutboundDestinations.RefusedDestinationException e) {
            return new DeliveryResult.Failed("line " + e.getMessage());
        } catch (IOException e) {
            return new DeliveryResult.RetryLater(SmtpDelivery.describe(e));
        } catch (IllegalArgumentException e) {
            return new DeliveryResult.Failed("line settings: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new DeliveryResult.RetryLater("interrupted");
        }
    }
}
