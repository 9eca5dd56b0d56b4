package vn.qualityledger.bench;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import vn.qualityledger.api.objective.Period;

/**
 * Backup and restore: {@code bin/restore.sh} (README, "Running a province"). Both services on ql_restore_src are told a
 * small story over REST (two objectives defined, published, planned, assigned, evidence filed, rejected, filed again and
 * accepted, a measurement recorded; a nonconformity raised with its root cause and a corrective action). Once the
 * projections have settled it records the figures (each objective's dashboard, the organisation's summary and objective
 * list, the nonconformity and the nonconformity summary), each stream's {@code /integrity}, and a signed ledger
 * checkpoint. Then the services stop, {@code pg_dump -Fc} saves the database and {@code pg_restore} loads it into
 * ql_restore_dst, and both services start on the copy. It checks:
 * <ol>
 *   <li>every stream's event chain verifies on the copy, with as many events as before;</li>
 *   <li>the figures read from the copy equal the recorded ones;</li>
 *   <li>the ledger: the checkpoint signed before is served as it was, and a new one has the same tree size and roots;</li>
 *   <li>after {@code POST /api/admin/projections/{objective-progress,nonconformity-tracking}/rebuild} on the copy the
 *       figures still equal the recorded ones.</li>
 * </ol>
 * Drops both databases at the end. Exits 1 when a check failed. Only 127.0.0.1 is a target.
 */
public final class RestoreSuite {

    private static final String ORGANISATION = "LOAD";
    private static final String WRITER = BenchUsers.administrator(ORGANISATION);
    private static final String REVIEWER = BenchUsers.reviewer(ORGANISATION);
    private static final List<String> OBJECTIVES = List.of(ORGANISATION + ".RS1", ORGANISATION + ".RS2");
    private static final String NONCONFORMITY = ORGANISATION + ".RS-NC";
    private static final List<String> PROJECTIONS = List.of("objective-progress", "nonconformity-tracking");
    /** Fixed so that the figures do not depend on the day the suite runs. */
    private static final String AS_OF = "2023-09-30";
    private static final Duration BOUND = Duration.ofSeconds(60);

    static final String CHECK_INTEGRITY = "every stream's event chain verifies on the restored copy, with as many events";
    static final String CHECK_FIGURES = "the figures read from the restored copy equal those recorded before the dump";
    static final String CHECK_LEDGER = "the ledger: the checkpoint signed before is served as it was; a new one has the same tree";
    static final String CHECK_REBUILD = "after rebuilding both projections on the copy the figures are still the same";
    static final String CHECK_HEALTH = "health: anyone sees the status, only an administrator the components";

    private final Path root;
    private final Path out;
    private final Postgres postgres = Postgres.fromEnvironment();
    private final String source = "ql_restore_src";
    private final String copy = "ql_restore_dst";
    private final int commandPort = port("RESTORE_COMMAND_PORT", 18381);
    private final int queryPort = port("RESTORE_QUERY_PORT", 18382);
    private final FaultClient http = new FaultClient(Duration.ofSeconds(30));
    private final Map<String, List<String>> checks = new LinkedHashMap<>();
    private final List<ServiceProcess> processes = Collections.synchronizedList(new ArrayList<>());
    private final long started = System.nanoTime();

    private RestoreSuite(Path root) {
        this.root = root;
        this.out = root.resolve("fault-results");
        for (String check : List.of(CHECK_INTEGRITY, CHECK_FIGURES, CHECK_LEDGER, CHECK_REBUILD, CHECK_HEALTH)) {
            checks.put(check, new ArrayList<>());
        }
    }

    public static void main(String[] args) throws Exception {
        Path root = SuiteFiles.root(args, "RestoreSuite");
        RestoreSuite suite = new RestoreSuite(root);
        Runtime.getRuntime().addShutdownHook(new Thread(suite::stopAll));
        String failure = null;
        try {
            suite.run();
        } catch (Throwable e) {
            failure = String.valueOf(e);
            e.printStackTrace();
        } finally {
            suite.stopAll();
            suite.dropDatabases();
        }
        System.exit(suite.report(failure));
    }

