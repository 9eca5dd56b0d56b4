package vn.qualityledger.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import vn.qualityledger.bench.FaultSuite.Attempt;
import vn.qualityledger.bench.FaultSuite.Command;

/**
 * Replicas: {@code bin/replicas.sh} (README, "Fault and fuzz tests"). Two command-service and two query-service
 * processes on one PostgreSQL database (ql_fault_replicas), behind nothing but distinct ports (18281-18284). Clients
 * send commands through both command replicas, two of them on one
 * objective at once through different replicas; then it checks:
 * <ol>
 *   <li>every acknowledged command is stored exactly once, no stream has a gap, and every refusal is a problem (a
 *       concurrent change answers 409, which the client retries; never a lost update);</li>
 *   <li>the projections' segments are split between the query replicas, and both are ready;</li>
 *   <li>both query replicas serve the same feed page;</li>
 *   <li>a corrective-action deadline fires once, whichever command replica holds it;</li>
 *   <li>when a query replica is killed, the survivor takes its segments, is ready, and shows a new command.</li>
 * </ol>
 * Exits 1 when a check failed. Only 127.0.0.1 is a target.
 */
public final class ReplicaSuite {

    private static final String ORGANISATION = "LOAD";
    private static final String WRITER = BenchUsers.administrator(ORGANISATION);
    private static final String REVIEWER = BenchUsers.reviewer(ORGANISATION);
    private static final List<String> PROCESSORS = List.of("objective-progress", "nonconformity-tracking");
    private static final Duration BOUND = Duration.ofSeconds(60);
    private static final String SHARED = ORGANISATION + ".R-SHARED";

    static final String CHECK_STORED = "acknowledged ⇒ stored exactly once through either command replica; no gap; refusals are problems";
    static final String CHECK_SPLIT = "the projections' segments split between the query replicas, both ready";
    static final String CHECK_FEED = "both query replicas serve the same feed";
    static final String CHECK_DEADLINE = "a corrective action's deadline fires once across command replicas";
    static final String CHECK_FAILOVER = "a killed query replica's segments move to the survivor, which is ready and current";

    private final Path root;
    private final Path out;
    private final Postgres postgres = Postgres.fromEnvironment();
    private final String database = "ql_fault_replicas";
    private final int[] commandPorts = {18281, 18282};
    private final int[] queryPorts = {18283, 18284};
    private final FaultClient http = new FaultClient(Duration.ofSeconds(30));
    private final List<Command> commands = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, List<String>> checks = new LinkedHashMap<>();
    private final List<ServiceProcess> processes = Collections.synchronizedList(new ArrayList<>());
    private final long started = System.nanoTime();

    private ReplicaSuite(Path root) {
        this.root = root;
        this.out = root.resolve("fault-results");
        for (String check : List.of(CHECK_STORED, CHECK_SPLIT, CHECK_FEED, CHECK_DEADLINE, CHECK_FAILOVER)) {
            checks.put(check, Collections.synchronizedList(new ArrayList<>()));
        }
    }

    public static void main(String[] args) throws Exception {
        Path root = SuiteFiles.root(args, "ReplicaSuite");
        ReplicaSuite suite = new ReplicaSuite(root);
        Runtime.getRuntime().addShutdownHook(new Thread(suite::stopAll));
        String failure = null;
        try {
            suite.run();
        } catch (Throwable e) {
            failure = String.valueOf(e);
            e.printStackTrace();
        } finally {
            suite.stopAll();
        }
        System.exit(suite.report(failure));
    }

