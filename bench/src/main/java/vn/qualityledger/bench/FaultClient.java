package vn.qualityledger.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * The fault suite's HTTP client: like {@link HttpJson}, but it keeps every answer as it came (status, content type,
 * body) and turns a request that got no answer (connection refused or reset, time-out) into an answer of status 0, so
 * that the suite can record and judge every request it made.
 */
final class FaultClient {

    /** What one request got. {@code status} 0: no answer (the {@code transportError} says why). */
    record Answer(int status, String contentType, String body, String transportError) {

        boolean answered() {
            return status != 0;
        }

        boolean success() {
            return status / 100 == 2;
        }

        @Override
        public String toString() {
            if (!answered()) {
                return "no answer (" + transportError + ")";
            }
            String shown = body == null ? "" : body.length() > 300 ? body.substring(0, 300) + "…" : body;
            return status + " " + (contentType == null ? "(no content type)" : contentType) + " "
                    + (shown.isEmpty() ? "(empty body)" : shown);
        }
    }

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final Duration timeout;

    FaultClient(Duration timeout) {
        this.timeout = timeout;
    }

    Answer post(int port, String path, String user, String json) throws InterruptedException {
        return send(HttpRequest.newBuilder(uri(port, path)).header("Content-Type", "application/json")
                .header("Authorization", basic(user)).POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    }

    Answer get(int port, String path, String user) throws InterruptedException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri(port, path)).GET();
        if (user != null) {
            builder.header("Authorization", basic(user));
        }
        return send(builder);
    }

    private Answer send(HttpRequest.Builder builder) throws InterruptedException {
        try {
            HttpResponse<String> response = client.send(builder.timeout(timeout).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
                    response.body(), null);
        } catch (IOException e) {
            return new Answer(0, null, null, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
    }

    /** Whether GET path answers 200 (no credentials: readiness is public). */
    boolean ok(int port, String path) throws InterruptedException {
        return get(port, path, null).status() == 200;
    }

    private static URI uri(int port, String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + BenchUsers.PASSWORD).getBytes(StandardCharsets.UTF_8));
    }
}
