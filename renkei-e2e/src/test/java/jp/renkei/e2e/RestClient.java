package jp.renkei.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The public REST API v1 as an ISP's own scripts use it: bearer token, multipart uploads, JSON answers. */
final class RestClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    record Answer(int status, JsonNode json, String body) {}

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    private final String token;

    RestClient(String base, String token) {
        this.base = base;
        this.token = token;
    }

    Answer get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    Answer upload(String path, String fileName, String content) {
        String boundary = "renkei-" + UUID.randomUUID();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n" + content + "\r\n--" + boundary + "--\r\n";
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    private Answer send(HttpRequest.Builder request) {
        request.header("Authorization", "Bearer " + token);
        try {
            HttpResponse<String> response = http.send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            JsonNode json;
            try {
                json = JSON.readTree(response.body());
            } catch (RuntimeException notJson) {
                json = JSON.missingNode();
            }
            return new Answer(response.statusCode(), json, response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
