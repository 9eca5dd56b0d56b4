package vn.qualityledger.query.feed;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.qualityledger.query.IntegrationDatabase;

/**
 * The feed over real HTTP, as a consumer outside the service sees it. Users (password "demo"): {@code kho}, the feed
 * consumer of {@link #ORG}; {@code tinh}, the province's ISO steering committee, who reads every dashboard.
 * Subclasses share one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.config.name=query-service",
        "quality-ledger.feed.gap-timeout=PT2S",
        "quality-ledger.feed.stream.poll-interval=PT0.1S",
        "quality-ledger.feed.stream.heartbeat=PT1S",
        "quality-ledger.security.users[0].username=kho",
        "quality-ledger.security.users[0].password=$2a$10$TOkqL.MrHrV26suh81L5oOPUvGRPllAnGS.NByytVcojikBwOQVAC",
        "quality-ledger.security.users[0].name=Kho dữ liệu",
        "quality-ledger.security.users[0].roles[0]=FEED_CONSUMER",
        "quality-ledger.security.users[0].organisation=" + FeedHttpTest.ORG,
        "quality-ledger.security.users[1].username=tinh",
        "quality-ledger.security.users[1].password=$2a$10$TOkqL.MrHrV26suh81L5oOPUvGRPllAnGS.NByytVcojikBwOQVAC",
        "quality-ledger.security.users[1].name=Ban Chỉ đạo ISO tỉnh",
        "quality-ledger.security.users[1].roles[0]=PROVINCE_AUDITOR"})
abstract class FeedHttpTest {

    static final String ORG = "so-ldtbxh-bt";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        String url = IntegrationDatabase.withEventStore("ql_test_feed_http");
        registry.add("spring.datasource.url", () -> url);
    }

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();

    HttpRequest.Builder request(String pathAndQuery, String username) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + pathAndQuery))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((username + ":demo").getBytes(StandardCharsets.UTF_8)));
    }
}
