package vn.qualityledger.web.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.qualityledger.web.WebApplication;

/**
 * What every browser journey shares: the three applications as a user meets them — command-service and query-service
 * from their runnable jars (built earlier in the reactor) as child processes on a database of the class's own, the web
 * application in this JVM — and Debian's Chromium driven by Selenium; one set for a whole test class, stopped after it.
 * Skipped only where /usr/bin/chromium is not installed (CI installs it). A failing step leaves a screenshot in
 * target/screenshots. The steps' helpers (sign in, type, submit and wait, read the API) are here too.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BrowserJourney {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    protected static final JsonMapper JSON = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final String AUTHORIZATION_SERVER_AUTO_CONFIGURATION =
            "org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet.OAuth2AuthorizationServerAutoConfiguration,"
                    + "org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet.OAuth2AuthorizationServerJwtAutoConfiguration";

    protected final Path root = Path.of(System.getProperty("ql.root", "..")).toAbsolutePath().normalize();
    private final Path screenshots = root.resolve("web/target/screenshots");
    private final Path logs = root.resolve("web/target/e2e-logs");
    private final List<Process> services = new ArrayList<>();
    private final String database;
    private ConfigurableApplicationContext web;
    protected WebDriver browser;
    protected WebDriverWait wait;
    protected String commandUrl;
    protected String queryUrl;
    protected String webUrl;

    /** @param database the database the services use, dropped and created for the class (ql_test_…) */
    protected BrowserJourney(String database) {
        this.database = database;
    }

    @BeforeAll
    void start() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM), "Chromium is not installed at " + CHROMIUM);
        Files.createDirectories(screenshots);
        Files.createDirectories(logs);
        recreateDatabase();
        int commandPort = freePort();
        int queryPort = freePort();
        int webPort = freePort();
        commandUrl = "http://127.0.0.1:" + commandPort;
        queryUrl = "http://127.0.0.1:" + queryPort;
        webUrl = "http://127.0.0.1:" + webPort;
        beforeServices();
        startService("command-service", commandPort, "COMMAND_PORT");
        startService("query-service", queryPort, "QUERY_PORT");

        List<String> arguments = new ArrayList<>(List.of("--server.port=" + webPort, "--server.address=127.0.0.1",
                "--quality-ledger.command-service-url=" + commandUrl, "--quality-ledger.query-service-url=" + queryUrl,
                // The test classpath holds an authorization server (the OIDC journey's issuer); the web has none.
                "--spring.autoconfigure.exclude=" + AUTHORIZATION_SERVER_AUTO_CONFIGURATION));
        arguments.addAll(webArguments());
        web = SpringApplication.run(WebApplication.class, arguments.toArray(String[]::new));
        assertThat(((WebServerApplicationContext) web).getWebServer().getPort()).isEqualTo(webPort);

        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                        "--window-size=1280,1000", "--lang=vi",
                        "--user-data-dir=" + Files.createTempDirectory("ql-chromium-profile"));
        ChromeDriverService driverService = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(driverService, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        wait = new WebDriverWait(browser, Duration.ofSeconds(10));
    }

    /** Started before the services, which may depend on it (an issuer they trust); the URLs are known by then. */
    protected void beforeServices() throws Exception {
    }

    /** Extra arguments of the web application (its sign-in mode, say); none by default. */
    protected List<String> webArguments() {
        return List.of();
    }

    @AfterAll
    void stop() throws InterruptedException {
        if (browser != null) {
            browser.quit();
        }
        if (web != null) {
            web.close();
        }
        for (int i = services.size() - 1; i >= 0; i--) {
            Process service = services.get(i);
            service.destroy();
            if (!service.waitFor(30, TimeUnit.SECONDS)) {
                service.destroyForcibly();
                service.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    /** Each journey starts signed out (the two share one browser and one set of applications). */
    @BeforeEach
    void signedOut() {
        browser.get(webUrl + "/login");
        browser.manage().deleteAllCookies();
        browser.get(webUrl + "/login"); // a form whose CSRF token belongs to no session any more would be refused
    }

    protected void signOutAndIn(String username) {
        browser.findElement(By.id("sign-out")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("login-signed-out")));
        signIn(username, "demo");
    }

    /**
     * Clicks a form's button and waits until the page it leads to has replaced this one. The page is marked before the
     * click and the wait ends when the document in the window no longer carries the mark: asking whether the button is
     * stale (Selenium's stalenessOf) races the navigation, and Chromium then answers "Node with given id does not belong
     * to the document" instead of "stale", which failed a journey in CI. Errors while the next page loads are retried.
     */
    protected void submit(WebElement button) {
        JavascriptExecutor script = (JavascriptExecutor) browser;
        script.executeScript("window.__qlPageBeforeSubmit = true;");
        button.click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).ignoring(WebDriverException.class)
                .until(driver -> script.executeScript("return window.__qlPageBeforeSubmit === undefined"
                        + " && document.readyState !== 'loading';").equals(Boolean.TRUE));
    }

    protected void type(String field, String value) {
        WebElement input = browser.findElement(By.id(field));
        input.clear();
        input.sendKeys(value);
    }

    protected void signIn(String username, String password) {
        WebElement user = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
        user.clear();
        user.sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("sign-in")).click();
        wait.until(ExpectedConditions.not(ExpectedConditions.urlMatches("/login$")));
        if (password.equals("demo")) {
            // Signed in: wait for the page the sign-in leads to, so that the next navigation does not race it.
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("sign-out")));
        }
    }

    protected String text(By locator) {
        return wait.until(ExpectedConditions.presenceOfElementLocated(locator)).getText().trim();
    }

    protected interface Step {
        void run() throws Exception;
    }

    protected interface ValueStep<T> {
        T run() throws Exception;
    }

    protected void step(String name, Step step) throws Exception {
        step(name, () -> {
            step.run();
            return null;
        });
    }

    /** A step of the journey; when it fails, a screenshot of the page as it was (target/screenshots/FAILED-name.png). */
    protected <T> T step(String name, ValueStep<T> step) throws Exception {
        try {
            return step.run();
        } catch (Exception | AssertionError failed) {
            screenshot("FAILED-" + name);
            throw failed;
        }
    }

    protected void screenshot(String name) {
        try {
            byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
            Files.write(screenshots.resolve(name + ".png"), png);
        } catch (Exception notTaken) {
            System.err.println("No screenshot " + name + ": " + notTaken);
        }
    }

    /** Events in the applications' event store (read directly: a preview must leave it unchanged). */
    protected long storedEvents() throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:postgresql://" + env("DB_HOST", "127.0.0.1") + ":"
                + env("DB_PORT", "5432") + "/" + database, env("DB_USER", "postgres"), env("DB_PASSWORD", ""));
             Statement statement = connection.createStatement();
             java.sql.ResultSet count = statement.executeQuery("select count(*) from event_store.domain_event_entry")) {
            count.next();
            return count.getLong(1);
        }
    }

    protected void recreateDatabase() throws Exception {
        String host = env("DB_HOST", "127.0.0.1");
        String port = env("DB_PORT", "5432");
        try (Connection connection = DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/postgres",
                env("DB_USER", "postgres"), env("DB_PASSWORD", ""));
             Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + database);
        }
    }

    protected void startService(String name, int port, String portVariable) throws Exception {
        Path jar;
        try (var files = Files.list(root.resolve(name + "/target"))) {
            jar = files.filter(file -> file.getFileName().toString().matches(name + "-.*-exec\\.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("Build " + name + " first (its -exec.jar is missing)"));
        }
        Path log = logs.resolve(name + ".log");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:TieredStopAtLevel=1", "-jar", jar.toString(), "--server.port=" + port, "--server.address=127.0.0.1",
                "--spring.datasource.hikari.maximum-pool-size=3", "--spring.datasource.hikari.minimum-idle=1")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
        builder.environment().put("DB_NAME", database);
        builder.environment().put(portVariable, String.valueOf(port));
        builder.environment().putAll(environmentOf(name));
        Process process = builder.start();
        services.add(process);
        long deadline = System.nanoTime() + Duration.ofSeconds(150).toNanos();
        HttpRequest readiness = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(2)).build();
        while (System.nanoTime() < deadline) {
            assertThat(process.isAlive()).as(name + " exited while starting; see " + log).isTrue();
            try {
                if (HTTP.send(readiness, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // keep polling
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException(name + " was not ready in time; see " + log);
    }

    /** Extra environment of a service for a journey (none by default: the services' own defaults). */
    protected java.util.Map<String, String> environmentOf(String service) {
        return java.util.Map.of();
    }

    protected JsonNode post(String user, String path, String body, int expected) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(commandUrl + path))
                .header("Authorization", basic(user)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("POST %s: %s", path, response.body()).isEqualTo(expected);
        return JSON.readTree(response.body());
    }

    protected JsonNode read(String user, String path) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(queryUrl + path))
                    .header("Authorization", basic(user)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(200);
            return JSON.readTree(response.body());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    protected static <T> T eventually(Supplier<T> probe) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            T value = probe.get();
            if (value != null) {
                return value;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the read model did not catch up within 30 s");
    }

    protected static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
    }

    protected static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    protected static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
