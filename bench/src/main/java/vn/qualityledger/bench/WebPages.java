package vn.qualityledger.bench;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Figure 7: the web application's pages on the benchmark's data set, as a browser asks for them — signed in through
 * the login form (one session, its cookie), one page at a time, random organisations and objectives, the HTML read to
 * its end. Baseline: the query-service reads behind each page (the same requests the page's controller sends, listed
 * here), called one after the other by the harness over HTTP, so that the ratio is what the web application adds:
 * its HTTP hop to each service, the session, the template.
 */
final class WebPages {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    private final HttpClient browser = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    private WebPages(int webPort) {
        this.base = "http://127.0.0.1:" + webPort;
    }

    private interface Call {
        void run(String organisation, String objective) throws Exception;
    }

    /** A page, the text that proves it rendered what it should, and the reads behind it. */
    private record Page(String name, Call page, Call reads) {
    }

    static Map<String, Object> run(int webPort, HttpJson query, List<String> objectives, int requests) throws Exception {
        WebPages web = new WebPages(webPort);
        web.signIn(BenchUsers.READER, BenchUsers.PASSWORD);
        String asOf = Dataset.AS_OF.toString();
        List<Page> pages = List.of(
                new Page("organisation-year dashboard page",
                        (org, objective) -> web.open("/organisations/" + org + "/years/2023?asOf=" + asOf, objective.substring(org.length() + 1)),
                        (org, objective) -> {
                            String year = "/api/organisations/" + org + "/years/2023";
                            query.getOk(year + "/summary?asOf=" + asOf);
                            query.getOk(year + "/objectives?asOf=" + asOf + "&size=500");
                            query.getOk(year + "/units?asOf=" + asOf);
                            query.getOk(year + "/trend?asOf=" + asOf);
                        }),
                new Page("objective page with its plan and first page of occurrences",
                        (org, objective) -> web.open("/objectives/" + objective + "?asOf=" + asOf, "MTCL-2023-"),
                        (org, objective) -> {
                            query.getOk("/api/objectives/" + objective + "/dashboard?asOf=" + asOf);
                            query.getOk("/api/objectives/" + objective + "/plan");
                            // the first page of its occurrence table (web's ObjectiveController.OCCURRENCE_PAGE_SIZE)
                            query.getOk("/api/occurrences?objectiveId=" + objective + "&asOf=" + asOf + "&page=0&size=100");
                            query.getOk("/api/objectives/" + objective + "/trend?asOf=" + asOf);
                        }),
                new Page("objective history page (first 100 events)",
                        (org, objective) -> web.open("/objectives/" + objective + "/history", "MTCL-2023-"),
                        (org, objective) -> {
                            query.getOk("/api/objectives/" + objective + "/history?page=0&size=100");
                            query.getOk("/api/objectives/" + objective + "/dashboard");
                            query.getOk("/api/objectives/" + objective + "/integrity");
                        }));
        Map<String, Object> results = new LinkedHashMap<>();
        for (Page page : pages) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("page", measure(page.page(), objectives, requests).summary());
            result.put("apiReads", measure(page.reads(), objectives, requests).summary());
            results.put(page.name(), result);
        }
        return results;
    }

    /** The login form as a browser fills it: its CSRF token, then the POST, then the session cookie is the sign-in. */
    private void signIn(String username, String password) throws IOException, InterruptedException {
        HttpResponse<String> form = send(HttpRequest.newBuilder(URI.create(base + "/login")).GET());
        Matcher token = CSRF.matcher(form.body());
        if (form.statusCode() != 200 || !token.find()) {
            throw new BenchFailure("the web application's login page answered " + form.statusCode() + " without a CSRF token");
        }
        String body = "username=" + encode(username) + "&password=" + encode(password) + "&_csrf=" + encode(token.group(1));
        HttpResponse<String> signedIn = send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)));
        String location = signedIn.headers().firstValue("Location").orElse("");
        if (signedIn.statusCode() != 302 || location.contains("/login")) {
            throw new BenchFailure("signing in to the web application as " + username + " failed: " + signedIn.statusCode() + " → " + location);
        }
    }

    /** A page that must answer 200 with {@code expected} in its HTML (a redirect to the login page is a failure). */
    private void open(String path, String expected) throws IOException, InterruptedException {
        HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(base + path)).GET());
        if (page.statusCode() != 200 || !page.body().contains(expected)) {
            throw new BenchFailure("web page " + path + " answered " + page.statusCode() + (page.statusCode() == 200
                    ? " without \"" + expected + "\"" : " → " + page.headers().firstValue("Location").orElse("")));
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return browser.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** A tenth of the requests (at least 3) warm up unrecorded; then {@code requests} are recorded, one at a time. */
    private static Latency measure(Call call, List<String> objectives, int requests) throws Exception {
        Random random = new Random(7);
        Latency latency = new Latency();
        int warmup = Math.max(3, requests / 10);
        for (int i = 0; i < warmup + requests; i++) {
            String objective = objectives.get(random.nextInt(objectives.size()));
            String organisation = objective.substring(0, objective.indexOf('.'));
            long start = System.nanoTime();
            call.run(organisation, objective);
            if (i >= warmup) {
                latency.recordNanos(System.nanoTime() - start);
            }
        }
        return latency;
    }
}