    private void run() throws Exception {
        Path logs = SuiteFiles.freshLogs(out.resolve("logs-replicas"));
        Files.deleteIfExists(out.resolve("replicas.pid"));
        postgres.recreate(database);
        // the first replica of each service migrates the schema; the second starts once it has
        for (int i = 0; i < 2; i++) {
            processes.add(start("command-service-" + (i + 1), "command-service", "COMMAND_PORT", commandPorts[i], logs,
                    List.of("--spring.datasource.hikari.maximum-pool-size=5", "--server.tomcat.threads.max=4",
                            "--db-scheduler.polling-interval=1s"), List.of()));
        }
        for (int i = 0; i < 2; i++) {
            processes.add(start("query-service-" + (i + 1), "query-service", "QUERY_PORT", queryPorts[i], logs,
                    List.of("--spring.datasource.hikari.maximum-pool-size=5"),
                    List.of()));
        }

        load();
        checkStored();
        awaitSplit();
        compareFeeds();
        deadlineFiresOnce();
        failover();
    }

    // ---- 1: concurrent commands through both command replicas --------------------------------------------------------

    private void load() throws Exception {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> clients = new ArrayList<>();
        for (int k = 0; k < 4; k++) {
            int client = k;
            clients.add(client("replica-client-" + k, () -> ownObjective(client), failure));
        }
        define(SHARED, 0);
        for (int k = 0; k < 2; k++) {
            int replica = k;
            clients.add(client("shared-client-" + k, () -> sharedObjective(replica), failure));
        }
        for (Thread client : clients) {
            client.join(BOUND.toMillis() * 3);
        }
        if (failure.get() != null) {
            throw new BenchFailure("a client failed: " + failure.get(), failure.get());
        }
        note("load done: " + commands.size() + " commands");
    }

    interface Work {
        void run() throws Exception;
    }

    private static Thread client(String name, Work work, AtomicReference<Throwable> failure) {
        Thread thread = new Thread(() -> {
            try {
                work.run();
            } catch (Throwable e) {
                failure.compareAndSet(null, e);
            }
        }, name);
        thread.start();
        return thread;
    }

    /** Client k: its own objective, each step through the other command replica than the step before. */
    private void ownObjective(int client) throws InterruptedException {
        String objective = ORGANISATION + ".R" + client;
        define(objective, client);
        for (int j = 0; j < 6; j++) {
            submitAndAccept(objective, "EV-" + j, j, commandPorts[j % 2], commandPorts[(j + 1) % 2]);
        }
    }

    /** Two clients on one objective at once, each through its own replica: their commands interleave on one stream. */
    private void sharedObjective(int replica) throws InterruptedException {
        for (int j = replica; j < 12; j += 2) {
            submitAndAccept(SHARED, "EV-" + j, j, commandPorts[replica], commandPorts[replica]);
        }
    }

    private void define(String objective, int index) throws InterruptedException {
        int port = commandPorts[index % 2];
        execute(port, new Command("DefineObjective", "/api/objectives", WRITER, json(LoaderProof.map("objectiveId", objective,
                "organisationId", ORGANISATION, "year", Dataset.YEAR, "code", objective.substring(ORGANISATION.length() + 1),
                "statement", "Mục tiêu nhân bản " + index)), objective, "ObjectiveDefinedEvent", "objectiveId", objective));
        execute(commandPorts[(index + 1) % 2], new Command("PlanMeasure", "/api/objectives/" + objective + "/measures", WRITER,
                json(LoaderProof.map("measureId", "I.1", "details", Dataset.measureDetails(1))), objective, "MeasurePlannedEvent",
                "measureId", "I.1"));
    }

    private void submitAndAccept(String objective, String evidence, int month, int submitPort, int acceptPort) throws InterruptedException {
        YearMonth due = YearMonth.of(Dataset.YEAR, month % 12 + 1);
        String base = "/api/objectives/" + objective;
        if (execute(submitPort, new Command("SubmitEvidence", base + "/evidence", WRITER, json(LoaderProof.map("evidenceId", evidence,
                "occurrenceId", "I.1@" + due.atEndOfMonth(), "document", Dataset.document(month + 1 + "/BC-R", due.atDay(20)))),
                objective, "EvidenceSubmittedEvent", "evidenceId", evidence))) {
            execute(acceptPort, new Command("AcceptEvidence", base + "/evidence/" + evidence + "/acceptance", REVIEWER, "{}",
                    objective, "EvidenceAcceptedEvent", "evidenceId", evidence));
        }
    }