    private void run() throws Exception {
        Path logs = SuiteFiles.freshLogs(out.resolve("logs-restore"));
        Files.deleteIfExists(out.resolve("restore.pid"));
        postgres.recreate(source);
        // the first start migrates both schemas, one service after the other
        startServices(source, logs, "src", false);
        healthDetails();
        tellStory();
        Map<String, JsonNode> figures = settledFigures();
        Files.createDirectories(out.resolve("restore"));
        Files.writeString(out.resolve("restore").resolve("figures.json"), HttpJson.JSON.writerWithDefaultPrettyPrinter()
                .writeValueAsString(figures));
        note("figures recorded (fault-results/restore/figures.json): " + figures.keySet());
        Map<String, Long> integrity = integrity(true);
        JsonNode checkpoint = post("/api/admin/ledger/checkpoints", "{}");
        note("integrity verified for " + integrity.size() + " streams; checkpoint of tree size " + checkpoint.path("treeSize").asLong());
        stopAll();

        Path dump = out.resolve("restore").resolve(source + ".dump");
        Files.deleteIfExists(dump);
        long dumpStarted = System.nanoTime();
        postgresTool(List.of("pg_dump", "-Fc", "-d", source, "-f", dump.toString()));
        postgres.recreate(copy);
        postgresTool(List.of("pg_restore", "--exit-on-error", "--no-owner", "-d", copy, dump.toString()));
        note(String.format("pg_dump -Fc (%,d bytes) and pg_restore into %s in %.1f s", Files.size(dump), copy,
                (System.nanoTime() - dumpStarted) / 1e9));

        // the copy has its schemas: both services may start at once
        startServices(copy, logs, "dst", true);
        Map<String, Long> restoredIntegrity = integrity(false);
        if (!restoredIntegrity.equals(integrity)) {
            checks.get(CHECK_INTEGRITY).add("events per verified stream before " + integrity + ", on the copy " + restoredIntegrity);
        }
        compare(CHECK_FIGURES, figures, settledFigures());
        ledger(checkpoint);
        for (String projection : PROJECTIONS) {
            rebuild(projection);
        }
        compare(CHECK_REBUILD, figures, settledFigures());
    }

    // ---- the story ---------------------------------------------------------------------------------------------------

    private void tellStory() throws Exception {
        for (int i = 0; i < OBJECTIVES.size(); i++) {
            objective(OBJECTIVES.get(i), i + 1);
        }
        LocalDate today = LocalDate.now(Dataset.AGENCY_ZONE);
        String base = "/api/nonconformities/" + NONCONFORMITY;
        post("/api/nonconformities", json(LoaderProof.map("nonconformityId", NONCONFORMITY, "organisationId", ORGANISATION,
                "source", "MANUAL", "severity", "MINOR", "unit", "VP", "description", "Hồ sơ lưu trữ chưa đúng quy định",
                "raisedOn", today.minusDays(3).toString())));
        post(base + "/root-cause", json(LoaderProof.map("rootCause", "Chưa phân công người lưu trữ",
                "analysedOn", today.minusDays(2).toString())));
        // due in the future: no overdue deadline fires between the dump and the checks
        post(base + "/actions", json(LoaderProof.map("actionId", "A1", "ownerUnit", "VP", "description", "Phân công người lưu trữ",
                "dueDate", today.plusDays(30).toString(), "plannedOn", today.minusDays(1).toString())));
        note("story told: " + OBJECTIVES.size() + " objectives and a nonconformity");
    }

