package vn.qualityledger.endtoend;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.AfterFailureMode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Generated hostile requests over every command endpoint (command-service's {@code web/*Controller} and the plan import)
 * and every read endpoint (query-service's controllers), against both services in one JVM on a fresh database
 * (ql_test_fuzz) with a small story in it (the 2023 plan, an evidence filing, an audit with a held unit audit, a
 * nonconformity with an action), so that each endpoint's valid request reaches the domain and a mutation of it is what
 * decides the answer (issue 16, item 7).
 *
 * <p>Each request is a valid request of one endpoint with one mutation: malformed JSON, another top-level type, a value
 * of the wrong type, a duplicate key, a null in an array, a huge or non-finite or negative number, a date out of any
 * range or not an ISO string, text with control characters or a lone surrogate, whitespace-only text (no-break spaces
 * too), very long text and ids, overlong and other invalid UTF-8 bytes in the body, a hostile id in the path, a wrong
 * content type; reads get hostile query parameters and path ids. For every answer:
 * <ul>
 *   <li>never a 5xx;</li>
 *   <li>every 4xx is {@code application/problem+json} with a {@code code}, and names no Java class or internals;</li>
 *   <li>a refused request stores nothing (the event store's row count is unchanged);</li>
 *   <li>a command whose mutation the domain cannot mean (all but very long free text and whitespace-only optional text)
 *       is refused: a 2xx for it is a failure too.</li>
 * </ul>
 * Tries are bounded (the whole class runs in about two minutes) and seeded: a failure names its seed and sample, and runs
 * again the same way. {@code -Dfuzz.survey=true} collects every violation instead of stopping at the first, and prints
 * them grouped at the end (for triage; the properties then pass).
 */
class HostileInputFuzzTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final boolean SURVEY = Boolean.getBoolean("fuzz.survey");
    private static final String ORG = "SLDTBXH-HD";
    private static final String OBJECTIVE = "SLDTBXH-HD.MTCL-2023-01";
    private static final String OBJECTIVE_2 = "SLDTBXH-HD.MTCL-2023-02";
    private static final String FUZZ_OBJECTIVE = "SLDTBXH-HD.FUZZ-01";
    private static final String AUDIT = "SLDTBXH-HD.DGNB-FUZZ";
    private static final String AUDIT_2 = "SLDTBXH-HD.DGNB-FUZZ-2";
    private static final String NC = "NC-FUZZ-1";
    private static final String NC_2 = "NC-FUZZ-2";
    private static final String REVIEW = "SLDTBXH-HD.XXLD-FUZZ";
    private static final String REVIEW_2 = "SLDTBXH-HD.XXLD-FUZZ-2";
    /** Internal names an error body must not show. */
    private static final Pattern INTERNALS = Pattern.compile(
            "java\\.|javax\\.|jakarta\\.|vn\\.qualityledger\\.|tools\\.jackson|com\\.fasterxml|org\\.springframework|org\\.axonframework"
                    + "|org\\.hibernate|org\\.postgresql|JsonToken|Exception|at [a-z]+\\.[a-z]+\\.");
    /** Text fields that every request requires (@NotBlank): whitespace-only text there means nothing. */
    private static final List<String> REQUIRED_TEXT = List.of("organisationId", "code", "statement", "indicator", "number",
            "issuer", "title", "source", "ownerUnit", "description", "evidenceSeen", "criteria", "summary", "correction",
            "rootCause", "question", "observed", "userId", "name");
    /** Required values that are not text fields of {@link #REQUIRED_TEXT}: a top-level reason, the enums. */
    private static final List<String> REQUIRED_PATHS = List.of("/reason", "/kind", "/severity", "/target/comparator",
            "/notes[0]/conformity");
    /**
     * Fields named like required text that are optional where they stand: a plan document's organisation and unit names
     * (the plan is known by codes). Whitespace or null there is "no name", not a request to refuse.
     */
    private static final List<String> OPTIONAL_PATHS = List.of("/organisation/name", "/units[0]/name");

    private static BothServices services;
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final Map<String, List<String>> SURVEYED = Collections.synchronizedMap(new LinkedHashMap<>());

    /** One valid command: who sends it where, with which body. */
    record Command(String user, String path, String body) {
    }

    /** A read endpoint: who reads it, its path, and the query parameters it takes with a valid value each. */
    record Read(String user, String path, Map<String, String> parameters) {
    }

    /** One generated request and what it must get. */
    record Hostile(String mutation, String method, String path, String user, String contentType, byte[] body, boolean mustRefuse) {
        @Override
        public String toString() {
            String shown = body == null ? "" : " " + printable(body);
            return mutation + ": " + method + " " + abbreviate(path, 300) + " as " + user + (contentType == null
                    ? "" : " (" + contentType + ")") + shown + (mustRefuse ? " [must be refused]" : "");
        }
    }

    // ---- the services and the story -----------------------------------------------------------------------------------

    @BeforeContainer
    static void startBothServicesWithAStory() throws Exception {
        services = new BothServices("ql_test_fuzz", "--db-scheduler.polling-interval=200ms");
        services.on("2023-02-07");
        services.post("thuky", "/api/plans", java.nio.file.Files.readString(java.nio.file.Path.of("..", "data", "mtcl-2023.json")), 201);
        services.on("2023-05-12");
        services.post("thuky", "/api/objectives/" + OBJECTIVE + "/assignments", """
                {"measureId": "I.6", "unit": "VP"}""", 202);
        services.post("nhanvienvp", "/api/objectives/" + OBJECTIVE + "/evidence", """
                {"evidenceId": "ev-1", "occurrenceId": "I.6@2023-05-14", "document": %s}""".formatted(document()), 201);
        services.post("thuky", "/api/objectives", """
                {"objectiveId": "%s", "organisationId": "%s", "year": 2023, "code": "FUZZ-01", "statement": "Mục tiêu thử nghiệm",
                 "target": {"indicator": "Tỷ lệ hồ sơ đúng hạn", "comparator": ">=", "value": 95, "unit": "%%"}}""".formatted(FUZZ_OBJECTIVE, ORG), 201);
        services.post("thuky", "/api/objectives/" + FUZZ_OBJECTIVE + "/measures", """
                {"measureId": "FZ.1", "details": %s}""".formatted(measureDetails("FZ.1", "{\"adhoc\": \"theo yêu cầu\"}")), 201);
        services.on("2023-09-15");
        services.post("thuky", "/api/audits", auditPlan(AUDIT), 201);
        services.post("thuky", "/api/audits", auditPlan(AUDIT_2), 201);
        services.post("thuky", "/api/audits/" + AUDIT + "/team", team(), 202);
        services.post("danhgia", "/api/audits/" + AUDIT + "/unit-audits", """
                {"unit": "VP", "date": "2023-10-03", "auditors": ["danhgia", "danhgiakhtc"]}""", 202);
        services.post("danhgia", "/api/audits/" + AUDIT + "/unit-audits", """
                {"unit": "P-KHTC", "date": "2023-10-04", "auditors": ["danhgia"]}""", 202);
        services.on("2023-10-03");
        services.post("danhgiakhtc", "/api/audits/" + AUDIT + "/unit-audits/held", """
                {"unit": "VP", "notes": [{"clause": "7.5.3", "question": "Văn bản đến được vào sổ?", "observed": "Đủ", "conformity": "CONFORMING"}]}""", 202);
        services.on("2023-10-05");
        services.post("thuky", "/api/nonconformities", raise(NC), 201);
        services.post("thuky", "/api/nonconformities", raise(NC_2), 201);
        services.post("truongvp", "/api/nonconformities/" + NC + "/correction", """
                {"correction": "Vào sổ bổ sung"}""", 202);
        services.post("truongvp", "/api/nonconformities/" + NC + "/root-cause", """
                {"rootCause": "Chưa phân công kiểm tra", "method": "5 Whys"}""", 202);
        services.post("truongvp", "/api/nonconformities/" + NC + "/actions", """
                {"actionId": "A1", "ownerUnit": "VP", "description": "Phân công kiểm tra hằng tuần", "dueDate": "2023-10-31"}""", 201);
        services.post("thuky", "/api/reviews", reviewPlan(REVIEW), 201);
        services.post("thuky", "/api/reviews", reviewPlan(REVIEW_2), 201);
        services.post("qmr", "/api/reviews/" + REVIEW + "/holding", reviewHeld(), 202);
        services.post("qmr", "/api/reviews/" + REVIEW + "/decisions", """
                {"decisionId": "D1", "kind": "IMPROVEMENT", "description": "Số hóa hồ sơ lưu trữ", "ownerUnit": "VP", "dueDate": "2023-12-31"}""", 201);
        // A1's and D1's deadlines are long past in real time: wait for their overdue events, so that nothing is recorded during the run.
        awaitQuiet(Duration.ofSeconds(20), "CorrectiveActionOverdue");
        awaitQuiet(Duration.ofSeconds(20), "ReviewDecisionOverdue");
        services.awaitReadSideCaughtUp();
    }

    @AfterContainer
    static void stopTheServices() {
        if (services != null) {
            services.close();
        }
        if (SURVEY) {
            StringBuilder report = new StringBuilder("\n==== HostileInputFuzzTest survey: " + SURVEYED.size() + " kinds of violation ====\n");
            SURVEYED.forEach((kind, samples) -> {
                report.append("\n## ").append(kind).append(" (").append(samples.size()).append(")\n");
                samples.stream().limit(3).forEach(s -> report.append("  - ").append(s).append('\n'));
            });
            System.out.println(report);
        }
    }

    // ---- the properties -----------------------------------------------------------------------------------------------

    @Property(tries = 300, seed = "16007", shrinking = ShrinkingMode.OFF, afterFailure = AfterFailureMode.SAMPLE_FIRST)
    void hostileCommandBodiesAreRefusedCleanly(@ForAll("hostileCommands") Hostile request) {
        check(request);
    }

    @Property(tries = 90, seed = "16008", shrinking = ShrinkingMode.OFF, afterFailure = AfterFailureMode.SAMPLE_FIRST)
    void invalidUtf8AndHostilePathsAreRefusedCleanly(@ForAll("hostileBytesAndPaths") Hostile request) {
        check(request);
    }

    @Property(tries = 200, seed = "16009", shrinking = ShrinkingMode.OFF, afterFailure = AfterFailureMode.SAMPLE_FIRST)
    void hostileReadsNeverFailTheServer(@ForAll("hostileReads") Hostile request) {
        check(request);
    }

    @Provide
    Arbitrary<Hostile> hostileCommands() {
        return Arbitraries.randomValue(HostileInputFuzzTest::hostileCommand);
    }

    @Provide
    Arbitrary<Hostile> hostileBytesAndPaths() {
        return Arbitraries.randomValue(random -> random.nextInt(3) == 0 ? hostilePath(random) : invalidUtf8(random));
    }

    @Provide
    Arbitrary<Hostile> hostileReads() {
        return Arbitraries.randomValue(HostileInputFuzzTest::hostileRead);
    }

    // ---- the check ----------------------------------------------------------------------------------------------------

    private static void check(Hostile request) {
        long before = events();
        Answer answer = send(request);
        List<String> violations = new ArrayList<>();
        if (answer.status() >= 500) {
            violations.add("5xx");
        }
        if (answer.status() >= 400 && answer.status() < 500) {
            if (answer.contentType() == null || !answer.contentType().startsWith("application/problem+json")) {
                violations.add("4xx not application/problem+json");
            } else if (!hasCode(answer.body())) {
                violations.add("4xx problem without a code");
            }
        }
        if (answer.status() >= 400) {
            Matcher internal = INTERNALS.matcher(answer.body());
            if (internal.find()) {
                violations.add("error names internals (" + internal.group() + ")");
            }
        }
        if (request.mustRefuse() && answer.status() < 400) {
            violations.add("hostile request accepted (" + answer.status() + ")");
        }
        if (answer.status() / 100 == 2 && (request.path().endsWith("/findings") || request.path().endsWith("/closure"))) {
            awaitQuiet(Duration.ofSeconds(3), null); // what an accepted command raises (a nonconformity) lands now, not later
        }
        long after = events();
        if (answer.status() >= 400 && after != before) {
            violations.add("refused but stored " + (after - before) + " events");
        }
        if (violations.isEmpty()) {
            return;
        }
        String message = request + "\n  → " + answer;
        if (SURVEY) {
            for (String violation : violations) {
                String kind = violation.replaceAll("\\(.*\\)", "").trim() + " — " + (isCommand(request) ? "command-service" : "query-service")
                        + ", " + category(request.mutation());
                SURVEYED.computeIfAbsent(kind, k -> Collections.synchronizedList(new ArrayList<>())).add(message.replace('\n', ' '));
            }
            return;
        }
        throw new AssertionError(String.join("; ", violations) + "\n  " + message);
    }

    /** The kind of a mutation without its value or place, to group a survey. */
    private static String category(String mutation) {
        for (String prefix : List.of("malformed JSON", "truncated JSON", "top-level", "content type", "duplicate key", "null in array",
                "scalar for array", "wrong element type", "wrong type for object", "bad number", "bad boolean", "bad date", "non-string",
                "control character", "lone surrogate", "whitespace-only text", "overlong id", "100,001-character text", "null at",
                "invalid UTF-8", "hostile path id", "hostile path segment", "hostile parameters")) {
            if (mutation.startsWith(prefix)) {
                return prefix;
            }
        }
        return mutation;
    }

    record Answer(int status, String contentType, String body) {
        @Override
        public String toString() {
            return status + " " + contentType + " " + abbreviate(body, 600);
        }
    }

    private static Answer send(Hostile request) {
        try {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + (request.path().startsWith("/api/")
                            && isCommand(request) ? services.commandPort() : services.queryPort()) + request.path()))
                    .timeout(Duration.ofSeconds(30)).header("Authorization", basic(request.user()));
            if (request.contentType() != null) {
                builder.header("Content-Type", request.contentType());
            }
            if (request.method().equals("POST")) {
                builder.POST(HttpRequest.BodyPublishers.ofByteArray(request.body() == null ? new byte[0] : request.body()));
            } else {
                builder.GET();
            }
            HttpResponse<byte[]> response = HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
                    new String(response.body(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("no answer to " + request, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean isCommand(Hostile request) {
        return request.method().equals("POST") && !request.path().startsWith("/api/admin");
    }

    private static boolean hasCode(String body) {
        try {
            JsonNode code = JSON.readTree(body).get("code");
            return code != null && code.isString() && !code.asString().isBlank();
        } catch (RuntimeException notJson) {
            return false;
        }
    }

    /** Events in the store, but those the service records by itself on real time (overdue corrective actions and review decisions). */
    private static long events() {
        return services.database().queryForObject("select count(*) from event_store.domain_event_entry"
                + " where payload_type not like '%CorrectiveActionOverdueEvent' and payload_type not like '%ReviewDecisionOverdueEvent'", Long.class);
    }

    /** Waits until the event count has not moved for a second (at most {@code bound}), or until an event of a type exists. */
    private static void awaitQuiet(Duration bound, String typeSuffix) {
        long deadline = System.nanoTime() + bound.toNanos();
        long last = -1;
        long stableSince = System.nanoTime();
        try {
            while (System.nanoTime() < deadline) {
                if (typeSuffix != null) {
                    Long found = services.database().queryForObject(
                            "select count(*) from event_store.domain_event_entry where payload_type like ?", Long.class, "%" + typeSuffix + "Event");
                    if (found != null && found > 0) {
                        return;
                    }
                } else {
                    long now = events();
                    if (now != last) {
                        last = now;
                        stableSince = System.nanoTime();
                    } else if (System.nanoTime() - stableSince > 1_000_000_000L) {
                        return;
                    }
                }
                Thread.sleep(100);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---- what is valid -------------------------------------------------------------------------------------------------

    private static String document() {
        return """
                {"number": "512/BC-SLĐTBXH", "date": "2023-05-12", "issuer": "Văn phòng Sở", "title": "Báo cáo 6 tháng"}""";
    }

    private static String measureDetails(String code, String rule) {
        return """
                {"code": "%s", "title": "Biện pháp thử nghiệm", "leadUnits": ["VP"], "coordinatingUnits": ["P-KHTC"],
                 "monitors": ["QMR"], "expectedEvidence": ["Báo cáo"], "schedule": {"text": "Theo yêu cầu", "rules": [%s]}}""".formatted(code, rule);
    }

    private static String auditPlan(String id) {
        return """
                {"auditId": "%s", "organisationId": "%s", "year": 2023, "title": "Đánh giá nội bộ năm 2023",
                 "scopeUnits": ["VP", "P-KHTC"], "criteria": "TCVN ISO 9001:2015", "clauses": ["6.2", "7.5.3", "9.1.3"],
                 "plannedFrom": "2023-10-02", "plannedTo": "2023-10-13"}""".formatted(id, ORG);
    }

    private static String team() {
        return """
                {"leadAuditor": {"userId": "danhgia", "name": "Đỗ Thị Đào", "unit": "TO-ISO"},
                 "members": [{"userId": "danhgiakhtc", "name": "Vũ Minh Khoa", "unit": "P-KHTC"}],
                 "decision": {"number": "215/QĐ-SLĐTBXH", "date": "2023-09-20"}}""";
    }

    /** A person's title is optional; it is left out, since the mutations take every "title" for required text. */
    private static String reviewPlan(String id) {
        return """
                {"reviewId": "%s", "organisationId": "%s", "title": "Xem xét của lãnh đạo 9 tháng", "trigger": "AFTER_INTERNAL_AUDIT",
                 "auditId": "%s", "periodFrom": "2023-01-01", "periodTo": "2023-09-30", "scheduledOn": "2023-10-05",
                 "chair": {"name": "Nguyễn Văn An"}, "participants": [{"name": "Trần Văn Quang"}]}"""
                .formatted(id, ORG, AUDIT);
    }

    private static String reviewHeld() {
        return """
                {"attendees": [{"name": "Nguyễn Văn An"}], "minutesSummary": "Xem xét kết quả ĐGNB",
                 "conclusion": {"suitable": true, "adequate": true, "effective": true, "statement": "HTQLCL phù hợp"}}""";
    }

    private static String raise(String id) {
        return """
                {"nonconformityId": "%s", "organisationId": "%s", "source": "COMPLAINT", "complaintReference": "PA-01/2023",
                 "severity": "MINOR", "unit": "VP", "clause": "8.7", "description": "Hồ sơ trả chậm cho công dân"}""".formatted(id, ORG);
    }

    /** One valid request per command endpoint (each reaches the domain with the story above). */
    static final List<Command> COMMANDS = List.of(
            new Command("thuky", "/api/plans", """
                    {"organisation": {"code": "SLDTBXH-HD", "name": "Sở Lao động – Thương binh và Xã hội", "timezone": "Asia/Ho_Chi_Minh"},
                     "year": 2023, "decision": {"number": "9/QĐ-SLĐTBXH", "date": "2023-03-01"}, "units": [{"code": "VP", "name": "Văn phòng"}],
                     "objectives": [{"code": "MTCL-FZ-09", "statement": "Mục tiêu nhập thử", "target": {"indicator": "Tỷ lệ", "comparator": ">=", "value": 95, "unit": "%"},
                       "measures": [{"code": "P.1", "title": "Báo cáo quý", "lead": ["VP"], "coordinating": ["P-KHTC"],
                         "schedule": {"text": "Cuối năm", "rules": [{"due": "2023-12-31"}]}, "monitoredBy": ["QMR"], "evidence": ["Báo cáo"], "subMeasures": []}]}]}"""),
            new Command("thuky", "/api/objectives", """
                    {"objectiveId": "SLDTBXH-HD.FUZZ-NEW", "organisationId": "SLDTBXH-HD", "year": 2023, "code": "FUZZ-NEW",
                     "statement": "Mục tiêu mới", "target": {"indicator": "Tỷ lệ", "comparator": ">=", "value": 90, "unit": "%"}}"""),
            new Command("thuky", "/api/objectives/" + FUZZ_OBJECTIVE + "/revisions", """
                    {"statement": "Mục tiêu sửa đổi", "target": {"indicator": "Tỷ lệ", "comparator": ">=", "value": 96, "unit": "%"}}"""),
            new Command("thuky", "/api/objectives/" + FUZZ_OBJECTIVE + "/publication", """
                    {"decision": {"number": "10/QĐ-SLĐTBXH", "date": "2023-03-02"}}"""),
            new Command("qmr", "/api/objectives/" + OBJECTIVE_2 + "/closure", """
                    {"assessment": {"achieved": false, "reason": "Chưa đạt chỉ tiêu"}}"""),
            new Command("thuky", "/api/objectives/" + FUZZ_OBJECTIVE + "/measures", """
                    {"measureId": "FZ.2", "details": %s}""".formatted(measureDetails("FZ.2", "{\"due\": \"2023-12-31\"}"))),
            new Command("thuky", "/api/objectives/" + FUZZ_OBJECTIVE + "/measures/FZ.1/revisions", """
                    {"details": %s}""".formatted(measureDetails("FZ.1", "{\"adhoc\": \"khi có yêu cầu\"}"))),
            new Command("thuky", "/api/objectives/" + OBJECTIVE + "/measures/I.5/cancellation", """
                    {"reason": "Gộp vào biện pháp I.7", "effectiveOn": "2023-10-05"}"""),
            new Command("thuky", "/api/objectives/" + FUZZ_OBJECTIVE + "/measures/FZ.1/occurrences", """
                    {"occurrenceId": "FZ.1@2023-11-30", "dueDate": "2023-11-30", "note": "Theo yêu cầu của Sở"}"""),
            new Command("thuky", "/api/objectives/" + OBJECTIVE + "/assignments", """
                    {"measureId": "I.7", "occurrenceId": "I.7@2023-12-31", "unit": "P-KHTC", "person": "Trần Văn Nam"}"""),
            new Command("nhanvienvp", "/api/objectives/" + OBJECTIVE + "/evidence", """
                    {"evidenceId": "ev-2", "occurrenceId": "I.6@2023-05-14", "document": {"number": "513/BC", "date": "2023-05-12",
                     "issuer": "Văn phòng Sở", "title": "Báo cáo bổ sung", "link": "https://example.org/513.pdf",
                     "sha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"}}"""),
            new Command("qmr", "/api/objectives/" + OBJECTIVE + "/evidence/ev-1/acceptance", """
                    {"effectiveOn": "2023-05-13"}"""),
            new Command("qmr", "/api/objectives/" + OBJECTIVE + "/evidence/ev-1/rejection", """
                    {"reason": "Thiếu chữ ký"}"""),
            new Command("thuky", "/api/objectives/" + OBJECTIVE + "/measurements", """
                    {"measurementId": "q3", "period": {"from": "2023-07-01", "to": "2023-09-30"}, "numerator": 19, "denominator": 20,
                     "source": "Báo cáo quý III"}"""),
            new Command("thuky", "/api/objectives/" + OBJECTIVE + "/measurements", """
                    {"measurementId": "q3-value", "period": {"from": "2023-07-01", "to": "2023-09-30"}, "value": 95.5, "source": "Báo cáo quý III"}"""),
            new Command("thuky", "/api/audits", auditPlan("SLDTBXH-HD.DGNB-FUZZ-NEW")),
            new Command("thuky", "/api/audits/" + AUDIT_2 + "/team", team()),
            new Command("danhgia", "/api/audits/" + AUDIT + "/unit-audits", """
                    {"unit": "TTPV-HCC", "date": "2023-10-06", "auditors": ["danhgiakhtc"]}"""),
            new Command("danhgia", "/api/audits/" + AUDIT + "/unit-audits/held", """
                    {"unit": "P-KHTC", "heldOn": "2023-10-04", "notes": [{"clause": "9.1.3", "question": "Số liệu được phân tích?",
                     "observed": "Có báo cáo quý II", "conformity": "CONFORMING"}]}"""),
            new Command("danhgia", "/api/audits/" + AUDIT + "/findings", """
                    {"findingId": "F-OBS", "unit": "VP", "clause": "7.5.3", "kind": "OBSERVATION", "description": "Sổ công văn ghi tay",
                     "evidenceSeen": "Sổ công văn năm 2023", "relatedObjectiveId": "SLDTBXH-HD.MTCL-2023-01", "relatedMeasureId": "I.6"}"""),
            new Command("danhgia", "/api/audits/" + AUDIT + "/report", """
                    {"report": {"number": "320/BC", "date": "2023-10-05", "issuer": "Đoàn ĐGNB", "title": "Báo cáo ĐGNB"},
                     "summary": "1 đơn vị được đánh giá"}"""),
            new Command("qmr", "/api/audits/" + AUDIT_2 + "/close", "{}"),
            new Command("thuky", "/api/nonconformities", raise("NC-FUZZ-NEW")),
            new Command("truongvp", "/api/nonconformities/" + NC_2 + "/correction", """
                    {"correction": "Trả hồ sơ ngay"}"""),
            new Command("truongvp", "/api/nonconformities/" + NC_2 + "/root-cause", """
                    {"rootCause": "Thiếu người tiếp nhận", "method": "Xương cá"}"""),
            new Command("truongvp", "/api/nonconformities/" + NC + "/actions", """
                    {"actionId": "A2", "ownerUnit": "VP", "description": "Phần mềm quản lý văn bản", "dueDate": "2023-11-30"}"""),
            new Command("nhanvienvp", "/api/nonconformities/" + NC + "/actions/A1/implementation", """
                    {"evidence": {"number": "45/QĐ-VP", "date": "2023-10-24", "issuer": "Văn phòng Sở", "title": "Quyết định phân công"},
                     "note": "Đã phân công"}"""),
            new Command("qmr", "/api/nonconformities/" + NC + "/actions/A1/verification", """
                    {"effective": false, "reason": "Vẫn thiếu văn bản"}"""),
            new Command("qmr", "/api/nonconformities/" + NC + "/close", """
                    {"note": "Đã khắc phục"}"""),
            new Command("qmr", "/api/nonconformities/" + NC + "/reopen", """
                    {"reason": "Tái diễn"}"""),
            new Command("thuky", "/api/reviews", reviewPlan("SLDTBXH-HD.XXLD-FUZZ-NEW")),
            new Command("thuky", "/api/reviews/" + REVIEW_2 + "/notes", """
                    {"contextChanges": "Luật sửa đổi", "resourceAdequacy": "Thiếu 01 công chức", "recordedOn": "2023-10-05"}"""),
            new Command("qmr", "/api/reviews/" + REVIEW_2 + "/holding", reviewHeld()),
            new Command("qmr", "/api/reviews/" + REVIEW + "/decisions", """
                    {"decisionId": "D2", "kind": "RESOURCE_NEED", "description": "Tuyển dụng 01 công chức", "ownerUnit": "P-KHTC",
                     "dueDate": "2023-12-31"}"""),
            new Command("nhanvienvp", "/api/reviews/" + REVIEW + "/decisions/D1/completion", """
                    {"evidence": {"number": "120/BC-VP", "date": "2023-10-05", "issuer": "Văn phòng Sở", "title": "Báo cáo số hóa"},
                     "note": "Đã số hóa"}"""),
            new Command("thuky", "/api/reviews/" + REVIEW + "/minutes", """
                    {"number": "05/BB-SLĐTBXH", "organisationName": "SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI", "parentName": "UBND TỈNH HẢI DƯƠNG",
                     "place": "Hải Dương", "signerAuthority": "", "signerTitle": "GIÁM ĐỐC", "signerName": "Nguyễn Văn An",
                     "recipients": ["- Lưu: VT."], "docxSha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                     "generator": "quality-ledger-minutes 1"}"""),
            new Command("qmr", "/api/reviews/" + REVIEW_2 + "/cancellation", """
                    {"reason": "Lùi lịch"}"""));

    /** Every read endpoint but the SSE tail (a valid request there streams until the client leaves). */
    static final List<Read> READS = List.of(
            read("xem", "/api/objectives/" + OBJECTIVE + "/dashboard", "asOf", "2023-06-30", "knownAt", "2030-01-01T00:00:00Z"),
            read("xem", "/api/organisations/" + ORG + "/years/2023/summary", "asOf", "2023-06-30", "knownAt", "2030-01-01T00:00:00Z"),
            read("xem", "/api/organisations/" + ORG + "/years/2023/objectives", "page", "0", "size", "10", "asOf", "2023-06-30",
                    "knownAt", "2030-01-01T00:00:00Z"),
            read("xem", "/api/organisations/" + ORG + "/years/2023/units", "asOf", "2023-06-30", "knownAt", "2030-01-01T00:00:00Z"),
            read("xem", "/api/organisations/" + ORG + "/years/2023/units/VP", "asOf", "2023-06-30", "knownAt", "2030-01-01T00:00:00Z"),
            read("xem", "/api/occurrences", "organisationId", ORG, "year", "2023", "objectiveId", OBJECTIVE, "unit", "VP",
                    "status", "OVERDUE", "dueFrom", "2023-01-01", "dueTo", "2023-12-31", "page", "0", "size", "10", "asOf", "2023-06-30",
                    "knownAt", "2030-01-01T00:00:00Z"),
            read("xem", "/api/objectives/" + OBJECTIVE + "/history", "page", "0", "size", "10"),
            read("xem", "/api/audits/" + AUDIT + "/history", "page", "0", "size", "10"),
            read("xem", "/api/nonconformities/" + NC + "/history", "page", "0", "size", "10"),
            read("xem", "/api/objectives/" + OBJECTIVE + "/integrity"),
            read("xem", "/api/audits/" + AUDIT + "/integrity"),
            read("xem", "/api/nonconformities/" + NC + "/integrity"),
            read("xem", "/api/objectives/" + OBJECTIVE + "/state", "at", "2030-01-01T00:00:00Z"),
            read("xem", "/api/objectives/" + OBJECTIVE + "/changes", "from", "2000-01-01T00:00:00Z", "to", "2030-01-01T00:00:00Z"),
            read("xem", "/api/audits/" + AUDIT + "/state", "at", "2030-01-01T00:00:00Z"),
            read("xem", "/api/nonconformities/" + NC + "/state", "at", "2030-01-01T00:00:00Z"),
            read("xem", "/api/organisations/" + ORG + "/nonconformities/summary", "year", "2023", "asOf", "2023-12-31",
                    "knownAt", "2030-01-01T00:00:00Z"),
            read("xem", "/api/organisations/" + ORG + "/nonconformities", "year", "2023", "status", "RAISED", "source", "COMPLAINT",
                    "unit", "VP", "clause", "8.7", "severity", "MINOR", "overdue", "false", "asOf", "2023-12-31",
                    "knownAt", "2030-01-01T00:00:00Z", "page", "0", "size", "10"),
            read("xem", "/api/nonconformities/" + NC, "asOf", "2023-12-31", "knownAt", "2030-01-01T00:00:00Z"),
            read("xem", "/api/objectives/" + OBJECTIVE + "/nonconformities", "asOf", "2023-12-31", "knownAt", "2030-01-01T00:00:00Z"),
            read("xem", "/api/organisations/" + ORG + "/audit-programme", "year", "2023", "asOf", "2023-12-31", "knownAt", "2030-01-01T00:00:00Z"),
            read("baocao", "/api/feed", "organisation", ORG, "after", "0", "type", "vn.qualityledger.objective.ObjectiveDefined",
                    "stream", OBJECTIVE, "limit", "10"),
            read("xem", "/api/feed/schemas"),
            read("xem", "/api/feed/schemas/objective/ObjectiveDefined.v1.schema.json"),
            read("xem", "/api/feed/asyncapi.yaml"),
            read("xem", "/api/objectives/" + OBJECTIVE + "/plan"),
            read("xem", "/api/objectives/" + OBJECTIVE + "/trend", "asOf", "2023-06-30", "knownAt", "2030-01-01T00:00:00Z"),
            read("xem", "/api/organisations/" + ORG + "/years/2023/trend", "asOf", "2023-06-30", "knownAt", "2030-01-01T00:00:00Z"),
            read("tinh", "/api/province/years/2023/summary", "asOf", "2023-06-30", "knownAt", "2030-01-01T00:00:00Z"),
            read("xem", "/api/evidence", "organisationId", ORG, "year", "2023", "objectiveId", OBJECTIVE, "status", "SUBMITTED",
                    "asOf", "2023-06-30", "knownAt", "2030-01-01T00:00:00Z", "page", "0", "size", "10"),
            read("nhanvienvp", "/api/reminders", "organisationId", ORG, "unitId", "VP", "page", "0", "size", "10"),
            read("qmr", "/api/reminders/digests", "organisationId", ORG, "page", "0", "size", "10"),
            read("thuky", "/api/organisations/" + ORG + "/years/2023/reports/results", "kind", "SIX_MONTH",
                    "cutOff", "2023-06-30T10:00:00Z", "number", "01/BC-SLĐTBXH", "checkpointTreeSize", "1"),
            read("thuky", "/api/organisations/" + ORG + "/years/2023/reports/issued"),
            read("xem", "/api/organisations"),
            read("xem", "/api/ledger/public-key"),
            read("xem", "/api/ledger/checkpoints", "limit", "10"),
            read("xem", "/api/ledger/checkpoints/feed", "after", "0", "limit", "10"),
            read("xem", "/api/ledger/organisations/" + ORG + "/export", "treeSize", "1", "consistentWith", "1"),
            read("xem", "/api/organisations/" + ORG + "/reviews", "year", "2023", "asOf", "2023-12-31"),
            read("xem", "/api/reviews/" + REVIEW, "asOf", "2023-12-31"),
            read("xem", "/api/organisations/" + ORG + "/review-decisions", "status", "OPEN", "asOf", "2023-12-31"),
            read("xem", "/api/reviews/" + REVIEW + "/inputs"),
            read("thuky", "/api/reviews/" + REVIEW + "/minutes", "number", "05/BB-SLĐTBXH", "checkpointTreeSize", "1"),
            read("admin", "/api/admin/projections/objective-progress"),
            read("admin", "/api/admin/projections/nonconformity-tracking"));

    private static Read read(String user, String path, String... parameters) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < parameters.length; i += 2) {
            map.put(parameters[i], parameters[i + 1]);
        }
        return new Read(user, path, map);
    }

    // ---- hostile values -------------------------------------------------------------------------------------------------

    private static final String LONG_TEXT = "x".repeat(100_001);
    private static final List<String> CONTROL_TEXT = List.of("a\u0000b", "\u0000", "x\u0001y", "bell\u0007", "esc\u001b[31m", "del\u007f",
            "c1\u0085x", "back\bspace");
    private static final List<String> SURROGATES = List.of("\ud800", "x\udc00y", "\udbff", "a\ud800\ud800b");
    private static final List<String> BLANKS = List.of("   ", "\u00a0\u00a0", "\u2003", "\u3000", "\u200b", "\t \u00a0");
    private static final List<String> BAD_DATES = List.of("\"+999999999-12-31\"", "\"-999999999-01-01\"", "\"0001-01-01\"",
            "\"9999-12-31\"", "\"2023-02-30\"", "\"2023-13-01\"", "[2023,1,1]", "19000", "\"19000\"", "\"2023-1-1\"", "\"20230101\"",
            "\"2023-01-01T00:00:00Z\"", "true", "{}", "\"\"");
    private static final List<String> BAD_NUMBERS = List.of("1e309", "-1e309", "1e999999999", "-1e999999999", "-5", "-0.0001",
            "123456789012345678901234567890", "\"95\"", "true", "[95]", "{}", "\"NaN\"", "\"Infinity\"", "\"\"", "\"1e309\"");
    private static final List<String> BAD_BOOLEANS = List.of("\"true\"", "1", "0", "\"yes\"", "[true]", "{}", "\"\"");
    private static final List<String> NOT_STRINGS = List.of("42", "-1", "1.5", "true", "false", "[]", "{}", "[\"VP\"]", "1e309");
    private static final List<String> MALFORMED = List.of("{", "{\"a\":}", "{\"a\" 1}", "{'a': 1}", "{\"a\": NaN}", "[", "}",
            "{\"a\": 1,}", "{\"a\": 01}", "{\"a\": \"\\x\"}", "{\"a\": \"\u0001\"}", "\u0000", "{\"a\": Infinity}");
    private static final List<String> TOP_LEVEL = List.of("[]", "42", "\"text\"", "true", "null", "[{}]", "1e309");
    private static final List<String> BAD_IDS = List.of("%00", "a%00b", "%2F", "..%2F..", "%2e%2e", "x".repeat(200), "x".repeat(5000),
            "%C0%AF", "%E0%80%AF", "%ED%A0%80", "%F4%90%80%80", "%FF", "%20", "%E2%80%AE", "a%0Ab", "%C3%BC", "a;b", "%5C", "%25");
    private static final List<byte[]> BAD_UTF8 = List.of(bytes("C0AF"), bytes("E080AF"), bytes("F4908080"), bytes("EDA080"),
            bytes("FF"), bytes("80"), bytes("C3"), bytes("F8888080AF"), bytes("EDB080"), bytes("C1BF"));

    private static byte[] bytes(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    // ---- the generators -------------------------------------------------------------------------------------------------

    private static Hostile hostileCommand(Random random) {
        Command command = COMMANDS.get(random.nextInt(COMMANDS.size()));
        JsonNode tree = JSON.readTree(command.body());
        int kind = random.nextInt(20);
        if (kind == 0) {
            return post("malformed JSON", command, pick(random, MALFORMED), true);
        }
        if (kind == 1) {
            String truncated = command.body().substring(0, 1 + random.nextInt(Math.max(1, command.body().length() - 2)));
            return post("truncated JSON", command, truncated, true);
        }
        if (kind == 2) {
            return post("top-level " + pick(random, TOP_LEVEL), command, pick(random, TOP_LEVEL), true);
        }
        if (kind == 3) {
            String[] types = {"text/plain", "application/xml", "application/x-www-form-urlencoded", null};
            String type = types[random.nextInt(types.length)];
            return new Hostile("content type " + type, "POST", command.path(), command.user(), type,
                    command.body().getBytes(StandardCharsets.UTF_8), true);
        }
        if (kind == 4 && tree.isObject() && !tree.properties().isEmpty()) {
            List<String> names = new ArrayList<>(((ObjectNode) tree).propertyNames());
            String name = names.get(random.nextInt(names.size()));
            JsonNode value = tree.get(name);
            String other = value.isString() ? JSON.writeValueAsString(value.asString() + "-dup") : value.isNumber() ? "7" : "null";
            String body = "{" + JSON.writeValueAsString(name) + ": " + other + ", " + command.body().trim().substring(1);
            return post("duplicate key " + name, command, body, true);
        }
        List<String> paths = new ArrayList<>();
        leaves(tree, "", paths);
        if (paths.isEmpty()) {
            return post("top-level " + "[]", command, "[]", true);
        }
        String path = paths.get(random.nextInt(paths.size()));
        JsonNode original = at(tree, path);
        String field = path.replaceAll(".*/", "").replaceAll("\\[\\d+]$", "");
        String replacement;
        boolean mustRefuse = true;
        String mutation;
        if (original.isArray()) {
            switch (random.nextInt(3)) {
                case 0 -> {
                    ArrayNode copy = ((ArrayNode) original).deepCopy();
                    copy.insertNull(random.nextInt(copy.size() + 1));
                    replacement = JSON.writeValueAsString(copy);
                    mutation = "null in array " + path;
                }
                case 1 -> {
                    replacement = pick(random, List.of("\"VP\"", "{}", "42", "true"));
                    mutation = "scalar for array " + path;
                }
                default -> {
                    ArrayNode copy = ((ArrayNode) original).deepCopy();
                    copy.add(JSON.readTree(pick(random, NOT_STRINGS)));
                    replacement = JSON.writeValueAsString(copy);
                    mutation = "wrong element type in " + path;
                }
            }
        } else if (original.isObject()) {
            replacement = pick(random, List.of("\"x\"", "[]", "42", "true", "[{}]"));
            mutation = "wrong type for object " + path;
        } else if (original.isNumber()) {
            replacement = pick(random, BAD_NUMBERS);
            mutation = "bad number " + replacement + " at " + path;
        } else if (original.isBoolean()) {
            replacement = pick(random, BAD_BOOLEANS);
            mutation = "bad boolean " + replacement + " at " + path;
        } else if (original.isString() && original.asString().matches("\\d{4}-\\d{2}-\\d{2}")) {
            replacement = pick(random, BAD_DATES);
            mutation = "bad date " + replacement + " at " + path;
        } else {
            switch (random.nextInt(6)) {
                case 0 -> {
                    replacement = pick(random, NOT_STRINGS);
                    mutation = "non-string " + replacement + " at " + path;
                }
                case 1 -> {
                    String control = pick(random, CONTROL_TEXT);
                    replacement = JSON.writeValueAsString(original.asString() + control);
                    mutation = "control character " + printable(control.getBytes(StandardCharsets.UTF_8)) + " at " + path;
                }
                case 2 -> {
                    String surrogate = pick(random, SURROGATES);
                    replacement = "\"" + escapeSurrogates(original.asString() + surrogate) + "\"";
                    mutation = "lone surrogate at " + path;
                }
                case 3 -> {
                    replacement = JSON.writeValueAsString(pick(random, BLANKS));
                    mutation = "whitespace-only text at " + path;
                    mustRefuse = (REQUIRED_TEXT.contains(field) || REQUIRED_PATHS.contains(path)) && !OPTIONAL_PATHS.contains(path);
                }
                case 4 -> {
                    boolean id = field.endsWith("Id") || field.equals("code");
                    replacement = JSON.writeValueAsString(id ? "x".repeat(129 + random.nextInt(2000)) : LONG_TEXT);
                    mutation = (id ? "overlong id" : "100,001-character text") + " at " + path;
                    mustRefuse = id;
                }
                default -> {
                    // an omitted client id gets a new one and optional text may be missing: only required values must be refused
                    replacement = "null";
                    mutation = "null at " + path;
                    mustRefuse = (REQUIRED_TEXT.contains(field) || REQUIRED_PATHS.contains(path)) && !OPTIONAL_PATHS.contains(path);
                }
            }
        }
        return post(mutation, command, replace(tree, path, replacement), mustRefuse);
    }

    private static Hostile invalidUtf8(Random random) {
        Command command = COMMANDS.get(random.nextInt(COMMANDS.size()));
        JsonNode tree = JSON.readTree(command.body());
        List<String> paths = new ArrayList<>();
        leaves(tree, "", paths);
        List<String> strings = paths.stream().filter(p -> at(tree, p).isString()).toList();
        byte[] bad = BAD_UTF8.get(random.nextInt(BAD_UTF8.size()));
        String marker = "\uE000MARK\uE000";
        String body;
        String path;
        if (strings.isEmpty()) {
            body = "{\"note\": \"" + marker + "\"}";
            path = "note";
        } else {
            path = strings.get(random.nextInt(strings.size()));
            body = replace(tree, path, JSON.writeValueAsString(at(tree, path).asString() + marker));
        }
        byte[] utf8 = body.getBytes(StandardCharsets.UTF_8);
        byte[] markerBytes = marker.getBytes(StandardCharsets.UTF_8);
        int at = indexOf(utf8, markerBytes);
        byte[] result = new byte[utf8.length - markerBytes.length + bad.length];
        System.arraycopy(utf8, 0, result, 0, at);
        System.arraycopy(bad, 0, result, at, bad.length);
        System.arraycopy(utf8, at + markerBytes.length, result, at + bad.length, utf8.length - at - markerBytes.length);
        return new Hostile("invalid UTF-8 " + HexFormat.of().withUpperCase().formatHex(bad) + " in " + path, "POST", command.path(),
                command.user(), "application/json", result, true);
    }

    private static Hostile hostilePath(Random random) {
        List<Command> withIds = COMMANDS.stream().filter(c -> c.path().split("/").length > 3).toList();
        Command command = withIds.get(random.nextInt(withIds.size()));
        String[] segments = command.path().split("/");
        List<Integer> ids = new ArrayList<>();
        for (int i = 3; i < segments.length; i += 2) {
            ids.add(i);
        }
        int which = ids.get(random.nextInt(ids.size()));
        String bad = pick(random, BAD_IDS);
        segments[which] = random.nextBoolean() ? bad : segments[which] + bad;
        return new Hostile("hostile path id " + abbreviate(bad, 40), "POST", String.join("/", segments), command.user(),
                "application/json", command.body().getBytes(StandardCharsets.UTF_8), true);
    }

    private static final Map<String, List<String>> BAD_PARAMETERS = Map.ofEntries(
            Map.entry("asOf", List.of("+999999999-12-31", "-999999999-01-01", "9999-12-31", "0001-01-01", "2023-02-30", "garbage", "",
                    "2023-06-30T00:00:00Z", "%00", "19000", "2023-1-1")),
            Map.entry("dueFrom", List.of("+999999999-12-31", "-999999999-01-01", "garbage", "2023-02-30")),
            Map.entry("dueTo", List.of("+999999999-12-31", "-999999999-01-01", "garbage", "%00")),
            Map.entry("knownAt", List.of("garbage", "+999999999-12-31T23:59:59Z", "-1000000000-01-01T00:00:00Z",
                    "+1000000000-01-01T00:00:00Z", "2023-01-01", "1e309", "", "-1", "%00")),
            Map.entry("at", List.of("-1000000000-01-01T00:00:00Z", "+1000000000-01-01T00:00:00Z", "-999999999-01-01T00:00:00Z",
                    "garbage", "0000-01-01T00:00:00Z", "", "2023-01-01", "9999999999999999999")),
            Map.entry("from", List.of("-1000000000-01-01T00:00:00Z", "+1000000000-01-01T00:00:00Z", "garbage", "")),
            Map.entry("to", List.of("-1000000000-01-01T00:00:00Z", "+1000000000-01-01T00:00:00Z", "garbage", "")),
            Map.entry("page", List.of("-1", "999999999", "99999999999999", "1e3", "abc", "", "2147483648", "-2147483649")),
            Map.entry("size", List.of("-1", "0", "999999999", "2147483648", "abc", "", "1e309")),
            Map.entry("year", List.of("-1", "0", "999999999", "99999999999", "abc", "", "2023.5")),
            Map.entry("limit", List.of("-1", "0", "1001", "99999999999", "abc")),
            Map.entry("after", List.of("-1", "abc", "99999999999999999999", "1e309", "")),
            Map.entry("status", List.of("garbage", "", "%00", "overdue")),
            Map.entry("source", List.of("garbage", "", "%00")),
            Map.entry("severity", List.of("garbage", "", "%00")),
            Map.entry("overdue", List.of("garbage", "2", "")),
            Map.entry("type", List.of("%00", "x".repeat(5000), "", "vn.qualityledger.objective.ObjectiveDefined.v999999999999")),
            Map.entry("stream", List.of("%00", "x".repeat(5000), "%C0%AF")),
            Map.entry("organisation", List.of("%00", "x".repeat(5000), "")),
            Map.entry("organisationId", List.of("%00", "x".repeat(5000))),
            Map.entry("objectiveId", List.of("%00", "x".repeat(5000), "%ED%A0%80")),
            Map.entry("unit", List.of("%00", "x".repeat(5000), "%FF")),
            Map.entry("clause", List.of("%00", "x".repeat(5000))),
            Map.entry("kind", List.of("garbage", "", "%00")),
            Map.entry("cutOff", List.of("garbage", "+1000000000-01-01T00:00:00Z", "-1000000000-01-01T00:00:00Z", "2023-06-30", "")),
            Map.entry("number", List.of("x".repeat(5000), "%00")),
            Map.entry("checkpointTreeSize", List.of("-1", "abc", "99999999999999999999", "1e309", "")),
            Map.entry("treeSize", List.of("-1", "abc", "99999999999999999999", "")),
            Map.entry("consistentWith", List.of("-1", "abc", "99999999999999999999", "")),
            Map.entry("step", List.of("garbage", "", "%00")),
            Map.entry("unitId", List.of("%00", "x".repeat(5000))));

    private static Hostile hostileRead(Random random) {
        Read read = READS.get(random.nextInt(READS.size()));
        Map<String, String> parameters = new LinkedHashMap<>();
        read.parameters().forEach((name, value) -> parameters.put(name, encode(value)));
        String path = read.path();
        String mutation;
        if (read.parameters().isEmpty() || random.nextInt(5) == 0) {
            String[] segments = path.split("/");
            int which = 2 + random.nextInt(segments.length - 2);
            String bad = pick(random, BAD_IDS);
            segments[which] = random.nextBoolean() ? bad : segments[which] + bad;
            path = String.join("/", segments);
            mutation = "hostile path segment " + abbreviate(bad, 40);
        } else {
            List<String> names = new ArrayList<>(read.parameters().keySet());
            int count = 1 + random.nextInt(Math.min(3, names.size()));
            List<String> changed = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String name = names.get(random.nextInt(names.size()));
                List<String> values = BAD_PARAMETERS.getOrDefault(name, List.of("%00", "x".repeat(5000)));
                String value = pick(random, values);
                parameters.put(name, value.contains("%") ? value : encode(value));
                changed.add(name + "=" + abbreviate(value, 40));
            }
            mutation = "hostile parameters " + changed;
        }
        StringBuilder uri = new StringBuilder(path);
        String separator = "?";
        for (Map.Entry<String, String> p : parameters.entrySet()) {
            uri.append(separator).append(p.getKey()).append('=').append(p.getValue());
            separator = "&";
        }
        return new Hostile(mutation, "GET", uri.toString(), read.user(), null, null, false);
    }

    // ---- JSON paths ----------------------------------------------------------------------------------------------------

    /** Every value below the root, as paths like {@code /document/date} or {@code /scopeUnits[1]}. */
    private static void leaves(JsonNode node, String path, List<String> into) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                String child = path + "/" + e.getKey();
                into.add(child);
                leaves(e.getValue(), child, into);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String child = path + "[" + i + "]";
                into.add(child);
                leaves(node.get(i), child, into);
            }
        }
    }

    private static final Pattern STEP = Pattern.compile("/([^/\\[]+)|\\[(\\d+)]");

    private static JsonNode at(JsonNode root, String path) {
        JsonNode node = root;
        Matcher m = STEP.matcher(path);
        while (m.find()) {
            node = m.group(1) != null ? node.get(m.group(1)) : node.get(Integer.parseInt(m.group(2)));
        }
        return node;
    }

    /** The root as JSON text, with the value at {@code path} replaced by raw JSON text (which may be invalid on purpose). */
    private static String replace(JsonNode root, String path, String rawJson) {
        JsonNode copy = root.deepCopy();
        String marker = "\uE000REPLACED\uE000";
        Matcher m = STEP.matcher(path);
        List<String> steps = new ArrayList<>();
        while (m.find()) {
            steps.add(m.group());
        }
        JsonNode parent = at(copy, String.join("", steps.subList(0, steps.size() - 1)));
        String last = steps.get(steps.size() - 1);
        if (last.startsWith("/")) {
            ((ObjectNode) parent).put(last.substring(1), marker);
        } else {
            ((ArrayNode) parent).set(Integer.parseInt(last.substring(1, last.length() - 1)), JSON.getNodeFactory().stringNode(marker));
        }
        return JSON.writeValueAsString(copy).replace("\"" + marker + "\"", rawJson);
    }

    // ---- little helpers -----------------------------------------------------------------------------------------------

    private static Hostile post(String mutation, Command command, String body, boolean mustRefuse) {
        return new Hostile(mutation, "POST", command.path(), command.user(), "application/json",
                body.getBytes(StandardCharsets.UTF_8), mustRefuse);
    }

    private static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** JSON text of a string whose surrogates are written as \\uXXXX escapes (an unpaired one cannot be encoded as UTF-8). */
    private static String escapeSurrogates(String text) {
        StringBuilder escaped = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (Character.isSurrogate(c)) {
                escaped.append(String.format("\\u%04x", (int) c));
            } else if (c == '"' || c == '\\') {
                escaped.append('\\').append(c);
            } else {
                escaped.append(c);
            }
        }
        return escaped.toString();
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalStateException("marker not found");
    }

    private static String printable(byte[] bytes) {
        StringBuilder text = new StringBuilder();
        String decoded = new String(bytes, StandardCharsets.UTF_8);
        for (int i = 0; i < decoded.length() && text.length() < 400; i++) {
            char c = decoded.charAt(i);
            if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || Character.isSurrogate(c) || c == '\ufffd' || c == '\u00a0'
                    || (c >= 0x2000 && c <= 0x200f) || c == '\u3000') {
                text.append(String.format("\\u%04x", (int) c));
            } else {
                text.append(c);
            }
        }
        if (decoded.length() > 400) {
            text.append("… (").append(bytes.length).append(" bytes)");
        }
        return text.toString();
    }

    private static String abbreviate(String text, int max) {
        if (text == null) {
            return "";
        }
        return text.length() <= max ? text : text.substring(0, max) + "… (" + text.length() + " chars)";
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
    }
}
