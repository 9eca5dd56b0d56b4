package vn.qualityledger.web.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.math.BigDecimal;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
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
 * The three applications as a user meets them: command-service and query-service from their runnable jars (built
 * earlier in the reactor) as child processes on a database of their own, the web application in this JVM, and
 * Debian's Chromium driven by Selenium. One set of applications for the whole class. Skipped only where
 * /usr/bin/chromium is not installed (CI installs it). A failing step leaves a screenshot in target/screenshots.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebJourneyEndToEndTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final String DATABASE = "ql_test_web";
    private static final String ORGANISATION = "SLDTBXH-HD";
    private static final String AS_OF = "2023-06-30";
    private static final JsonMapper JSON = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Path root = Path.of(System.getProperty("ql.root", "..")).toAbsolutePath().normalize();
    private final Path screenshots = root.resolve("web/target/screenshots");
    private final Path logs = root.resolve("web/target/e2e-logs");
    private final List<Process> services = new ArrayList<>();
    private ConfigurableApplicationContext web;
    private WebDriver browser;
    private WebDriverWait wait;
    private String commandUrl;
    private String queryUrl;
    private String webUrl;

    @BeforeAll
    void start() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM), "Chromium is not installed at " + CHROMIUM);
        Files.createDirectories(screenshots);
        Files.createDirectories(logs);
        recreateDatabase();
        int commandPort = freePort();
        int queryPort = freePort();
        commandUrl = "http://127.0.0.1:" + commandPort;
        queryUrl = "http://127.0.0.1:" + queryPort;
        startService("command-service", commandPort, "COMMAND_PORT");
        startService("query-service", queryPort, "QUERY_PORT");

        web = SpringApplication.run(WebApplication.class, "--server.port=0", "--server.address=127.0.0.1",
                "--quality-ledger.command-service-url=" + commandUrl, "--quality-ledger.query-service-url=" + queryUrl);
        webUrl = "http://127.0.0.1:" + ((WebServerApplicationContext) web).getWebServer().getPort();

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

    @Test
    void theSecretaryAndAStaffMemberFindTheirWork() throws Exception {
        // Setup through the API, as the secretary: the 2023 plan, and measure I.6 of objective 01 given to unit VP.
        post("thuky", "/api/plans", Files.readString(root.resolve("data/mtcl-2023.json")), 201);
        post("thuky", "/api/objectives/SLDTBXH-HD.MTCL-2023-01/assignments", "{\"measureId\": \"I.6\", \"unit\": \"VP\"}", 202);
        JsonNode units = eventually(() -> {
            JsonNode report = read("thuky", "/api/organisations/SLDTBXH-HD/years/2023/units");
            return report.get("units").size() > 0 ? report : null;
        });
        assertThat(units.get("units").get(0).get("unit").asText()).isEqualTo("VP");
        JsonNode summary = eventually(() -> {
            JsonNode figures = read("thuky", "/api/organisations/SLDTBXH-HD/years/2023/summary?asOf=" + AS_OF);
            return figures.get("objectiveCount").asInt() == 10 ? figures : null;
        });
        JsonNode objectives = read("thuky", "/api/organisations/SLDTBXH-HD/years/2023/objectives?size=100&asOf=" + AS_OF).get("content");

        step("sign-in-wrong-password", () -> {
            browser.get(webUrl + "/");
            wait.until(ExpectedConditions.urlContains("/login"));
            signIn("thuky", "sai-mat-khau");
            assertThat(text(By.id("login-error"))).isEqualTo("Tên đăng nhập hoặc mật khẩu không đúng");
            assertThat(browser.findElement(By.id("username")).getAttribute("value")).isEqualTo("thuky");
            assertThat(browser.findElement(By.id("password")).getAttribute("value")).isEmpty();
            screenshot("sign-in-wrong-password");
        });

        step("sign-in-and-dashboard", () -> {
            signIn("thuky", "demo");
            // Only 2023 has objectives, so the dashboard opens on 2023, not on this year.
            wait.until(ExpectedConditions.urlContains("/organisations/" + ORGANISATION + "/years/2023"));
            WebElement year = browser.findElement(By.id("year"));
            year.clear();
            year.sendKeys("2023");
            browser.findElement(By.id("show")).click();
            wait.until(ExpectedConditions.urlContains("/years/2023"));
            browser.get(webUrl + "/organisations/" + ORGANISATION + "/years/2023?asOf=" + AS_OF);
            assertThat(text(By.id("as-of-note"))).isEqualTo("Số liệu tính đến ngày 30/06/2023.");
            assertThat(text(By.id("summary-completion"))).isEqualTo(percent(summary.get("completionRate")));
            assertThat(text(By.id("summary-on-time"))).isEqualTo(percent(summary.get("onTimeRate")));
            assertThat(text(By.id("summary-due"))).isEqualTo(summary.get("occurrences").get("due").asText());
            assertThat(text(By.id("summary-overdue"))).isEqualTo(summary.get("occurrences").get("overdue").asText());
            List<WebElement> rows = browser.findElements(By.cssSelector("#objectives tbody tr"));
            assertThat(rows).hasSize(objectives.size());
            for (JsonNode objective : objectives) {
                WebElement row = browser.findElement(By.cssSelector("#objectives tr[data-objective='" + objective.get("objectiveId").asText() + "']"));
                assertThat(row.findElement(By.cssSelector("td.completion")).getText()).isEqualTo(percent(objective.get("completionRate")));
                assertThat(row.findElement(By.cssSelector("td.overdue")).getText()).isEqualTo(objective.get("occurrences").get("overdue").asText());
            }
            assertThat(browser.findElements(By.id("nav-organisations"))).isEmpty();
            browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 2000));
            screenshot("dashboard");
            browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1000));
        });

        step("objective-plan", () -> {
            browser.findElement(By.linkText("MTCL-2023-01")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("plan")));
            String plan = text(By.id("plan"));
            assertThat(plan).contains("Chủ trì", "Phối hợp", "Thời gian thực hiện", "Xây dựng MTCL, Kế hoạch thực hiện MTCL năm 2023",
                    "Báo cáo kết quả thực hiện MTCL 6 tháng, 12 tháng");
            JsonNode state = read("thuky", "/api/objectives/SLDTBXH-HD.MTCL-2023-01/state?at=" + java.time.Instant.now());
            assertThat(browser.findElements(By.cssSelector("#plan tbody tr"))).hasSize(state.get("measures").size());
            JsonNode dashboard = read("thuky", "/api/objectives/SLDTBXH-HD.MTCL-2023-01/dashboard?asOf=" + AS_OF);
            assertThat(text(By.id("objective-completion"))).isEqualTo(percent(dashboard.get("completionRate")));
            assertThat(text(By.id("objective-due"))).isEqualTo(dashboard.get("occurrences").get("due").asText());
            browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 3200));
            screenshot("objective");
            browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1000));
        });

        step("sign-out", () -> {
            browser.findElement(By.id("sign-out")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("login-signed-out")));
            assertThat(browser.findElements(By.id("login-form"))).hasSize(1);
            browser.get(webUrl + "/work");
            wait.until(ExpectedConditions.urlContains("/login"));
        });

        step("unit-work", () -> {
            signIn("nhanvienvp", "demo");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("nav-work"))).click();
            wait.until(ExpectedConditions.urlContains("/work"));
            assertThat(text(By.tagName("h1"))).isEqualTo("Việc của đơn vị VP");
            assertThat(browser.findElements(By.cssSelector("#work-items tr[data-occurrence='I.6@2023-05-14']"))).hasSize(1);
            assertThat(text(By.id("work-items"))).contains("14/05/2023", "Quá hạn", "Báo cáo kết quả thực hiện MTCL 6 tháng, 12 tháng");
            screenshot("unit-work");
            browser.manage().window().setSize(new org.openqa.selenium.Dimension(400, 900));
            screenshot("unit-work-phone");
            browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1000));
            browser.findElement(By.id("lang-switch")).click();
            wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Work of unit VP"));
            browser.findElement(By.id("lang-switch")).click();
            wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Việc của đơn vị VP"));
        });

        step("province-auditor", () -> {
            browser.findElement(By.id("sign-out")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("login-signed-out")));
            signIn("tinh", "demo");
            wait.until(ExpectedConditions.urlContains("/organisations"));
            assertThat(browser.findElements(By.id("nav-work"))).isEmpty();
            // The organisations with objectives are offered as links; the code form stays for any other.
            assertThat(browser.findElements(By.cssSelector("#organisation-list a[href$='/organisations/" + ORGANISATION + "/years/2023']"))).hasSize(1);
            browser.findElement(By.id("code")).sendKeys(ORGANISATION);
            WebElement year = browser.findElement(By.id("year"));
            year.clear();
            year.sendKeys("2023");
            screenshot("province-auditor");
            browser.findElement(By.cssSelector("#organisation-form button")).click();
            wait.until(ExpectedConditions.urlContains("/organisations/" + ORGANISATION + "/years/2023"));
            assertThat(browser.findElements(By.cssSelector("#objectives tbody tr"))).hasSize(objectives.size());
        });
    }

    private void signIn(String username, String password) {
        WebElement user = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
        user.clear();
        user.sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("sign-in")).click();
        wait.until(ExpectedConditions.not(ExpectedConditions.urlMatches("/login$")));
    }

    private String text(By locator) {
        return wait.until(ExpectedConditions.presenceOfElementLocated(locator)).getText().trim();
    }

    /** The API's percentage as the page must show it in Vietnamese: decimal comma, no trailing zeros, " %". */
    private static String percent(JsonNode rate) {
        if (rate == null || rate.isNull()) {
            return "—";
        }
        BigDecimal value = rate.decimalValue().stripTrailingZeros();
        return (value.signum() == 0 ? "0" : value.toPlainString()).replace('.', ',') + " %";
    }

    private interface Step {
        void run() throws Exception;
    }

    private void step(String name, Step step) throws Exception {
        try {
            step.run();
        } catch (Exception | AssertionError failed) {
            screenshot("FAILED-" + name);
            throw failed;
        }
    }

    private void screenshot(String name) {
        try {
            byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
            Files.write(screenshots.resolve(name + ".png"), png);
        } catch (Exception notTaken) {
            System.err.println("No screenshot " + name + ": " + notTaken);
        }
    }

    private void recreateDatabase() throws Exception {
        String host = env("DB_HOST", "127.0.0.1");
        String port = env("DB_PORT", "5432");
        try (Connection connection = DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/postgres",
                env("DB_USER", "postgres"), env("DB_PASSWORD", ""));
             Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + DATABASE);
        }
    }

    private void startService(String name, int port, String portVariable) throws Exception {
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
        builder.environment().put("DB_NAME", DATABASE);
        builder.environment().put(portVariable, String.valueOf(port));
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

    private JsonNode post(String user, String path, String body, int expected) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(commandUrl + path))
                .header("Authorization", basic(user)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("POST %s: %s", path, response.body()).isEqualTo(expected);
        return JSON.readTree(response.body());
    }

    private JsonNode read(String user, String path) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(queryUrl + path))
                    .header("Authorization", basic(user)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(200);
            return JSON.readTree(response.body());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T eventually(Supplier<T> probe) throws InterruptedException {
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

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
