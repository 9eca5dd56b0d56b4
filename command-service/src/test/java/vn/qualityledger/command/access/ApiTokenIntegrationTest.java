package vn.qualityledger.command.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.qualityledger.command.JsonHttp;
import vn.qualityledger.support.TestDatabase;
import vn.qualityledger.support.security.LedgerSecurityProperties;
import vn.qualityledger.support.security.LedgerSecurityProperties.User;

/** API tokens and the verified-credential cache, as a machine client and an administrator meet them. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "spring.config.name=command-service")
class ApiTokenIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        String url = TestDatabase.recreate("ql_test_tokens");
        registry.add("spring.datasource.url", () -> url);
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    LedgerSecurityProperties security;
    @Autowired
    PasswordEncoder passwordEncoder;

    private final HttpClient client = HttpClient.newHttpClient();
    private JsonHttp admin;

    @BeforeEach
    void client() {
        admin = new JsonHttp("http://localhost:" + port);
    }

    private record Answer(int status, JsonNode body, String wwwAuthenticate, String location) {
    }

    private Answer send(String method, String path, String authorization, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        JsonNode body = response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
        return new Answer(response.statusCode(), body, response.headers().firstValue("WWW-Authenticate").orElse(null),
                response.headers().firstValue("Location").orElse(null));
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private JsonHttp.Reply issue(String name) {
        JsonHttp.Reply reply = admin.post("/api/admin/tokens", """
                {"name": "%s", "actorId": "nhap-lieu-tu-dong", "actorName": "Máy nhập liệu Văn phòng", "roles": ["ISO_SECRETARY"], "validDays": 30}
                """.formatted(name));
        assertThat(reply.status()).as(reply.raw()).isEqualTo(201);
        assertThat(reply.text("token")).startsWith("qlt_").hasSizeGreaterThan(40);
        return reply;
    }

    private static String defineObjective(String id) {
        return """
                {"objectiveId": "%s", "organisationId": "SLDTBXH-HD", "year": 2023, "code": "MTCL-%s",
                 "statement": "Giải quyết 100%% hồ sơ đúng hạn"}""".formatted(id, id);
    }

    private int eventsOf(String aggregate) {
        return jdbc.queryForObject("select count(*) from event_store.domain_event_entry where aggregate_identifier = ?", Integer.class, aggregate);
    }

    @Test
    void aTokenActsAsItsActorUntilItIsRevoked() throws Exception {
        JsonHttp.Reply issued = issue("Nhập liệu tự động");
        String bearer = "Bearer " + issued.text("token");

        Answer defined = send("POST", "/api/objectives", bearer, defineObjective("tok-1"));
        assertThat(defined.status()).as(defined.body().toString()).isEqualTo(201);
        String metaData = new String(jdbc.queryForObject(
                "select meta_data from event_store.domain_event_entry where aggregate_identifier = 'tok-1'", byte[].class), StandardCharsets.UTF_8);
        assertThat(metaData).contains("\"actorId\":\"nhap-lieu-tu-dong\"", "Máy nhập liệu Văn phòng", "SLDTBXH-HD");

        JsonHttp.Reply listed = admin.get("/api/admin/tokens/" + issued.text("id"));
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.body().path("active").asBoolean()).isTrue();
        assertThat(listed.body().path("lastUsedAt").isNull()).isFalse();
        assertThat(listed.raw()).doesNotContain(issued.text("token"), "hash");
        assertThat(jdbc.queryForObject("select count(*) from identity.api_token where encode(token_hash, 'escape') like '%qlt_%'",
                Integer.class)).isZero();

        assertThat(admin.post("/api/admin/tokens/" + issued.text("id") + "/revocation", "").status()).isEqualTo(202);
        Answer afterRevocation = send("POST", "/api/objectives", bearer, defineObjective("tok-2"));
        assertThat(afterRevocation.status()).isEqualTo(401);
        assertThat(afterRevocation.body().path("code").asString()).isEqualTo("INVALID_TOKEN");
        assertThat(afterRevocation.wwwAuthenticate()).contains("invalid_token");
        assertThat(eventsOf("tok-2")).isZero();
        assertThat(admin.get("/api/admin/tokens/" + issued.text("id")).body().path("revokedBy").asString()).isEqualTo("admin");
    }

    @Test
    void anExpiredOrUnknownTokenIsRefused() throws Exception {
        JsonHttp.Reply issued = issue("Hết hạn");
        jdbc.update("update identity.api_token set expires_at = now() - interval '1 second' where id = ?", issued.text("id"));
        assertThat(send("POST", "/api/objectives", "Bearer " + issued.text("token"), defineObjective("tok-3")).status()).isEqualTo(401);

        String almost = issued.text("token").substring(0, issued.text("token").length() - 1) + "x";
        for (String token : new String[]{almost, "qlt_", "qlt_khong-phai-token"}) {
            Answer answer = send("POST", "/api/objectives", "Bearer " + token, defineObjective("tok-3"));
            assertThat(answer.status()).as(token).isEqualTo(401);
            assertThat(answer.body().path("code").asString()).isEqualTo("INVALID_TOKEN");
        }
        assertThat(eventsOf("tok-3")).isZero();
    }

    @Test
    void onlyAnAdministratorIssuesTokensAndOnlyForTheirOrganisation() throws Exception {
        Answer byStaff = send("POST", "/api/admin/tokens", basic("thuky", "demo"),
                "{\"name\": \"x\", \"actorId\": \"x\", \"roles\": [\"ADMIN\"]}");
        assertThat(byStaff.status()).isEqualTo(403);

        JsonHttp.Reply otherOrganisation = admin.post("/api/admin/tokens",
                "{\"name\": \"x\", \"actorId\": \"x\", \"roles\": [\"VIEWER\"], \"organisation\": \"SLDTBXH-BT\"}");
        assertThat(otherOrganisation.status()).isEqualTo(403);
        assertThat(otherOrganisation.text("code")).isEqualTo("OTHER_ORGANISATION");

        JsonHttp.Reply invalid = admin.post("/api/admin/tokens", "{\"name\": \" \", \"actorId\": \"x\", \"roles\": [], \"validDays\": 1000}");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.raw()).contains("name", "roles", "validDays");
        assertThat(admin.post("/api/admin/tokens/tok-none/revocation", "").status()).isEqualTo(404);
    }

    @Test
    void aChangedPasswordIsRefusedAtOnceDespiteTheCache() throws Exception {
        // Signed in (an empty body is refused by validation, after authentication), and now remembered.
        assertThat(send("POST", "/api/objectives", basic("thuky", "demo"), "{}").status()).isEqualTo(400);
        assertThat(send("POST", "/api/objectives", basic("thuky", "demo"), "{}").status()).isEqualTo(400);
        assertThat(send("POST", "/api/objectives", basic("thuky", "sai"), "{}").status()).isEqualTo(401);

        List<User> original = security.getUsers();
        List<User> changed = new ArrayList<>();
        for (User user : original) {
            changed.add(user.username().equals("thuky") ? new User(user.username(), passwordEncoder.encode("mật-khẩu-mới"), user.name(),
                    user.roles(), user.organisation(), user.unit(), user.feedOrganisations()) : user);
        }
        security.setUsers(changed);
        try {
            assertThat(send("POST", "/api/objectives", basic("thuky", "demo"), "{}").status()).isEqualTo(401);
            assertThat(send("POST", "/api/objectives", basic("thuky", "mật-khẩu-mới"), "{}").status()).isEqualTo(400);
        } finally {
            security.setUsers(original);
        }
        assertThat(send("POST", "/api/objectives", basic("thuky", "demo"), "{}").status()).isEqualTo(400);
    }

    @Test
    void aSignInSessionActsAsItsUserUntilSignOut() throws Exception {
        Answer signedIn = send("POST", "/api/sessions", basic("thuky", "demo"), null);
        assertThat(signedIn.status()).as(signedIn.body().toString()).isEqualTo(201);
        assertThat(signedIn.body().path("actorName").asString()).isEqualTo("Nguyễn Thị Thư");
        assertThat(signedIn.body().path("roles").toString()).contains("ISO_SECRETARY");
        String session = "Bearer " + signedIn.body().path("token").asString();

        assertThat(signedIn.location()).as("the session's Location is a read this service serves").isEqualTo("/api/sessions/current");
        Answer current = send("GET", signedIn.location(), session, null);
        assertThat(current.status()).isEqualTo(200);
        assertThat(current.body().path("actorId").asString()).isEqualTo("thuky");
        assertThat(send("POST", "/api/objectives", session, defineObjective("ses-1")).status()).isEqualTo(201);
        String metaData = new String(jdbc.queryForObject(
                "select meta_data from event_store.domain_event_entry where aggregate_identifier = 'ses-1'", byte[].class), StandardCharsets.UTF_8);
        assertThat(metaData).contains("\"actorId\":\"thuky\"");

        Answer again = send("POST", "/api/sessions", session, null);
        assertThat(again.status()).isEqualTo(403);
        assertThat(again.body().path("code").asString()).isEqualTo("SIGN_IN_WITH_PASSWORD");
        assertThat(send("POST", "/api/sessions/current/revocation", basic("thuky", "demo"), null).status()).isEqualTo(409);

        assertThat(send("POST", "/api/sessions/current/revocation", session, null).status()).isEqualTo(202);
        assertThat(send("GET", "/api/sessions/current", session, null).status()).isEqualTo(401);
        assertThat(send("POST", "/api/sessions", basic("thuky", "sai"), null).status()).isEqualTo(401);
    }
}
