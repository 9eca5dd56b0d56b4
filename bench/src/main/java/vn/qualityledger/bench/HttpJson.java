package vn.qualityledger.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The harness as an HTTP client of the services: JSON in, status and JSON out. */
final class HttpJson {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    HttpJson(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    record Response(int status, String body) {
        JsonNode json() {
            return JSON.readTree(body);
        }
    }

    Response post(String path, Object body) throws IOException, InterruptedException {
        String json = body instanceof String text ? text : JSON.writeValueAsString(body);
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", basic(writer(path, body)))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        return new Response(response.statusCode(), response.body());
    }

    Response get(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", basic(path.startsWith("/api/admin") ? BenchUsers.administrator("LOAD") : BenchUsers.READER))
                .GET().build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        return new Response(response.statusCode(), response.body());
    }

    /** A POST that must succeed (2xx); anything else is a broken harness or service. */
    JsonNode postOk(String path, Object body) throws IOException, InterruptedException {
        Response response = post(path, body);
        if (response.status() / 100 != 2) {
            throw new BenchFailure("POST " + path + " answered " + response.status() + ": " + response.body());
        }
        return response.json();
    }

    /** A GET that must answer 200. */
    JsonNode getOk(String path) throws IOException, InterruptedException {
        Response response = get(path);
        if (response.status() != 200) {
            throw new BenchFailure("GET " + path + " answered " + response.status() + ": " + response.body());
        }
        return response.json();
    }

    /** Reviews by the organisation's QMR; everything else by its administrator. */
    private static String writer(String path, Object body) {
        if (path.startsWith("/api/admin")) {
            return BenchUsers.administrator("LOAD");
        }
        String organisation;
        if (path.equals("/api/objectives") && body instanceof java.util.Map<?, ?> map) {
            organisation = String.valueOf(map.get("organisationId"));
        } else {
            String objective = path.substring("/api/objectives/".length());
            organisation = objective.substring(0, objective.indexOf('.'));
        }
        return path.endsWith("/acceptance") || path.endsWith("/rejection")
                ? BenchUsers.reviewer(organisation) : BenchUsers.administrator(organisation);
    }

    private static String basic(String user) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString(
                (user + ":" + BenchUsers.PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
