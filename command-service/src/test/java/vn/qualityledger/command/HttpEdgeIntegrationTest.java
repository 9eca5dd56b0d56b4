package vn.qualityledger.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.qualityledger.support.TestDatabase;

/**
 * What a request meets before the application (service-support's {@code web} package), over raw sockets so that the
 * exact bytes a hostile or broken client sends reach the server: every refusal is a problem with a code and
 * {@code nosniff}, and nothing from a refused request is stored.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=command-service", "quality-ledger.http.max-body-size=64KB"})
class HttpEdgeIntegrationTest {

    private static final String ADMIN = "Basic " + Base64.getEncoder().encodeToString("thuky:demo".getBytes(StandardCharsets.UTF_8));

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        String url = TestDatabase.recreate("ql_test_edge");
        registry.add("spring.datasource.url", () -> url);
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    private record Answer(int status, String head, String body) {
        boolean isProblemWithCode(String code) {
            return head.toLowerCase().contains("content-type: application/problem+json")
                    && head.toLowerCase().contains("x-content-type-options: nosniff")
                    && body.contains("\"code\":\"" + code + "\"");
        }
    }

    private Answer send(byte[] request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(request);
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            int read;
            try {
                while ((read = in.read(buffer)) != -1) {
                    all.write(buffer, 0, read);
                }
            } catch (java.net.SocketException reset) {
                // The server may close while the client still sends an oversized body; what it answered is read.
            }
            String text = all.toString(StandardCharsets.UTF_8);
            int split = text.indexOf("\r\n\r\n");
            String head = split < 0 ? text : text.substring(0, split);
            String body = split < 0 ? "" : text.substring(split + 4);
            int status = Integer.parseInt(head.substring(9, 12));
            return new Answer(status, head, body);
        }
    }

    private static byte[] get(String target, String... extraHeaders) {
        return ("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + ADMIN + "\r\n"
                + String.join("", extraHeaders) + "Connection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] post(String target, byte[] body) {
        byte[] head = ("POST " + target + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + ADMIN + "\r\n"
                + "Content-Type: application/json\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        byte[] request = new byte[head.length + body.length];
        System.arraycopy(head, 0, request, 0, head.length);
        System.arraycopy(body, 0, request, head.length, body.length);
        return request;
    }

    /** A definition whose statement has {@code bytes} in the middle of Vietnamese text. */
    private static byte[] objectiveWith(String id, byte[] bytes) {
        byte[] before = ("{\"objectiveId\": \"" + id + "\", \"organisationId\": \"SLDTBXH-HD\", \"year\": 2023, \"code\": \"MTCL-" + id
                + "\", \"statement\": \"Giải quyết hồ sơ đúng hạn ").getBytes(StandardCharsets.UTF_8);
        byte[] after = "\"}".getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[before.length + bytes.length + after.length];
        System.arraycopy(before, 0, body, 0, before.length);
        System.arraycopy(bytes, 0, body, before.length, bytes.length);
        System.arraycopy(after, 0, body, before.length + bytes.length, after.length);
        return body;
    }

    private int storedEvents() {
        return jdbc.queryForObject("select count(*) from event_store.domain_event_entry", Integer.class);
    }

    @Test
    void acceptsWellFormedVietnameseTextThroughTheBufferedBody() throws IOException {
        Answer answer = send(post("/api/objectives", objectiveWith("edge-ok", "100% TTHC".getBytes(StandardCharsets.UTF_8))));
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        assertThat(answer.head().toLowerCase()).contains("x-content-type-options: nosniff");
        assertThat(jdbc.queryForObject("select count(*) from event_store.domain_event_entry where aggregate_identifier = 'edge-ok'",
                Integer.class)).isEqualTo(1);
    }

    @Test
    void refusesMalformedUtf8InABodyAndStoresNothing() throws IOException {
        int before = storedEvents();
        // Overlong '/', overlong 3-byte '/', above U+10FFFF, an encoded surrogate, a lone continuation byte.
        for (String hex : new String[]{"c0af", "e080af", "f4908080", "eda080", "80"}) {
            Answer answer = send(post("/api/objectives", objectiveWith("edge-" + hex, HexFormat.of().parseHex(hex))));
            assertThat(answer.status()).as(hex + ": " + answer.body()).isEqualTo(400);
            assertThat(answer.isProblemWithCode("MALFORMED_UTF8")).as(answer.head() + answer.body()).isTrue();
        }
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void refusesABodyOverTheLimitBeforeParsingIt() throws IOException {
        int before = storedEvents();
        byte[] large = objectiveWith("edge-large", "a".repeat(70 * 1024).getBytes(StandardCharsets.UTF_8));
        Answer declared = send(post("/api/objectives", large));
        assertThat(declared.status()).isEqualTo(413);
        assertThat(declared.isProblemWithCode("PAYLOAD_TOO_LARGE")).as(declared.body()).isTrue();

        // Chunked: no length is declared, so the guard counts what it reads.
        byte[] head = ("POST /api/objectives HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + ADMIN
                + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
                + Integer.toHexString(large.length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
        ByteArrayOutputStream chunked = new ByteArrayOutputStream();
        chunked.writeBytes(head);
        chunked.writeBytes(large);
        chunked.writeBytes("\r\n0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        Answer streamed = send(chunked.toByteArray());
        assertThat(streamed.status()).isEqualTo(413);
        assertThat(streamed.isProblemWithCode("PAYLOAD_TOO_LARGE")).as(streamed.body()).isTrue();
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void refusesMalformedOrControlCharactersInTheQueryString() throws IOException {
        for (String query : new String[]{"asOf=%C0%AF", "unit=%00", "unit=VP%01", "x=%E0%80%AF", "bad=%G1", "cut=%E1%BA"}) {
            Answer answer = send(get("/api/objectives/edge-ok/anything?" + query));
            assertThat(answer.status()).as(query).isEqualTo(400);
            assertThat(answer.isProblemWithCode("MALFORMED_REQUEST")).as(query + ": " + answer.body()).isTrue();
        }
    }

    @Test
    void letsWellFormedVietnameseThroughThePathAndQuery() throws IOException {
        Answer answer = send(get("/api/nothing/Thanh%20tra%20S%E1%BB%9F?unit=Thanh+tra+S%E1%BB%9F&x=%C4%90%E1%BA%A1t"));
        assertThat(answer.status()).as(answer.body()).isNotEqualTo(400);
    }

    @Test
    void answersWhatTomcatRefusesItselfAsAProblemNotAnHtmlPage() throws IOException {
        String longPath = "/api/" + "a".repeat(70_000);
        for (byte[] request : new byte[][]{get("/api/objectives/a%2Fb/publication"), get("/api/objectives/a%00b"),
                get("/api/objectives/x%C0%AF"), get(longPath), get("/api/objectives", "X-Big: " + "a".repeat(20_000) + "\r\n")}) {
            Answer answer = send(request);
            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.isProblemWithCode("MALFORMED_REQUEST")).as(answer.head() + "\n" + answer.body()).isTrue();
            assertThat(answer.body()).doesNotContain("<html", "Tomcat", "java.");
        }
    }

    @Test
    void answersTheErrorPageAskedForDirectlyAsNotFound() throws IOException {
        Answer answer = send(get("/error"));
        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.isProblemWithCode("NOT_FOUND")).as(answer.body()).isTrue();
        assertThat(answer.body()).doesNotContain("timestamp", "trace", "exception");
    }
}
