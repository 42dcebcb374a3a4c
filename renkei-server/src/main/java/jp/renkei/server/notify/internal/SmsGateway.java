package jp.renkei.server.notify.internal;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

import jp.renkei.server.platform.OutboundDestinations;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends an SMS through the ISP's own HTTP gateway, whatever its API: the URL, method, headers and
 * body come from the channel settings, with {@code {to}}, {@code {to_e164}}, {@code {text}} and
 * {@code {reference}} filled in (escaped for JSON, form or URL as the content type says). The
 * reference is the same on every attempt, so a gateway that deduplicates by it never sends twice.
 * The URL is checked before every request ({@link OutboundDestinations}: no internal address
 * unless allowed, plain HTTP only there) and a redirect is never followed; a refused destination
 * fails the notice for good, since trying again would be refused again.
 */
@Component
class SmsGateway {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    // A redirect would lead to a destination nobody checked; a 3xx answer fails the notice instead.
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final OutboundDestinations destinations;

    SmsGateway(OutboundDestinations destinations) {
        this.destinations = destinations;
    }

    DeliveryResult send(ChannelSettings settings, PendingNotice n) {
        Map<String, String> values = Map.of("to", digits(n.recipient()), "to_e164", e164(n.recipient()),
                "text", n.body(), "reference", n.reference());
        try {
            URI url = URI.create(fill(settings.smsUrl(), values, v -> URLEncoder.encode(v, StandardCharsets.UTF_8)));
            destinations.checkServiceUrl(url, "SMS");
            HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(20));
            for (Map.Entry<String, String> h : settings.headers()) {
                request.header(h.getKey(), h.getValue());
            }
            if (settings.smsMethod().equals("GET")) {
                request.GET();
            } else {
                String body = fill(settings.smsBodyTemplate(), values, escaperFor(settings.smsContentType()));
                request.header("Content-Type", settings.smsContentType());
                request.method(settings.smsMethod(), HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return DeliveryResult.ofStatus(response.statusCode(), response.body(),
                    "sms (" + n.language() + ", HTTP " + response.statusCode() + ")");
        } catch (OutboundDestinations.RefusedDestinationException e) {
            return new DeliveryResult.Failed("sms gateway " + e.getMessage());
        } catch (IOException e) {
            return new DeliveryResult.RetryLater(SmtpDelivery.describe(e));
        } catch (IllegalArgumentException e) {
            return new DeliveryResult.Failed("sms gateway settings: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new DeliveryResult.RetryLater("interrupted");
        }
    }

    static String fill(String template, Map<String, String> values, UnaryOperator<String> escape) {
        String out = template;
        for (Map.Entry<String, String> v : values.entrySet()) {
            out = out.replace("{" + v.getKey() + "}", escape.apply(v.getValue()));
        }
        return out;
    }

    private static UnaryOperator<String> escaperFor(String contentType) {
        String type = contentType.toLowerCase(Locale.ROOT);
        if (type.contains("json")) {
            // The template writes the quotes: "text": "{text}".
            return v -> {
                String quoted = JSON.writeValueAsString(v);
                return quoted.substring(1, quoted.length() - 1);
            };
        }
        if (type.contains("x-www-form-urlencoded")) {
            return v -> URLEncoder.encode(v, StandardCharsets.UTF_8);
        }
        return v -> v;
    }

    private static String digits(String phone) {
        return phone.replaceAll("[\\s\\-()]", "");
    }

    /** Japanese numbers as gateways abroad want them: 090-1234-5678 becomes +819012345678. */
    static String e164(String phone) {
        String d = digits(phone);
        if (d.startsWith("+")) {
            return d;
        }
        return d.startsWith("0") ? "+81" + d.substring(1) : d;
    }
}