    /** As the loader proof tells it: define, publish, plan, assign, file, reject, file again, accept, measure. */
    private void objective(String objective, int index) throws Exception {
        String base = "/api/objectives/" + objective;
        YearMonth may = YearMonth.of(Dataset.YEAR, 5);
        String occurrence = "I.1@" + may.atEndOfMonth();
        post("/api/objectives", json(LoaderProof.map("objectiveId", objective, "organisationId", ORGANISATION,
                "year", Dataset.YEAR, "code", objective.substring(ORGANISATION.length() + 1), "statement", "Mục tiêu sao lưu " + index, "target", target())));
        post(base + "/publication", json(LoaderProof.map("decision", Dataset.decision(ORGANISATION))));
        post(base + "/measures", json(LoaderProof.map("measureId", "I.1", "details", Dataset.measureDetails(index))));
        post(base + "/assignments", json(LoaderProof.map("measureId", "I.1", "unit", "VP", "person", "Chuyên viên " + index)));
        post(base + "/evidence", json(LoaderProof.map("evidenceId", "EV-1", "occurrenceId", occurrence,
                "document", Dataset.document("1/BC", may.atDay(20)))));
        post(base + "/evidence/EV-1/rejection", json(LoaderProof.map("reason", "Thiếu số liệu")), REVIEWER);
        post(base + "/evidence", json(LoaderProof.map("evidenceId", "EV-2", "occurrenceId", occurrence,
                "document", Dataset.document("2/BC", may.atDay(25)))));
        post(base + "/evidence/EV-2/acceptance", "{}", REVIEWER);
        post(base + "/measurements", json(LoaderProof.map("measurementId", "KQ-2023-05",
                "period", new Period(may.atDay(1), may.atEndOfMonth()), "value", BigDecimal.valueOf(950 + index, 1),
                "source", "Báo cáo tháng")));
    }

    /** The data set's target as a client sends it (the record's derived percentage is not part of a request). */
    private static Map<String, Object> target() {
        var target = Dataset.target();
        return LoaderProof.map("indicator", target.indicator(), "comparator", target.comparator(), "value", target.value(),
                "unit", target.unit());
    }

    // ---- what is recorded and compared -------------------------------------------------------------------------------

    /** The read side's figures once two reads a second apart agree and readiness is UP (no command is being sent). */
    private Map<String, JsonNode> settledFigures() throws InterruptedException {
        long deadline = System.nanoTime() + BOUND.toNanos();
        Map<String, JsonNode> previous = null;
        while (System.nanoTime() < deadline) {
            Map<String, JsonNode> figures = figures();
            if (figures != null && figures.equals(previous) && ready()) {
                return figures;
            }
            previous = figures;
            Thread.sleep(1000);
        }
        throw new BenchFailure("the read side did not settle within " + BOUND.toSeconds() + " s; last figures " + previous);
    }

    /** @return null while a read does not answer 200 yet */
    private Map<String, JsonNode> figures() throws InterruptedException {
        Map<String, String> reads = new LinkedHashMap<>();
        for (String objective : OBJECTIVES) {
            reads.put("dashboard " + objective, "/api/objectives/" + objective + "/dashboard?asOf=" + AS_OF);
        }
        reads.put("summary", "/api/organisations/" + ORGANISATION + "/years/" + Dataset.YEAR + "/summary?asOf=" + AS_OF);
        reads.put("objectives", "/api/organisations/" + ORGANISATION + "/years/" + Dataset.YEAR + "/objectives?asOf=" + AS_OF);
        reads.put("nonconformity", "/api/nonconformities/" + NONCONFORMITY);
        reads.put("nonconformity summary", "/api/organisations/" + ORGANISATION + "/nonconformities/summary");
        Map<String, JsonNode> figures = new LinkedHashMap<>();
        for (Map.Entry<String, String> read : reads.entrySet()) {
            FaultClient.Answer answer = http.get(queryPort, read.getValue(), WRITER);
            if (answer.status() != 200) {
                return null;
            }
            figures.put(read.getKey(), HttpJson.JSON.readTree(answer.body()));
        }
        return figures;
    }

    private boolean ready() throws InterruptedException {
        return http.ok(queryPort, "/actuator/health/readiness") && http.ok(commandPort, "/actuator/health/readiness");
    }

