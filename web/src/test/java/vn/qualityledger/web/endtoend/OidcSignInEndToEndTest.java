package vn.qualityledger.web.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * OIDC mode end to end (database ql_test_web_oidc): a real authorization server in this JVM ({@link TestIssuer}),
 * command-service and query-service in OIDC mode trusting it, the web application in OIDC mode as its client, and
 * Chromium going through the whole redirect dance. The services' access logs (with each call's Authorization header)
 * show what the web application called with.
 */
class OidcSignInEndToEndTest extends BrowserJourney {

    private static final Pattern SESSION_TOKEN = Pattern.compile("Bearer (qlt_\\S+)");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private ConfigurableApplicationContext issuer;
    private String issuerUrl;
    private Path accessLogs;

    OidcSignInEndToEndTest() {
        super("ql_test_web_oidc");
    }

    @Override
    protected void beforeServices() throws Exception {
        int port = freePort();
        issuerUrl = "http://127.0.0.1:" + port;
        issuer = TestIssuer.start(port, issuerUrl, webUrl);
        // The services' access logs, for this run only (they hold the run's tokens, all revoked or expired soon).
        accessLogs = root.resolve("web/target/e2e-logs/oidc-access");
        Files.createDirectories(accessLogs);
        try (Stream<Path> old = Files.list(accessLogs)) {
            for (Path file : old.toList()) {
                Files.delete(file);
            }
        }
    }

    @Override
    protected Map<String, String> environmentOf(String service) {
        return Map.of("QUALITY_LEDGER_SECURITY_MODE", "OIDC",
                "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUERURI", issuerUrl,
                "SERVER_TOMCAT_ACCESSLOG_ENABLED", "true",
                "SERVER_TOMCAT_ACCESSLOG_DIRECTORY", accessLogs.toString(),
                "SERVER_TOMCAT_ACCESSLOG_PREFIX", service,
                "SERVER_TOMCAT_ACCESSLOG_BUFFERED", "false",
                "SERVER_TOMCAT_ACCESSLOG_PATTERN", "%m %U %s %{Authorization}i");
    }

    @Override
    protected List<String> webArguments() {
        return List.of("--quality-ledger.security.mode=OIDC", "--quality-ledger.security.oidc.issuer-uri=" + issuerUrl,
                "--quality-ledger.security.oidc.client-id=" + TestIssuer.CLIENT_ID,
                "--quality-ledger.security.oidc.client-secret=" + TestIssuer.CLIENT_SECRET);
    }

    @AfterAll
    void stopIssuer() {
        if (issuer != null) {
            issuer.close();
        }
    }

    @Test
    void aDepartmentUserSignsInAtTheIssuerAndTheWebCallsTheServicesWithTheSessionToken() throws Exception {
        step("oidc-sign-in-page", () -> {
            browser.get(webUrl + "/");
            wait.until(ExpectedConditions.urlToBe(webUrl + "/login"));
            assertThat(text(By.id("sign-in-oidc"))).isEqualTo("Đăng nhập bằng tài khoản của Sở");
            assertThat(browser.findElements(By.id("password"))).isEmpty();
            screenshot("oidc-sign-in-page");
        });

        step("oidc-wrong-password", () -> {
            browser.findElement(By.id("sign-in-oidc")).click();
            signInAtTheIssuer("sai-mat-khau");
            wait.until(ExpectedConditions.urlToBe(issuerUrl + "/login?error"));
            browser.get(webUrl + "/");
            wait.until(ExpectedConditions.urlToBe(webUrl + "/login"));
            assertThat(browser.findElements(By.id("signed-in-user"))).isEmpty();
            assertThat(calls("command-service")).noneMatch(call -> call.startsWith("POST /api/sessions "));
        });

        step("oidc-sign-in", () -> {
            browser.findElement(By.id("sign-in-oidc")).click();
            signInAtTheIssuer(TestIssuer.PASSWORD);
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("sign-out")));
            assertThat(browser.getCurrentUrl()).startsWith(webUrl + "/organisations/SLDTBXH-HD/years/");
            assertThat(text(By.id("signed-in-user"))).contains(TestIssuer.NAME, "Thư ký ISO", "TK-ISO");
            screenshot("oidc-signed-in");
        });

        String token = step("the-session-token-calls", () -> {
            // The access token (a JWT) went once, to start the session; every read of the pages carried the session's token.
            List<String> commands = calls("command-service");
            assertThat(commands).filteredOn(call -> call.contains("Bearer ey")).hasSize(1)
                    .allMatch(call -> call.startsWith("POST /api/sessions 201 "));
            List<String> reads = calls("query-service");
            assertThat(reads).isNotEmpty().allMatch(call -> SESSION_TOKEN.matcher(call).find());
            List<String> tokens = Stream.concat(reads.stream(), commands.stream().filter(call -> !call.contains("Bearer ey")))
                    .map(SESSION_TOKEN::matcher).filter(Matcher::find).map(found -> found.group(1)).distinct().toList();
            assertThat(tokens).hasSize(1);
            HttpResponse<String> current = current(tokens.get(0));
            assertThat(current.statusCode()).isEqualTo(200);
            JsonNode actor = JSON.readTree(current.body());
            assertThat(actor.get("actorId").asText()).isEqualTo(TestIssuer.USERNAME);
            assertThat(actor.get("actorName").asText()).isEqualTo(TestIssuer.NAME);
            return tokens.get(0);
        });

        step("oidc-sign-out", () -> {
            browser.findElement(By.id("sign-out")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("login-signed-out")));
            assertThat(browser.getCurrentUrl()).isEqualTo(webUrl + "/login?signedOut");
            assertThat(current(token).statusCode()).isEqualTo(401);
            // The issuer's session ended too (RP-initiated logout): signing in again asks for the password.
            browser.findElement(By.id("sign-in-oidc")).click();
            wait.until(ExpectedConditions.urlToBe(issuerUrl + "/login"));
            assertThat(browser.findElements(By.id("password"))).hasSize(1);
        });
    }

    private void signInAtTheIssuer(String password) {
        wait.until(ExpectedConditions.urlToBe(issuerUrl + "/login"));
        type("username", TestIssuer.USERNAME);
        type("password", password);
        browser.findElement(By.cssSelector("button[type='submit']")).click();
    }

    /** {@code GET /api/sessions/current} on command-service with a session token. */
    private HttpResponse<String> current(String token) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(commandUrl + "/api/sessions/current"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A service's calls that carried an Authorization header, as its access log wrote them ("method path status header"). */
    private List<String> calls(String service) throws IOException {
        try (Stream<Path> files = Files.list(accessLogs)) {
            List<Path> logs = files.filter(file -> file.getFileName().toString().startsWith(service)).toList();
            assertThat(logs).as("the access log of " + service).hasSize(1);
            return Files.readAllLines(logs.get(0)).stream().filter(line -> line.contains(" Bearer ")).toList();
        }
    }
}