    /** As a careful client: the same request again after a 409 (a concurrent change) or no answer, within the bound. */
    private boolean execute(int port, Command c) throws InterruptedException {
        commands.add(c);
        long deadline = System.nanoTime() + BOUND.toNanos();
        for (int attempt = 1; System.nanoTime() < deadline; attempt++) {
            FaultClient.Answer answer = http.post(port, c.path, c.user, c.body);
            c.attempts.add(new Attempt(c, attempt, seconds(), "port " + port, answer));
            if (answer.success()) {
                return true;
            }
            if (answer.answered() && !FaultSuite.isProblem(answer)) {
                checks.get(CHECK_STORED).add(c.request() + " answered " + answer + " without a problem body");
            }
            if (answer.answered() && answer.status() != 409 && answer.status() < 500) {
                checks.get(CHECK_STORED).add(c.request() + " refused: " + answer);
                return false;
            }
            Thread.sleep(Math.min(1000, 50L * attempt));
        }
        checks.get(CHECK_STORED).add(c.request() + " not acknowledged within " + BOUND.toSeconds() + " s");
        return false;
    }

    private void checkStored() throws Exception {
        Map<String, Integer> stored = new HashMap<>();
        Map<String, List<Long>> sequences = new HashMap<>();
        try (Connection connection = postgres.connect(database); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("""
                     SELECT aggregate_identifier, sequence_number, payload_type, convert_from(payload, 'UTF8')
                     FROM event_store.domain_event_entry WHERE aggregate_identifier LIKE 'LOAD.R%'
                     ORDER BY aggregate_identifier, sequence_number""")) {
            while (rs.next()) {
                String aggregate = rs.getString(1);
                sequences.computeIfAbsent(aggregate, a -> new ArrayList<>()).add(rs.getLong(2));
                String type = rs.getString(3).substring(rs.getString(3).lastIndexOf('.') + 1);
                JsonNode payload = HttpJson.JSON.readTree(rs.getString(4));
                for (String field : List.of("evidenceId", "measureId", "objectiveId")) {
                    JsonNode value = payload.get(field);
                    if (value != null && value.isString()) {
                        stored.merge(Command.key(aggregate, type, value.asString()), 1, Integer::sum);
                        break;
                    }
                }
            }
        }
        synchronized (commands) {
            for (Command c : commands) {
                int count = stored.getOrDefault(c.key(), 0);
                if (c.acknowledged() && count != 1) {
                    checks.get(CHECK_STORED).add(c.request() + " was acknowledged but is stored " + count + " times");
                }
            }
        }
        sequences.forEach((aggregate, numbers) -> {
            for (int i = 0; i < numbers.size(); i++) {
                if (numbers.get(i) != i) {
                    checks.get(CHECK_STORED).add("stream " + aggregate + " has sequence numbers " + numbers);
                    return;
                }
            }
        });
        long conflicts = commands.stream().flatMap(c -> c.attempts.stream()).filter(a -> a.answer().status() == 409).count();
        note(stored.size() + " facts stored in " + sequences.size() + " streams; " + conflicts + " answers were 409 and retried");
    }

    // ---- 2-3: split segments, one feed ------------------------------------------------------------------------------