    private void compare(String check, Map<String, JsonNode> expected, Map<String, JsonNode> actual) {
        for (Map.Entry<String, JsonNode> figure : expected.entrySet()) {
            JsonNode now = actual.get(figure.getKey());
            if (!figure.getValue().equals(now)) {
                checks.get(check).add(figure.getKey() + ": before " + figure.getValue() + ", now " + now);
            }
        }
        if (checks.get(check).isEmpty()) {
            note(expected.size() + " figures equal: " + check);
        }
    }

    /**
     * Each stream's {@code /integrity}; a stream that does not verify, or whose count differs from the event store's,
     * is a failure of {@link #CHECK_INTEGRITY} (recorded on the source too: a broken chain there is no test of a restore).
     *
     * @return the events checked per stream
     */
    private Map<String, Long> integrity(boolean onSource) throws Exception {
        Map<String, String> streams = new LinkedHashMap<>();
        OBJECTIVES.forEach(objective -> streams.put(objective, "/api/objectives/" + objective + "/integrity"));
        streams.put(NONCONFORMITY, "/api/nonconformities/" + NONCONFORMITY + "/integrity");
        Map<String, Long> checked = new LinkedHashMap<>();
        String database = onSource ? source : copy;
        try (Connection connection = postgres.connect(database)) {
            for (Map.Entry<String, String> stream : streams.entrySet()) {
                JsonNode verification = get(stream.getValue());
                long stored = Postgres.queryLong(connection,
                        "SELECT count(*) FROM event_store.domain_event_entry WHERE aggregate_identifier = ?", stream.getKey());
                long events = verification.path("eventsChecked").asLong(-1);
                if (!verification.path("verified").asBoolean(false) || events != stored) {
                    checks.get(CHECK_INTEGRITY).add(stream.getKey() + " in " + database + " (" + stored + " events): " + verification);
                }
                checked.put(stream.getKey(), events);
            }
        }
        return checked;
    }

    private void ledger(JsonNode signed) throws InterruptedException {
        long treeSize = signed.path("treeSize").asLong();
        FaultClient.Answer served = http.get(queryPort, "/api/ledger/checkpoints?treeSize=" + treeSize, WRITER);
        JsonNode servedCheckpoint = served.status() == 200 ? HttpJson.JSON.readTree(served.body()).path(0) : null;
        if (!signed.equals(servedCheckpoint)) {
            checks.get(CHECK_LEDGER).add("checkpoint " + treeSize + ": signed " + signed + ", the copy serves " + served);
        }
        JsonNode fresh = post("/api/admin/ledger/checkpoints", "{}");
        for (String field : List.of("origin", "treeSize", "rootHash", "streamCount", "streamsRoot")) {
            if (!Objects.equals(signed.get(field), fresh.get(field))) {
                checks.get(CHECK_LEDGER).add("a new checkpoint on the copy has " + field + " " + fresh.get(field)
                        + ", the one before the dump " + signed.get(field));
            }
        }
        if (checks.get(CHECK_LEDGER).isEmpty()) {
            note("ledger: checkpoint " + treeSize + " served unchanged, a new one has the same tree");
        }
    }

    private void rebuild(String projection) throws InterruptedException {
        String base = "/api/admin/projections/" + projection;
        post(base + "/rebuild", "{}");
        long deadline = System.nanoTime() + BOUND.toNanos();
        JsonNode progress = HttpJson.JSON.createObjectNode();
        while (System.nanoTime() < deadline) {
            progress = get(base);
            String state = progress.path("state").asString("?");
            if (state.equals("DONE")) {
                note(projection + " rebuilt: " + progress.path("eventsProcessed").asLong() + " events");
                return;
            }
            if (state.equals("FAILED")) {
                break;
            }
            Thread.sleep(250);
        }
        checks.get(CHECK_REBUILD).add("POST " + base + "/rebuild did not finish: " + progress);
    }

