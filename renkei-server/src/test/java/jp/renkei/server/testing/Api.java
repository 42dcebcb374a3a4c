package jp.renkei.server.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A real HTTP client for the REST API, as an ISP's scripts would use it. */
public final class Api {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One answer: status code and parsed JSON body (or a missing node when the body is not JSON). */
    public record Answer(int status, JsonNode json, String body) {}

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    private final String token;

    public Api(int port, String token) {
        this.base = "http://localhost:" + port;
        this.token = token;
    }

    public Api as(String otherToken) {
        return new Api(Integer.parseInt(base.substring(base.lastIndexOf(':') + 1)), otherToken);
    }

    public Answer get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    public Answer postJson(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** Uploads {@code content} as the multipart part {@code file}, the way curl -F file=@name does. */
    public Answer upload(String path, String fileName, byte[] content) {
        String boundary = "renkei-" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + content.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(content, 0, body, head.length, content.length);
        System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    public Answer upload(String path, String fileName, String content) {
        return upload(path, fileName, content.getBytes(StandardCharsets.UTF_8));
    }

    private Answer send(HttpRequest.Builder request) {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json;
            try {
                json = JSON.readTree(response.body());
            } catch (RuntimeException notJson) {
                json = JSON.missingNode();
            }
            return new Answer(response.statusCode(), json, response.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