    private void awaitSplit() throws InterruptedException {
        long deadline = System.nanoTime() + BOUND.toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            List<String> wrong = new ArrayList<>();
            for (int port : queryPorts) {
                JsonNode readiness = readiness(port);
                if (!"UP".equals(readiness.path("status").asString())) {
                    wrong.add(port + " not ready");
                }
                for (String processor : PROCESSORS) {
                    int claimed = readiness.path("components").path("eventProcessors").path("details").path(processor)
                            .path("claimedSegments").asInt(-1);
                    if (claimed != 1) {
                        wrong.add(port + " holds " + claimed + " segments of " + processor);
                    }
                }
            }
            if (wrong.isEmpty()) {
                note("each query replica holds one segment of each processor, both ready");
                return;
            }
            last = String.join("; ", wrong);
            Thread.sleep(500);
        }
        checks.get(CHECK_SPLIT).add("not split within " + BOUND.toSeconds() + " s: " + last);
    }

    private void compareFeeds() throws InterruptedException {
        String path = "/api/feed?organisation=" + ORGANISATION + "&limit=1000";
        FaultClient.Answer first = http.get(queryPorts[0], path, WRITER);
        FaultClient.Answer second = http.get(queryPorts[1], path, WRITER);
        if (first.status() != 200 || second.status() != 200) {
            checks.get(CHECK_FEED).add("feed answered " + first + " and " + second);
        } else if (!first.body().equals(second.body())) {
            checks.get(CHECK_FEED).add("the replicas serve different pages (" + first.body().length() + " and "
                    + second.body().length() + " characters)");
        } else {
            note("both replicas serve the same feed page (" + HttpJson.JSON.readTree(first.body()).size() + " events)");
        }
    }

    // ---- 4: one deadline, two command replicas ----------------------------------------------------------------------

    private void deadlineFiresOnce() throws Exception {
        String nonconformity = "LOAD.R-NC";
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
        String base = "/api/nonconformities/" + nonconformity;
        // raised ten days ago through one replica, the action (due five days ago) planned through the other
        execute(commandPorts[0], new Command("RaiseNonconformity", "/api/nonconformities", WRITER, json(LoaderProof.map(
                "nonconformityId", nonconformity, "organisationId", ORGANISATION, "source", "MANUAL", "severity", "MINOR",
                "unit", "VP", "description", "Hồ sơ lưu trữ chưa đúng quy định", "raisedOn", today.minusDays(10).toString())),
                nonconformity, "NonconformityRaisedEvent", "nonconformityId", nonconformity));
        execute(commandPorts[1], new Command("AnalyseRootCause", base + "/root-cause", WRITER, json(LoaderProof.map(
                "rootCause", "Chưa phân công người lưu trữ", "analysedOn", today.minusDays(9).toString())),
                nonconformity, "RootCauseAnalysedEvent", "rootCause", "Chưa phân công người lưu trữ"));
        execute(commandPorts[1], new Command("PlanCorrectiveAction", base + "/actions", WRITER, json(LoaderProof.map(
                "actionId", "A1", "ownerUnit", "VP", "description", "Phân công người lưu trữ", "dueDate", today.minusDays(5).toString(),
                "plannedOn", today.minusDays(8).toString())), nonconformity, "CorrectiveActionPlannedEvent", "actionId", "A1"));
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline && overdueEvents(nonconformity) == 0) {
            Thread.sleep(250);
        }
        Thread.sleep(5_000); // time for a second firing, were there one
        long fired = overdueEvents(nonconformity);
        if (fired != 1) {
            checks.get(CHECK_DEADLINE).add("the overdue deadline of A1 fired " + fired + " times");
        } else {
            note("A1's overdue deadline fired once");
        }
    }

    private long overdueEvents(String nonconformity) throws Exception {
        try (Connection connection = postgres.connect(database); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT count(*) FROM event_store.domain_event_entry WHERE aggregate_identifier = '"
                     + nonconformity + "' AND payload_type LIKE '%CorrectiveActionOverdueEvent'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    // ---- 5: failover -------------------------------------------------------------------------------------------------

    private void failover() throws Exception {
        ServiceProcess first = processes.stream().filter(p -> p.name().equals("query-service-1")).findFirst().orElseThrow();
        first.kill();
        note("query-service-1 killed");
        long deadline = System.nanoTime() + BOUND.toNanos();
        String last = "";
        boolean tookOver = false;
        while (System.nanoTime() < deadline && !tookOver) {
            JsonNode readiness = readiness(queryPorts[1]);
            tookOver = "UP".equals(readiness.path("status").asString()) && PROCESSORS.stream().allMatch(processor -> readiness
                    .path("components").path("eventProcessors").path("details").path(processor).path("claimedSegments").asInt() == 2);
            last = readiness.toString();
            if (!tookOver) {
                Thread.sleep(500);
            }
        }
        if (!tookOver) {
            checks.get(CHECK_FAILOVER).add("query-service-2 did not take both segments within " + BOUND.toSeconds() + " s: " + last);
            return;
        }
        note("query-service-2 holds every segment and is ready");
        String objective = ORGANISATION + ".R-AFTER";
        define(objective, 1);
        long visible = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < visible) {
            if (http.get(queryPorts[1], "/api/objectives/" + objective + "/dashboard", WRITER).status() == 200) {
                note(objective + " shows in query-service-2");
                return;
            }
            Thread.sleep(200);
        }
        checks.get(CHECK_FAILOVER).add(objective + " did not show in query-service-2 within 10 s");
    }

    // ---- helpers -----------------------------------------------------------------------------------------------------

    private JsonNode readiness(int port) throws InterruptedException {
        FaultClient.Answer answer = http.get(port, "/actuator/health/readiness", WRITER);
        return answer.body() == null || answer.body().isBlank() ? HttpJson.JSON.createObjectNode() : HttpJson.JSON.readTree(answer.body());
    }

    private ServiceProcess start(String name, String module, String portVariable, int port, Path logs, List<String> arguments,
                                 List<String> moreEnvironment) throws Exception {
        List<String> commandLine = new ArrayList<>(List.of(ServiceProcess.javaExecutable(), "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC", "-Xmx384m", "-jar", jar(module).toString(), "--server.port=" + port,
                "--server.address=127.0.0.1", "--spring.datasource.url=" + postgres.url(database)));
        commandLine.addAll(BenchUsers.serviceArguments());
        commandLine.addAll(arguments);
        List<String> environment = new ArrayList<>(List.of(portVariable + "=" + port, "DB_NAME=" + database,
                "DB_HOST=" + postgres.host(), "DB_PORT=" + postgres.port(), "DB_USER=" + postgres.user(),
                "DB_PASSWORD=" + postgres.password(), "INTEGRITY_KEY=" + EventEncoder.INTEGRITY_KEY,
                "AXONIQ_UPDATE_CHECKER_DISABLED=true"));
        environment.addAll(moreEnvironment);
        ServiceProcess process = ServiceProcess.start(name, commandLine, environment, port, "/actuator/health/liveness", logs,
                Duration.ofSeconds(120));
        note(name + " up in " + String.format("%.1f", process.startupSeconds()) + " s (pid " + process.pid() + ")");
        Files.writeString(out.resolve("replicas.pid"), process.pid() + "\n", java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND);
        return process;
    }

    private Path jar(String module) throws Exception {
        try (Stream<Path> files = Files.list(root.resolve(module).resolve("target"))) {
            return files.filter(p -> p.getFileName().toString().matches(module + "-.*-exec\\.jar")).findFirst()
                    .orElseThrow(() -> new BenchFailure("no " + module + "/target/" + module + "-*-exec.jar; build with ./mvnw -DskipTests package"));
        }
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
            Files.deleteIfExists(out.resolve("replicas.pid"));
        } catch (java.io.IOException ignored) {
            // nothing left to stop
        }
    }

    private int report(String failure) {
        System.out.println();
        System.out.println("Replica suite (" + Math.round(seconds()) + " s)");
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
        System.out.println(passed ? "Replica suite PASSED" : "Replica suite FAILED");
        return passed ? 0 : 1;
    }

    private void note(String what) {
        System.out.printf("[%5.1f s] %s%n", seconds(), what);
    }

    private double seconds() {
        return (System.nanoTime() - started) / 1e9;
    }

    private static String json(Object body) {
        return HttpJson.JSON.writeValueAsString(body);
    }
}
