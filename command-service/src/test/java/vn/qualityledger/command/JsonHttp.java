package vn.qualityledger.command;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A tiny JSON-over-HTTP client for tests that talk to a running service as a real client would. */
public final class JsonHttp {

    public record Reply(int status, JsonNode body, String raw) {
        public String text(String field) {
            return body.path(field).asString();
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Every demo user of quality-ledger-security.yml has this password. */
    public static final String DEMO_PASSWORD = "demo";

    private final HttpClient client = HttpClient.newHttpClient();
    private final String base;
    private final String authorization;

    /** A client signed in as the demo administrator. */
    public JsonHttp(String base) {
        this(base, "admin");
    }

    private JsonHttp(String base, String user) {
        this.base = base;
        this.authorization = user == null ? null : "Basic " + java.util.Base64.getEncoder()
                .encodeToString((user + ":" + DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    /** The same service, signed in as another demo user (null: not signed in). */
    public JsonHttp as(String user) {
        return new JsonHttp(base, user);
    }

    public Reply post(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    }

    /** Bytes of another type (a plan workbook), the answer read as JSON. */
    public Reply post(String path, String contentType, byte[] body) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    public Reply put(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    }

    public Reply get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    private Reply send(HttpRequest.Builder request) {
        try {
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            HttpResponse<String> response = client.send(request.header("Accept", "application/json, application/problem+json").build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            String raw = response.body();
            JsonNode body = raw == null || raw.isBlank() ? JSON.createObjectNode() : JSON.readTree(raw);
            return new Reply(response.statusCode(), body, raw);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
