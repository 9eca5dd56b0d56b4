package vn.qualityledger.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriBuilder;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The services' public HTTP APIs, as the web application uses them. Sign-in sends the typed credentials once, as HTTP
 * Basic (or, in OIDC mode, the issuer's access token once), to {@code POST /api/sessions}; every other call carries the
 * session's token. Answers are read as plain JSON
 * (maps, lists, numbers as {@link java.math.BigDecimal}) and shown as they are: no figure is computed here.
 */
@Component
public class QualityLedgerClient {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    private final RestClient commands;
    private final RestClient queries;

    public QualityLedgerClient(@Value("${quality-ledger.command-service-url}") String commandServiceUrl,
                               @Value("${quality-ledger.query-service-url}") String queryServiceUrl) {
        SimpleClientHttpRequestFactory factory = new SimpleClientHttpRequestFactory();
        factory.setConnectTimeout(5_000);
        factory.setReadTimeout(30_000);
        this.commands = RestClient.builder().baseUrl(commandServiceUrl).requestFactory(factory).build();
        this.queries = RestClient.builder().baseUrl(queryServiceUrl).requestFactory(factory).build();
    }

    /** Signs in with a password; empty when the service refuses the credentials (401). */
    public Optional<SignedInUser> signIn(String username, String password) {
        String basic = Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        return session("Basic " + basic, username);
    }

    /**
     * Signs in with the access token an OIDC issuer gave the user (a JWT command-service checks against the same
     * issuer); empty when the service refuses it (401). The token is sent this once: the session's token calls after.
     */
    public Optional<SignedInUser> signInWithAccessToken(String accessToken) {
        return session("Bearer " + accessToken, null);
    }

    /** A session from {@code POST /api/sessions}; the username is the one typed, or the actor's id when none was. */
    private Optional<SignedInUser> session(String authorization, String username) {
        Map<String, Object> session = call(() -> commands.post().uri("/api/sessions").header("Authorization", authorization)
                .accept(MediaType.APPLICATION_JSON)
                .exchange((request, response) -> response.getStatusCode().value() == 401 ? null : read(response)));
        if (session == null) {
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        List<String> roles = (List<String>) session.getOrDefault("roles", List.of());
        String actorId = (String) session.get("actorId");
        return Optional.of(new SignedInUser(username == null ? actorId : username, (String) session.get("token"), actorId,
                (String) session.get("actorName"), List.copyOf(roles), (String) session.get("organisation"), (String) session.get("unit")));
    }

    /** Signs out: the session's token is revoked in command-service. */
    public void signOut(SignedInUser user) {
        call(() -> commands.post().uri("/api/sessions/current/revocation").header("Authorization", "Bearer " + user.token())
                .contentType(MediaType.APPLICATION_JSON).body("{}")
                .exchange((request, response) -> response.getStatusCode().value() == 401 ? null : read(response)));
    }

    /** A read from query-service as the user. */
    public Map<String, Object> read(SignedInUser user, java.util.function.Function<UriBuilder, java.net.URI> uri) {
        return call(() -> queries.get().uri(uri).header("Authorization", "Bearer " + user.token())
                .accept(MediaType.APPLICATION_JSON).exchange((request, response) -> read(response)));
    }

    /** A read from query-service as the user whose answer is a JSON array (the review decisions tracker); refused as {@link #read}. */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> readList(SignedInUser user, java.util.function.Function<UriBuilder, java.net.URI> uri) {
        return call(() -> queries.get().uri(uri).header("Authorization", "Bearer " + user.token())
                .accept(MediaType.APPLICATION_JSON).exchange((request, response) -> {
                    if (response.getStatusCode().isError()) {
                        read(response); // throws the service's problem
                    }
                    byte[] body = response.getBody().readAllBytes();
                    return body.length == 0 ? List.<Map<String, Object>>of() : (List<Map<String, Object>>) JSON.readValue(body, List.class);
                }));
    }

    /** A command to command-service as the user: the body as JSON; a refusal is a {@link ServiceProblem} with its failing fields. */
    public Map<String, Object> command(SignedInUser user, String path, Object body) {
        return call(() -> commands.post().uri(path).header("Authorization", "Bearer " + user.token())
                .contentType(MediaType.APPLICATION_JSON).body(body).exchange((request, response) -> read(response)));
    }

    /** A plan workbook (XLSX) to command-service as the user, sent as its bytes; answered and refused as {@link #command}. */
    public Map<String, Object> commandWorkbook(SignedInUser user, String path, byte[] workbook) {
        return call(() -> commands.post().uri(path).header("Authorization", "Bearer " + user.token())
                .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .accept(MediaType.APPLICATION_JSON).body(workbook).exchange((request, response) -> read(response)));
    }

    /** A file read from command-service as the user (the plan workbook's template); a refusal is a {@link ServiceProblem}. */
    public ServiceFile commandFile(SignedInUser user, String path) {
        return call(() -> commands.get().uri(path).header("Authorization", "Bearer " + user.token())
                .exchange((request, response) -> {
                    if (response.getStatusCode().isError()) {
                        read(response); // throws the service's problem
                    }
                    return new ServiceFile(response.getBody().readAllBytes(), response.getHeaders().getFirst("Content-Type"),
                            response.getHeaders().getFirst("Content-Disposition"), null);
                }));
    }

    /** A file as a service answered it: its bytes and the headers a browser needs to save it. */
    public record ServiceFile(byte[] content, String contentType, String contentDisposition, String sha256) {

        /** The file as the web serves it on: its bytes with the service's type, name and digest. */
        public org.springframework.http.ResponseEntity<byte[]> asResponse() {
            org.springframework.http.ResponseEntity.BodyBuilder answer = org.springframework.http.ResponseEntity.ok();
            if (contentType != null) {
                answer.header(org.springframework.http.HttpHeaders.CONTENT_TYPE, contentType);
            }
            if (contentDisposition != null) {
                answer.header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION, contentDisposition);
            }
            if (sha256 != null) {
                answer.header("Report-SHA-256", sha256);
            }
            return answer.body(content);
        }
    }

    /** A file read from query-service as the user (a report, generated or issued); a refusal is a {@link ServiceProblem}. */
    public ServiceFile readFile(SignedInUser user, java.util.function.Function<UriBuilder, java.net.URI> uri) {
        return call(() -> queries.get().uri(uri).header("Authorization", "Bearer " + user.token())
                .exchange((request, response) -> {
                    if (response.getStatusCode().isError()) {
                        read(response); // throws the service's problem
                    }
                    return new ServiceFile(response.getBody().readAllBytes(), response.getHeaders().getFirst("Content-Type"),
                            response.getHeaders().getFirst("Content-Disposition"), response.getHeaders().getFirst("Report-SHA-256"));
                }));
    }

    /** Bytes POSTed to query-service as the user ({@code application/octet-stream}), the JSON answer read as for {@link #read}. */
    public Map<String, Object> sendFile(SignedInUser user, String path, byte[] content) {
        return call(() -> queries.post().uri(path).header("Authorization", "Bearer " + user.token())
                .contentType(MediaType.APPLICATION_OCTET_STREAM).accept(MediaType.APPLICATION_JSON).body(content)
                .exchange((request, response) -> read(response)));
    }

    /**
     * Uploads a file to command-service ({@code POST /api/files}, multipart, part {@code file}) as the user, streamed
     * from {@code content} with its length declared; answers the stored file's reference (sha256, name, size,
     * contentType). A refusal (413 too large, 415 not an allowed document) is a {@link ServiceProblem} naming the field.
     */
    public Map<String, Object> upload(SignedInUser user, String name, String contentType, long size,
                                      org.springframework.core.io.InputStreamSource content) {
        String boundary = "ql-web-" + java.util.UUID.randomUUID();
        String safeName = name.replaceAll("[\\r\\n\"\\\\]", "_");
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + safeName + "\"\r\n"
                + "Content-Type: " + (contentType == null || contentType.isBlank() ? "application/octet-stream" : contentType)
                + "\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        return call(() -> commands.post().uri("/api/files").header("Authorization", "Bearer " + user.token())
                .contentType(MediaType.parseMediaType("multipart/form-data; boundary=" + boundary))
                .contentLength(head.length + size + tail.length)
                .body(out -> {
                    out.write(head);
                    try (java.io.InputStream in = content.getInputStream()) {
                        in.transferTo(out);
                    }
                    out.write(tail);
                })
                .accept(MediaType.APPLICATION_JSON)
                .exchange((request, response) -> read(response)));
    }

    /**
     * A file from query-service as the user, handed to {@code sink} with the service's headers while it streams (never
     * held in memory); a refusal (403, 404) is a {@link ServiceProblem}.
     */
    public void download(SignedInUser user, String path, FileSink sink) {
        call(() -> queries.get().uri(path).header("Authorization", "Bearer " + user.token())
                .exchange((request, response) -> {
                    if (response.getStatusCode().isError()) {
                        return read(response);
                    }
                    sink.accept(response.getHeaders(), response.getBody());
                    return null;
                }));
    }

    /** Where a downloaded file goes: its headers as the service sent them, then its bytes. */
    public interface FileSink {
        void accept(org.springframework.http.HttpHeaders headers, java.io.InputStream body) throws IOException;
    }

    private interface Call<T> {
        T run();
    }

    private static <T> T call(Call<T> call) {
        try {
            return call.run();
        } catch (ResourceAccessException unreachable) {
            throw new ServiceProblem(503, "SERVICE_UNAVAILABLE", unreachable.getMessage());
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> read(ClientHttpResponse response) throws IOException {
        HttpStatusCode status = response.getStatusCode();
        byte[] body = response.getBody().readAllBytes();
        Map<String, Object> json = body.length == 0 ? Map.of() : parse(body);
        if (status.isError()) {
            Object code = json.get("code");
            Object detail = json.get("detail");
            String problemCode = code == null ? "HTTP_" + status.value() : code.toString();
            throw new ServiceProblem(status.value(), problemCode, detail == null ? "" : detail.toString(),
                    fieldProblems(json, problemCode));
        }
        return json;
    }

    /**
     * Which fields a problem blames: command-service's {@code errors} [{field, rule, message}] of a 400, or the
     * {@code field} of a broken rule (its code is then the rule); query-service's {@code invalid-params} [{name, reason}].
     */
    private static List<ServiceProblem.FieldProblem> fieldProblems(Map<String, Object> problem, String code) {
        List<ServiceProblem.FieldProblem> problems = new ArrayList<>();
        if (problem.get("errors") instanceof List<?> errors) {
            for (Object error : errors) {
                if (error instanceof Map<?, ?> entry && entry.get("field") != null) {
                    problems.add(new ServiceProblem.FieldProblem(entry.get("field").toString(), Objects.toString(entry.get("rule"), ""),
                            Objects.toString(entry.get("message"), "")));
                }
            }
        }
        if (problem.get("invalid-params") instanceof List<?> parameters) {
            for (Object parameter : parameters) {
                if (parameter instanceof Map<?, ?> entry && entry.get("name") != null) {
                    problems.add(new ServiceProblem.FieldProblem(entry.get("name").toString(), "", Objects.toString(entry.get("reason"), "")));
                }
            }
        }
        if (problem.get("field") != null) {
            problems.add(new ServiceProblem.FieldProblem(problem.get("field").toString(), code, Objects.toString(problem.get("detail"), "")));
        }
        return problems;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parse(byte[] body) {
        try {
            return JSON.readValue(body, Map.class);
        } catch (RuntimeException notJson) {
            return Map.of("detail", new String(body, StandardCharsets.UTF_8));
        }
    }
}