    /** Both services: without credentials the status alone; an ADMIN also sees the components (the database, ...). */
    private void healthDetails() throws InterruptedException {
        long deadline = System.nanoTime() + BOUND.toNanos();
        while (!ready() && System.nanoTime() < deadline) {
            Thread.sleep(250); // query-service is ready once its processors have claimed their segments
        }
        for (int port : new int[] {commandPort, queryPort}) {
            for (String path : List.of("/actuator/health", "/actuator/health/readiness")) {
                FaultClient.Answer anonymous = http.get(port, path, null);
                FaultClient.Answer administrator = http.get(port, path, WRITER);
                JsonNode open = anonymous.body() == null ? null : HttpJson.JSON.readTree(anonymous.body());
                JsonNode admin = administrator.body() == null ? null : HttpJson.JSON.readTree(administrator.body());
                if (anonymous.status() != 200 || open == null || !open.has("status") || open.has("components") || open.has("details")) {
                    checks.get(CHECK_HEALTH).add(port + path + " without credentials: " + anonymous);
                }
                if (administrator.status() != 200 || admin == null || !admin.path("components").has("db")) {
                    checks.get(CHECK_HEALTH).add(port + path + " as ADMIN shows no components: " + administrator);
                }
            }
        }
        if (checks.get(CHECK_HEALTH).isEmpty()) {
            note("health: status for anyone, components for ADMIN only, on both services");
        }
    }

    // ---- services, databases, HTTP -----------------------------------------------------------------------------------

    private void startServices(String database, Path logs, String suffix, boolean atOnce) throws Exception {
        List<String> pool = List.of("--spring.datasource.hikari.maximum-pool-size=5", "--server.tomcat.threads.max=4");
        if (!atOnce) {
            processes.add(start("command-service-" + suffix, "command-service", "COMMAND_PORT", commandPort, database, logs, pool));
            processes.add(start("query-service-" + suffix, "query-service", "QUERY_PORT", queryPort, database, logs, pool));
            return;
        }
        Object[] started = new Object[2];
        Thread command = new Thread(() -> {
            try {
                started[0] = start("command-service-" + suffix, "command-service", "COMMAND_PORT", commandPort, database, logs, pool);
            } catch (Exception e) {
                started[0] = e;
            }
        });
        command.start();
        try {
            started[1] = start("query-service-" + suffix, "query-service", "QUERY_PORT", queryPort, database, logs, pool);
        } catch (Exception e) {
            started[1] = e;
        }
        command.join();
        for (Object outcome : started) {
            if (outcome instanceof ServiceProcess process) {
                processes.add(process);
            }
        }
        for (Object outcome : started) {
            if (outcome instanceof Exception e) {
                throw e;
            }
        }
    }

    private ServiceProcess start(String name, String module, String portVariable, int port, String database, Path logs,
                                 List<String> arguments) throws Exception {
        List<String> commandLine = new ArrayList<>(List.of(ServiceProcess.javaExecutable(), "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC", "-Xmx384m", "-jar", jar(module).toString(), "--server.port=" + port,
                "--server.address=127.0.0.1", "--spring.datasource.url=" + postgres.url(database)));
        commandLine.addAll(BenchUsers.serviceArguments());
        commandLine.addAll(arguments);
        List<String> environment = List.of(portVariable + "=" + port, "DB_NAME=" + database,
                "DB_HOST=" + postgres.host(), "DB_PORT=" + postgres.port(), "DB_USER=" + postgres.user(),
                "DB_PASSWORD=" + postgres.password(), "INTEGRITY_KEY=" + EventEncoder.INTEGRITY_KEY,
                "AXONIQ_UPDATE_CHECKER_DISABLED=true");
        ServiceProcess process = ServiceProcess.start(name, commandLine, environment, port, "/actuator/health/liveness", logs,
                Duration.ofSeconds(120));
        note(name + " up in " + String.format("%.1f", process.startupSeconds()) + " s (pid " + process.pid() + ")");
        synchronized (this) {
            Files.writeString(out.resolve("restore.pid"), process.pid() + "\n", java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
        }
        return process;
    }

    private Path jar(String module) throws IOException {
        try (Stream<Path> files = Files.list(root.resolve(module).resolve("target"))) {
            return files.filter(p -> p.getFileName().toString().matches(module + "-.*-exec\\.jar")).findFirst()
                    .orElseThrow(() -> new BenchFailure("no " + module + "/target/" + module + "-*-exec.jar; build with ./mvnw -DskipTests package"));
        }
    }

    /** pg_dump or pg_restore against the harness's PostgreSQL; its output goes to the suite's log directory. */
    private void postgresTool(List<String> command) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>(command);
        full.addAll(1, List.of("-h", postgres.host(), "-p", String.valueOf(postgres.port()), "-U", postgres.user()));
        Path log = out.resolve("logs-restore").resolve(command.get(0) + ".log");
        ProcessBuilder builder = new ProcessBuilder(full).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("PGPASSWORD", postgres.password());
        Process process = builder.start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new BenchFailure(String.join(" ", full) + " did not finish within 60 s");
        }
        if (process.exitValue() != 0) {
            throw new BenchFailure(String.join(" ", full) + " exited with " + process.exitValue() + ": " + Files.readString(log));
        }
    }

    private JsonNode post(String path, String body) throws InterruptedException {
        return post(path, body, WRITER);
    }

    private JsonNode post(String path, String body, String user) throws InterruptedException {
        // the admin API (ledger checkpoints, projection rebuilds) is query-service's; every command is command-service's
        FaultClient.Answer answer = http.post(path.startsWith("/api/admin") ? queryPort : commandPort, path, user, body);
        if (!answer.success()) {
            throw new BenchFailure("POST " + path + " answered " + answer);
        }
        return answer.body() == null || answer.body().isBlank() ? HttpJson.JSON.createObjectNode() : HttpJson.JSON.readTree(answer.body());
    }

    private JsonNode get(String path) throws InterruptedException {
        FaultClient.Answer answer = http.get(queryPort, path, WRITER);
        if (answer.status() != 200) {
            throw new BenchFailure("GET " + path + " answered " + answer);
        }
        return HttpJson.JSON.readTree(answer.body());
    }

    private synchronized void stopAll() {
        for (ServiceProcess process : List.copyOf(processes)) {
            try {
                process.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        processes.clear();
        try {
            Files.deleteIfExists(out.resolve("restore.pid"));
        } catch (IOException ignored) {
            // nothing left to stop
        }
    }

    private void dropDatabases() {
        try (Connection admin = postgres.connect("postgres"); Statement statement = admin.createStatement()) {
            for (String database : List.of(source, copy)) {
                statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            }
        } catch (Exception e) {
            System.err.println("could not drop " + source + " and " + copy + ": " + e);
        }
    }

    private int report(String failure) {
        System.out.println();
        System.out.println("Restore suite (" + Math.round(seconds()) + " s)");
        boolean passed = failure == null;
        for (Map.Entry<String, List<String>> check : checks.entrySet()) {
            boolean ok = check.getValue().isEmpty() && failure == null;
            passed &= ok;
            System.out.println("- " + (ok ? "PASS " : "FAIL ") + check.getKey());
            check.getValue().stream().limit(10).forEach(problem -> System.out.println("    " + problem));
        }
        if (failure != null) {
            System.out.println("- the run itself failed: " + failure);
        }
        System.out.println(passed ? "Restore suite PASSED" : "Restore suite FAILED");
        return passed ? 0 : 1;
    }

    private void note(String what) {
        System.out.printf("[%5.1f s] %s%n", seconds(), what);
    }

    private double seconds() {
        return (System.nanoTime() - started) / 1e9;
    }

    private static int port(String variable, int fallback) {
        String value = System.getenv(variable);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value);
    }

    private static String json(Object body) {
        return HttpJson.JSON.writeValueAsString(body);
    }
}
