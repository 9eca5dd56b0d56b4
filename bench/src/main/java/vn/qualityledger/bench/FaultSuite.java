package vn.qualityledger.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/**
 * The fault suite: {@code bin/fault.sh [--smoke|--full]} (README, "Fault and fuzz tests"). Starts both services' runnable
 * jars on a database of its own (ql_fault_smoke, ql_fault_full, dropped and created per run) and ports of its own
 * (18181, 18182: FAULT_COMMAND_PORT, FAULT_QUERY_PORT), drives a bounded load of commands with client-chosen ids from a
 * few client threads, and meanwhile kills command-service with SIGKILL and restarts it, does the same to query-service,
 * and restarts PostgreSQL with {@code -m fast} and with {@code -m immediate}. Every request and its answer is recorded;
 * then it checks:
 * <ol>
 *   <li>every acknowledged command (any 2xx) is stored exactly once, and no command is stored twice;</li>
 *   <li>every success answer carries the id of what it created or changed (a 2xx with an empty body, or without the
 *       id, is a success that the client cannot trust);</li>
 *   <li>every failure answer is an error status with an {@code application/problem+json} body with a {@code code};</li>
 *   <li>the event store has no duplicate event and no gap in a stream;</li>
 *   <li>both services come back by themselves (readiness UP within a bound after each fault), a command then succeeds
 *       and shows up in a query; after query-service restarts, readiness UP means the read model is current (a new
 *       command shows within a few seconds);</li>
 *   <li>each live projection equals a rebuild (the admin consistency check), and the check can be run again.</li>
 * </ol>
 * It prints a report (also fault-results/latest-{smoke,full}.md, every request in attempts-{smoke,full}.jsonl) and exits
 * 1 when any check failed. Only 127.0.0.1 is a target; PostgreSQL is always left running.
 */
public final class FaultSuite {

    /** How big a run is. */
    record Mode(String name, int clients, int burstClients, int evidencePerObjective, int rounds, boolean overlapKills,
                List<String> postgresRestarts, Duration pause, Duration readyBound, Duration freshBound, Duration commandPatience) {
        /** Both services killed at once (their restarts overlap), then three database restarts. */
        static final Mode SMOKE = new Mode("smoke", 3, 8, 2, 1, true, List.of("fast", "immediate", "immediate"),
                Duration.ofSeconds(1), Duration.ofSeconds(60), Duration.ofSeconds(5), Duration.ofSeconds(60));
        /** Three rounds of: kill command-service, kill query-service, restart the database fast, immediate, immediate. */
        static final Mode FULL = new Mode("full", 4, 10, 3, 3, false, List.of("fast", "immediate", "immediate"),
                Duration.ofSeconds(6), Duration.ofSeconds(90), Duration.ofSeconds(5), Duration.ofSeconds(90));
    }

    private static final String ORGANISATION = "LOAD";
    private static final String WRITER = BenchUsers.administrator(ORGANISATION);
    private static final String REVIEWER = BenchUsers.reviewer(ORGANISATION);
    private static final String ADMIN = BenchUsers.administrator(ORGANISATION);
    private static final String READER = BenchUsers.READER;
    private static final List<String> PROJECTIONS = List.of("objective-progress", "nonconformity-tracking");

    /** One command the load sends, with what it must store when acknowledged. */
    static final class Command {
        final String label;
        final String path;
        final String user;
        final String body;
        final String aggregate;
        final String eventType;
        /** The payload field that tells this command's event from others of its type in the stream, and its value. */
        final String idField;
        final String idValue;
        final List<Attempt> attempts = Collections.synchronizedList(new ArrayList<>());

        Command(String label, String path, String user, String body, String aggregate, String eventType, String idField,
                String idValue) {
            this.label = label;
            this.path = path;
            this.user = user;
            this.body = body;
            this.aggregate = aggregate;
            this.eventType = eventType;
            this.idField = idField;
            this.idValue = idValue;
        }

        String key() {
            return key(aggregate, eventType, idValue);
        }

        static String key(String aggregate, String eventType, String idValue) {
            return aggregate + "|" + eventType + "|" + idValue;
        }

        boolean acknowledged() {
            synchronized (attempts) {
                return attempts.stream().anyMatch(a -> a.answer().success());
            }
        }

        String request() {
            return "POST " + path + " " + body;
        }
    }

    record Attempt(Command command, int number, double atSeconds, String phase, FaultClient.Answer answer) {
    }

    private final Mode mode;
    private final Path root;
    private final Path out;
    private final Postgres postgres = Postgres.fromEnvironment();
    private final String database;
    private final int commandPort = port("FAULT_COMMAND_PORT", 18181);
    private final int queryPort = port("FAULT_QUERY_PORT", 18182);
    private final FaultClient http = new FaultClient(Duration.ofSeconds(30));
    private final long started = System.nanoTime();
    private final List<Command> commands = Collections.synchronizedList(new ArrayList<>());
    private final List<String> timeline = Collections.synchronizedList(new ArrayList<>());
    /** Check name → its failures (empty: passed), in the order the checks are described. */
    private final Map<String, List<String>> checks = new LinkedHashMap<>();
    private final Map<String, String> checkNotes = new LinkedHashMap<>();
    private volatile String phase = "steady";
    private volatile boolean stopLoad;
    private volatile ServiceProcess command;
    private volatile ServiceProcess query;
    private Path commandJar;
    private Path queryJar;
    private int probes;

    private FaultSuite(Mode mode, Path root) {
        this.mode = mode;
        this.root = root;
        this.out = root.resolve("fault-results");
        this.database = "ql_fault_" + mode.name();
        for (String check : List.of(CHECK_STORED, CHECK_ID, CHECK_PROBLEM, CHECK_STORE, CHECK_RECOVERY, CHECK_FRESH,
                CHECK_CONSISTENT)) {
            checks.put(check, Collections.synchronizedList(new ArrayList<>()));
        }
    }

    static final String CHECK_STORED = "acknowledged ⇒ stored exactly once; nothing stored twice";
    static final String CHECK_ID = "every success answer carries its id (no success without its effect)";
    static final String CHECK_PROBLEM = "every failure answer is an error status with a problem+json body with a code";
    static final String CHECK_STORE = "event store: no duplicate event, no gap in a stream";
    static final String CHECK_RECOVERY = "recovery without a hand restart: ready within the bound, a new command succeeds and shows in a query";
    static final String CHECK_FRESH = "ready means current: after query-service restarts, a new command shows within the bound";
    static final String CHECK_CONSISTENT = "live projections equal a rebuild; checks can be repeated, also after a rebuild";

    public static void main(String[] args) throws Exception {
        Mode mode = Mode.SMOKE;
        Path root = Path.of(".").toAbsolutePath().normalize();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--smoke" -> mode = Mode.SMOKE;
                case "--full" -> mode = Mode.FULL;
                case "--root" -> root = Path.of(args[++i]).toAbsolutePath().normalize();
                default -> {
                    System.err.println("usage: FaultSuite [--smoke|--full] [--root DIR]");
                    System.exit(2);
                }
            }
        }
        FaultSuite suite = new FaultSuite(mode, root);
        Runtime.getRuntime().addShutdownHook(new Thread(suite::cleanUp));
        System.exit(suite.runAndReport());
    }

    private int runAndReport() throws Exception {
        String failure = null;
        try {
            run();
        } catch (Throwable e) {
            failure = String.valueOf(e);
            e.printStackTrace();
        } finally {
            cleanUp();
        }
        return report(failure);
    }

    private void run() throws Exception {
        requireLocalTarget();
        commandJar = jar("command-service");
        queryJar = jar("query-service");
        Files.createDirectories(logs());
        try (Stream<Path> old = Files.list(logs())) {
            for (Path log : old.toList()) {
                Files.delete(log);
            }
        }
        postgres.recreate(database);
        note("database " + database + " created; starting the services");
        command = startCommandService("command-service");
        query = startQueryService("query-service");

        List<Thread> clients = new ArrayList<>();
        AtomicReference<Throwable> clientFailure = new AtomicReference<>();
        for (int k = 0; k < mode.clients(); k++) {
            int client = k;
            Thread thread = new Thread(() -> {
                try {
                    load(client);
                } catch (Throwable e) {
                    clientFailure.compareAndSet(null, e);
                }
            }, "fault-client-" + k);
            clients.add(thread);
            thread.start();
        }
        note("load: " + mode.clients() + " clients");
        try {
            for (int round = 1; round <= mode.rounds(); round++) {
                faults(round);
            }
        } finally {
            phase = "steady (load stopping)";
            Thread.sleep(mode.pause().toMillis());
            stopLoad = true;
            for (Thread thread : clients) {
                thread.join(mode.commandPatience().toMillis() + 30_000);
                if (thread.isAlive()) {
                    thread.interrupt();
                    checks.get(CHECK_RECOVERY).add(thread.getName() + " did not finish its command after the load stopped");
                }
            }
        }
        if (clientFailure.get() != null) {
            throw new BenchFailure("a load client failed: " + clientFailure.get(), clientFailure.get());
        }
        note("load stopped: " + commands.size() + " commands, " + attempts().size() + " requests");

        awaitReady("after the load", mode.readyBound());
        String probe = probe("final", mode.readyBound(), Duration.ofSeconds(30), CHECK_RECOVERY);
        if (probe != null) {
            note("final probe " + probe + " acknowledged and visible in query-service");
        }
        checkAnswers();
        checkEventStore();
        checkConsistency();
        writeAttempts();
    }

    // ---- the load ------------------------------------------------------------------------------------------------

    /** Client k: objectives LOAD.Fk-n, each defined, with a monthly measure, evidence filed and accepted month by month. */
    private void load(int client) throws InterruptedException {
        load(client, () -> stopLoad);
    }

    private void load(int client, java.util.function.BooleanSupplier stop) throws InterruptedException {
        for (int n = 0; !stop.getAsBoolean(); n++) {
            String objective = ORGANISATION + ".F" + client + "-" + n;
            String base = "/api/objectives/" + objective;
            if (!execute(new Command("DefineObjective", "/api/objectives", WRITER, json(LoaderProof.map(
                    "objectiveId", objective, "organisationId", ORGANISATION, "year", Dataset.YEAR, "code", "F" + client + "-" + n,
                    "statement", "Mục tiêu chịu lỗi " + client + "-" + n)),
                    objective, "ObjectiveDefinedEvent", "objectiveId", objective))) {
                continue;
            }
            if (!execute(new Command("PlanMeasure", base + "/measures", WRITER, json(LoaderProof.map("measureId", "I.1",
                    "details", Dataset.measureDetails(1))), objective, "MeasurePlannedEvent", "measureId", "I.1"))) {
                continue;
            }
            for (int j = 0; j < mode.evidencePerObjective() && !stop.getAsBoolean(); j++) {
                String evidence = "EV-" + j;
                String occurrence = "I.1@" + YearMonth.of(Dataset.YEAR, j + 1).atEndOfMonth();
                if (!execute(new Command("SubmitEvidence", base + "/evidence", WRITER, json(LoaderProof.map("evidenceId", evidence,
                        "occurrenceId", occurrence, "document", Dataset.document(j + 1 + "/BC-F", YearMonth.of(Dataset.YEAR, j + 1).atDay(20)))),
                        objective, "EvidenceSubmittedEvent", "evidenceId", evidence))) {
                    break;
                }
                if (!execute(new Command("AcceptEvidence", base + "/evidence/" + evidence + "/acceptance", REVIEWER, "{}",
                        objective, "EvidenceAcceptedEvent", "evidenceId", evidence))) {
                    break;
                }
            }
        }
    }

    /**
     * Sends a command until it is acknowledged, as a careful client would: the same request again (same ids, same body:
     * the service stores nothing twice) after no answer, a 5xx or a 409, for at most the mode's patience.
     *
     * @return whether it was acknowledged (2xx)
     */
    private boolean execute(Command c) throws InterruptedException {
        commands.add(c);
        long deadline = System.nanoTime() + mode.commandPatience().toNanos();
        for (int attempt = 1; attempt <= 400; attempt++) {
            String during = phase;
            FaultClient.Answer answer = http.post(commandPort, c.path, c.user, c.body);
            c.attempts.add(new Attempt(c, attempt, seconds(), during, answer));
            if (answer.success()) {
                return true;
            }
            boolean retry = !answer.answered() || answer.status() >= 500 || answer.status() == 409 || answer.status() == 429;
            if (!retry || System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(Math.min(2000, 200L * attempt));
        }
        return false;
    }

    // ---- the faults ----------------------------------------------------------------------------------------------

    private void faults(int round) throws Exception {
        Thread.sleep(mode.pause().toMillis());

        if (mode.overlapKills()) {
            phase = "both services killed (round " + round + ")";
            note("kill -9 command-service (pid " + command.pid() + ") and query-service (pid " + query.pid() + ")");
            long killed = System.nanoTime();
            command.kill();
            query.kill();
            phase = "both services restarting (round " + round + ")";
            AtomicReference<Exception> failed = new AtomicReference<>();
            Thread queryStart = new Thread(() -> {
                try {
                    query = startQueryService("query-service-" + round);
                } catch (Exception e) {
                    failed.set(e);
                }
            });
            queryStart.start();
            command = startCommandService("command-service-" + round);
            queryStart.join();
            if (failed.get() != null) {
                throw failed.get();
            }
            recovered("both services restarted after kill -9", killed);
        } else {
            phase = "command-service killed (round " + round + ")";
            note("kill -9 command-service (pid " + command.pid() + ")");
            long killed = System.nanoTime();
            command.kill();
            phase = "command-service restarting (round " + round + ")";
            command = startCommandService("command-service-" + round);
            recovered("command-service restarted after kill -9", killed);
            phase = "steady";
            Thread.sleep(mode.pause().toMillis());

            phase = "query-service killed (round " + round + ")";
            note("kill -9 query-service (pid " + query.pid() + ")");
            killed = System.nanoTime();
            query.kill();
            phase = "query-service restarting (round " + round + ")";
            query = startQueryService("query-service-" + round);
            recovered("query-service restarted after kill -9", killed);
        }
        phase = "steady";
        // Ready must mean current: a command sent now shows in a query within the bound.
        probe("after query-service restart " + round, mode.readyBound(), mode.freshBound(), CHECK_FRESH);
        Thread.sleep(mode.pause().toMillis());

        int restartNumber = 0;
        for (String shutdown : mode.postgresRestarts()) {
            restartNumber++;
            phase = "PostgreSQL restart -m " + shutdown + " (round " + round + ")";
            note("PostgreSQL restart -m " + shutdown);
            // More commands in flight while the database goes away: extra clients from just before the restart until
            // both services are ready again (a lost connection mid-command is what a restart tests).
            java.util.concurrent.atomic.AtomicBoolean burstDone = new java.util.concurrent.atomic.AtomicBoolean();
            List<Thread> burst = new ArrayList<>();
            for (int b = 0; b < mode.burstClients(); b++) {
                int client = 100 * round + 20 * restartNumber + b;
                Thread thread = new Thread(() -> {
                    try {
                        load(client, () -> burstDone.get() || stopLoad);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }, "fault-burst-" + client);
                burst.add(thread);
                thread.start();
            }
            Thread.sleep(1000);
            long restarted = System.nanoTime();
            try {
                restartPostgres(shutdown);
                phase = "after PostgreSQL restart -m " + shutdown + " (round " + round + ")";
                awaitReady("PostgreSQL restart -m " + shutdown, mode.readyBound());
            } finally {
                burstDone.set(true);
            }
            recovered("both services ready after PostgreSQL restart -m " + shutdown, restarted);
            for (Thread thread : burst) {
                thread.join(mode.commandPatience().toMillis() + 30_000);
            }
            phase = "steady";
            Thread.sleep(mode.pause().toMillis());
        }
    }

    private void recovered(String what, long sinceNanos) {
        note(what + " in " + String.format("%.1f", (System.nanoTime() - sinceNanos) / 1e9) + " s");
    }

    /** Waits until both services' readiness answers 200; a failure of the recovery check otherwise. */
    private boolean awaitReady(String after, Duration bound) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + bound.toNanos();
        boolean commandReady = false;
        boolean queryReady = false;
        while (System.nanoTime() < deadline) {
            commandReady = commandReady || http.ok(commandPort, "/actuator/health/readiness");
            queryReady = queryReady || http.ok(queryPort, "/actuator/health/readiness");
            if (commandReady && queryReady) {
                return true;
            }
            Thread.sleep(250);
        }
        checks.get(CHECK_RECOVERY).add("after " + after + ": " + (commandReady ? "" : "command-service ") + (queryReady ? "" : "query-service ")
                + "not ready within " + bound.toSeconds() + " s (GET /actuator/health/readiness: command "
                + http.get(commandPort, "/actuator/health/readiness", null) + "; query "
                + http.get(queryPort, "/actuator/health/readiness", null) + ")");
        return false;
    }

    /**
     * A new objective defined now (retried within {@code acknowledgeBound}) must show on its dashboard within
     * {@code visibleBound}; otherwise a failure of {@code check}.
     *
     * @return the probe's objective id when it passed
     */
    private String probe(String when, Duration acknowledgeBound, Duration visibleBound, String check) throws InterruptedException {
        String objective = ORGANISATION + ".PROBE-" + (++probes);
        Command define = new Command("DefineObjective (probe " + when + ")", "/api/objectives", WRITER, json(LoaderProof.map(
                "objectiveId", objective, "organisationId", ORGANISATION, "year", Dataset.YEAR, "code", "PROBE-" + probes,
                "statement", "Kiểm tra phục hồi " + when)), objective, "ObjectiveDefinedEvent",
                "objectiveId", objective);
        long deadline = System.nanoTime() + acknowledgeBound.toNanos();
        commands.add(define);
        FaultClient.Answer answer = null;
        for (int attempt = 1; System.nanoTime() < deadline; attempt++) {
            answer = http.post(commandPort, define.path, define.user, define.body);
            define.attempts.add(new Attempt(define, attempt, seconds(), phase, answer));
            if (answer.success()) {
                break;
            }
            Thread.sleep(500);
        }
        if (answer == null || !answer.success()) {
            checks.get(CHECK_RECOVERY).add(when + ": a new command was not acknowledged within " + acknowledgeBound.toSeconds()
                    + " s; last answer: " + answer + " to " + define.request());
            return null;
        }
        long acknowledged = System.nanoTime();
        long visibleBy = acknowledged + visibleBound.toNanos();
        String dashboard = "/api/objectives/" + objective + "/dashboard";
        FaultClient.Answer read;
        do {
            read = http.get(queryPort, dashboard, READER);
            if (read.status() == 200) {
                double after = (System.nanoTime() - acknowledged) / 1e9;
                note(when + ": probe " + objective + " visible " + String.format("%.1f", after) + " s after its acknowledgement");
                return objective;
            }
            Thread.sleep(100);
        } while (System.nanoTime() < visibleBy);
        // Not within the bound: how long did it take, if at all (for the report)?
        long lateBy = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        String eventually = "not within a further 30 s";
        while (System.nanoTime() < lateBy) {
            if (http.get(queryPort, dashboard, READER).status() == 200) {
                eventually = "visible after " + String.format("%.1f", (System.nanoTime() - acknowledged) / 1e9) + " s";
                break;
            }
            Thread.sleep(250);
        }
        checks.get(check).add(when + ": readiness was UP, the command was acknowledged, but GET " + dashboard + " answered "
                + read + " for " + visibleBound.toSeconds() + " s (" + eventually + ")");
        return null;
    }

    private void restartPostgres(String shutdownMode) throws Exception {
        String version = postgresVersion();
        Process restart = new ProcessBuilder("pg_ctlcluster", "--skip-systemctl-redirect", version, "main", "restart", "-m",
                shutdownMode).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(logs().resolve("postgres.log").toFile()))
                .start();
        if (!restart.waitFor(90, TimeUnit.SECONDS)) {
            restart.destroyForcibly();
            throw new BenchFailure("pg_ctlcluster restart -m " + shutdownMode + " did not finish within 90 s");
        }
        if (restart.exitValue() != 0) {
            throw new BenchFailure("pg_ctlcluster restart -m " + shutdownMode + " exited with " + restart.exitValue()
                    + "; see " + logs().resolve("postgres.log"));
        }
        ensurePostgresRunning();
    }

    /** Starts the local cluster when it does not answer (the suite must never leave it down). */
    private void ensurePostgresRunning() {
        try {
            for (int i = 0; i < 60; i++) {
                if (new ProcessBuilder("pg_isready", "-q", "-h", postgres.host(), "-p", String.valueOf(postgres.port()))
                        .start().waitFor() == 0) {
                    return;
                }
                if (i == 10) {
                    new ProcessBuilder("pg_ctlcluster", "--skip-systemctl-redirect", postgresVersion(), "main", "start")
                            .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(60, TimeUnit.SECONDS);
                }
                Thread.sleep(500);
            }
            System.err.println("PostgreSQL does not answer; start it: pg_ctlcluster " + postgresVersion() + " main start");
        } catch (Exception e) {
            System.err.println("could not check PostgreSQL: " + e);
        }
    }

    private static String postgresVersion() throws IOException {
        try (Stream<Path> versions = Files.list(Path.of("/etc/postgresql"))) {
            return versions.map(p -> p.getFileName().toString()).sorted().findFirst()
                    .orElseThrow(() -> new BenchFailure("no cluster under /etc/postgresql"));
        }
    }

    private void requireLocalTarget() {
        if (!List.of("127.0.0.1", "localhost").contains(postgres.host())) {
            throw new BenchFailure("the fault suite restarts PostgreSQL and so only runs against the local cluster (DB_HOST 127.0.0.1), not "
                    + postgres.host());
        }
    }

    // ---- the checks ----------------------------------------------------------------------------------------------

    private List<Attempt> attempts() {
        List<Attempt> all = new ArrayList<>();
        synchronized (commands) {
            for (Command c : commands) {
                synchronized (c.attempts) {
                    all.addAll(c.attempts);
                }
            }
        }
        return all;
    }

    /** Checks 2 and 3: each answer by itself. */
    private void checkAnswers() {
        for (Attempt a : attempts()) {
            FaultClient.Answer answer = a.answer();
            if (!answer.answered()) {
                continue; // no answer is no claim: the client retries
            }
            String where = a.command().request() + " (attempt " + a.number() + ", " + a.phase() + ", at "
                    + String.format("%.1f", a.atSeconds()) + " s) → " + answer;
            if (answer.success()) {
                String id = idOf(answer);
                if (!a.command().idValue.equals(id) && !a.command().aggregate.equals(id)) {
                    checks.get(CHECK_ID).add(where);
                }
                continue;
            }
            if (answer.status() < 400 || !isProblem(answer)) {
                checks.get(CHECK_PROBLEM).add(where);
            }
        }
        Map<String, Integer> statuses = new java.util.TreeMap<>();
        for (Attempt a : attempts()) {
            String key = a.answer().answered() ? String.valueOf(a.answer().status()) : "no answer";
            statuses.merge(key, 1, Integer::sum);
        }
        checkNotes.put(CHECK_PROBLEM, "answers by status: " + statuses);
    }

    private static String idOf(FaultClient.Answer answer) {
        try {
            JsonNode id = HttpJson.JSON.readTree(answer.body()).get("id");
            return id != null && id.isString() ? id.asString() : null;
        } catch (RuntimeException notJson) {
            return null;
        }
    }

    static boolean isProblem(FaultClient.Answer answer) {
        if (answer.contentType() == null || !answer.contentType().toLowerCase().startsWith("application/problem+json")) {
            return false;
        }
        try {
            JsonNode code = HttpJson.JSON.readTree(answer.body()).get("code");
            return code != null && code.isString() && !code.asString().isBlank();
        } catch (RuntimeException notJson) {
            return false;
        }
    }

    /** Checks 1 and 4, against the event store itself. */
    private void checkEventStore() throws Exception {
        Map<String, Integer> stored = new HashMap<>();
        Map<String, List<Long>> sequences = new HashMap<>();
        long events = 0;
        try (Connection connection = postgres.connect(database); Statement statement = connection.createStatement()) {
            try (ResultSet rs = statement.executeQuery("""
                    SELECT aggregate_identifier, sequence_number, payload_type, convert_from(payload, 'UTF8')
                    FROM event_store.domain_event_entry WHERE aggregate_identifier LIKE 'LOAD.%'
                    ORDER BY aggregate_identifier, sequence_number""")) {
                while (rs.next()) {
                    events++;
                    String aggregate = rs.getString(1);
                    sequences.computeIfAbsent(aggregate, a -> new ArrayList<>()).add(rs.getLong(2));
                    String type = rs.getString(3).substring(rs.getString(3).lastIndexOf('.') + 1);
                    JsonNode payload = HttpJson.JSON.readTree(rs.getString(4));
                    String field = switch (type) {
                        case "ObjectiveDefinedEvent" -> "objectiveId";
                        case "MeasurePlannedEvent" -> "measureId";
                        case "EvidenceSubmittedEvent", "EvidenceAcceptedEvent" -> "evidenceId";
                        default -> null;
                    };
                    JsonNode value = field == null ? null : payload.get(field);
                    if (value != null && value.isString()) {
                        stored.merge(Command.key(aggregate, type, value.asString()), 1, Integer::sum);
                    }
                }
            }
            try (ResultSet rs = statement.executeQuery("""
                    SELECT event_identifier, count(*) FROM event_store.domain_event_entry
                    GROUP BY event_identifier HAVING count(*) > 1""")) {
                while (rs.next()) {
                    checks.get(CHECK_STORE).add("event " + rs.getString(1) + " stored " + rs.getLong(2) + " times");
                }
            }
        }
        long acknowledged = 0;
        synchronized (commands) {
            for (Command c : commands) {
                int count = stored.getOrDefault(c.key(), 0);
                if (c.acknowledged()) {
                    acknowledged++;
                    if (count != 1) {
                        checks.get(CHECK_STORED).add(c.request() + " was acknowledged (" + firstSuccess(c) + ") but its "
                                + c.eventType + " " + c.idField + "=" + c.idValue + " is stored " + count + " times");
                    }
                } else if (count > 1) {
                    checks.get(CHECK_STORED).add(c.request() + " (never acknowledged) is stored " + count + " times");
                }
            }
        }
        sequences.forEach((aggregate, numbers) -> {
            for (int i = 0; i < numbers.size(); i++) {
                if (numbers.get(i) != i) {
                    checks.get(CHECK_STORE).add("stream " + aggregate + " has sequence numbers " + numbers + " (not 0…" + (numbers.size() - 1) + ")");
                    return;
                }
            }
        });
        checkNotes.put(CHECK_STORED, acknowledged + " of " + commands.size() + " commands acknowledged; " + events
                + " events stored in " + sequences.size() + " streams");
    }

    private static String firstSuccess(Command c) {
        synchronized (c.attempts) {
            return c.attempts.stream().filter(a -> a.answer().success()).findFirst()
                    .map(a -> "attempt " + a.number() + ", " + a.phase() + ": " + a.answer()).orElse("?");
        }
    }

    /**
     * Check 6: each projection's consistency check, twice; then a rebuild through the admin API and, once it is done,
     * two more checks (a rebuild may be followed by any number of checks).
     */
    private void checkConsistency() throws InterruptedException {
        for (String projection : PROJECTIONS) {
            consistency(projection, "before a rebuild");
            String base = "/api/admin/projections/" + projection;
            FaultClient.Answer started = http.post(queryPort, base + "/rebuild", ADMIN, "{}");
            if (started.status() != 202) {
                checks.get(CHECK_CONSISTENT).add("POST " + base + "/rebuild → " + started);
                continue;
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            String state = "RUNNING";
            while (System.nanoTime() < deadline && "RUNNING".equals(state)) {
                Thread.sleep(500);
                FaultClient.Answer progress = http.get(queryPort, base, ADMIN);
                state = progress.status() == 200 ? HttpJson.JSON.readTree(progress.body()).path("state").asString("?") : "?";
            }
            if (!"DONE".equals(state)) {
                checks.get(CHECK_CONSISTENT).add("POST " + base + "/rebuild: state " + state + " after up to 120 s (GET " + base + ")");
                continue;
            }
            note(projection + ": rebuilt through the admin API");
            consistency(projection, "after the rebuild");
        }
    }

    private void consistency(String projection, String when) throws InterruptedException {
        {
            String path = "/api/admin/projections/" + projection + "/consistency";
            for (int run = 1; run <= 2; run++) {
                FaultClient.Answer answer = http.get(queryPort, path, ADMIN);
                if (answer.status() != 200) {
                    checks.get(CHECK_CONSISTENT).add("GET " + path + " (check " + run + " of 2 " + when + ") → " + answer);
                    continue;
                }
                JsonNode report = HttpJson.JSON.readTree(answer.body());
                if (!report.path("consistent").asBoolean(false)) {
                    checks.get(CHECK_CONSISTENT).add("GET " + path + " (check " + run + " of 2 " + when + "): live ≠ rebuild → " + answer);
                } else {
                    note(projection + ": live projection equals a rebuild (check " + run + " " + when + ")");
                }
            }
        }
    }

    // ---- the report ----------------------------------------------------------------------------------------------

    private int report(String failure) throws IOException {
        StringBuilder md = new StringBuilder();
        md.append("# Quality Ledger fault suite (").append(mode.name()).append("), ").append(OffsetDateTime.now().withNano(0)).append("\n\n");
        md.append("Run took ").append(Math.round(seconds())).append(" s. Database ").append(database).append(", ports ")
                .append(commandPort).append("/").append(queryPort).append("; service logs in fault-results/logs-").append(mode.name()).append("/.\n\n");
        md.append("## Timeline\n\n");
        synchronized (timeline) {
            timeline.forEach(line -> md.append("- ").append(line).append('\n'));
        }
        md.append("\n## Checks\n\n");
        boolean passed = failure == null;
        if (failure != null) {
            md.append("**The run itself failed**: ").append(failure).append("\n\n");
        }
        for (Map.Entry<String, List<String>> check : checks.entrySet()) {
            List<String> failures = check.getValue();
            passed &= failures.isEmpty();
            md.append(failures.isEmpty() ? "- PASS " : "- **FAIL** ").append(check.getKey());
            if (checkNotes.containsKey(check.getKey())) {
                md.append(" (").append(checkNotes.get(check.getKey())).append(")");
            }
            md.append('\n');
            if (!failures.isEmpty()) {
                md.append("  - ").append(failures.size()).append(failures.size() == 1 ? " failure" : " failures")
                        .append(failures.size() > 5 ? ", the first 5:" : ":").append('\n');
                failures.stream().limit(5).forEach(f -> md.append("    - ").append(f.replace('\n', ' ')).append('\n'));
            }
        }
        md.append('\n').append(passed ? "Fault suite (" + mode.name() + ") PASSED" : "Fault suite (" + mode.name() + ") FAILED").append('\n');
        Files.createDirectories(out);
        Files.writeString(out.resolve("latest-" + mode.name() + ".md"), md, StandardCharsets.UTF_8);
        System.out.println(md);
        return passed ? 0 : 1;
    }

    private void writeAttempts() throws IOException {
        StringBuilder lines = new StringBuilder();
        for (Attempt a : attempts()) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("at", Latency.round(a.atSeconds()));
            line.put("phase", a.phase());
            line.put("command", a.command().label);
            line.put("path", a.command().path);
            line.put("attempt", a.number());
            line.put("status", a.answer().status());
            line.put("contentType", a.answer().contentType());
            line.put("body", a.answer().body());
            line.put("transportError", a.answer().transportError());
            lines.append(HttpJson.JSON.writeValueAsString(line)).append('\n');
        }
        Files.createDirectories(out);
        Files.writeString(out.resolve("attempts-" + mode.name() + ".jsonl"), lines, StandardCharsets.UTF_8);
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private ServiceProcess startCommandService(String name) throws Exception {
        // Fewer request threads than pooled connections (see command-service.yml).
        return start(name, commandJar, "COMMAND_PORT", commandPort, List.of("--spring.datasource.hikari.maximum-pool-size=5",
                "--server.tomcat.threads.max=4"));
    }

    private ServiceProcess startQueryService(String name) throws Exception {
        return start(name, queryJar, "QUERY_PORT", queryPort, List.of("--spring.datasource.hikari.maximum-pool-size=5"));
    }

    private ServiceProcess start(String name, Path jar, String portVariable, int port, List<String> arguments) throws Exception {
        List<String> commandLine = new ArrayList<>(List.of(ServiceProcess.javaExecutable(), "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC", "-Xmx512m", "-jar", jar.toString(), "--server.port=" + port,
                "--server.address=127.0.0.1", "--spring.datasource.url=" + postgres.url(database)));
        commandLine.addAll(BenchUsers.serviceArguments());
        commandLine.addAll(arguments);
        List<String> environment = List.of(portVariable + "=" + port, "DB_NAME=" + database, "DB_HOST=" + postgres.host(),
                "DB_PORT=" + postgres.port(), "DB_USER=" + postgres.user(), "DB_PASSWORD=" + postgres.password(),
                "INTEGRITY_KEY=" + EventEncoder.INTEGRITY_KEY, "AXONIQ_UPDATE_CHECKER_DISABLED=true");
        ServiceProcess process = ServiceProcess.start(name, commandLine, environment, port, "/actuator/health/readiness", logs(),
                Duration.ofSeconds(120));
        note(name + " ready in " + String.format("%.1f", process.startupSeconds()) + " s (pid " + process.pid() + ")");
        writePids();
        return process;
    }

    /** fault-results/services.pid: the services' pids, for bin/fault.sh to stop should this JVM be killed. */
    private synchronized void writePids() {
        try {
            StringBuilder pids = new StringBuilder();
            for (ServiceProcess p : new ServiceProcess[] {command, query}) {
                if (p != null && p.alive()) {
                    pids.append(p.pid()).append('\n');
                }
            }
            Files.createDirectories(out);
            Files.writeString(out.resolve("services.pid"), pids);
        } catch (IOException ignored) {
            // only a help for the shell's trap
        }
    }

    /** Stops the services (SIGTERM, then SIGKILL) and makes sure PostgreSQL runs. Safe to call twice. */
    private synchronized void cleanUp() {
        stopLoad = true;
        for (ServiceProcess p : new ServiceProcess[] {query, command}) {
            if (p != null) {
                try {
                    p.close();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        try {
            Files.deleteIfExists(out.resolve("services.pid"));
        } catch (IOException ignored) {
            // nothing left to stop
        }
        ensurePostgresRunning();
    }

    private Path logs() {
        return out.resolve("logs-" + mode.name());
    }

    private Path jar(String module) throws IOException {
        try (Stream<Path> files = Files.list(root.resolve(module).resolve("target"))) {
            return files.filter(p -> p.getFileName().toString().matches(module + "-.*-exec\\.jar")).findFirst()
                    .orElseThrow(() -> new BenchFailure("no " + module + "/target/" + module + "-*-exec.jar; build with ./mvnw -DskipTests package"));
        } catch (java.nio.file.NoSuchFileException e) {
            throw new BenchFailure("no " + module + "/target; build with ./mvnw -DskipTests package");
        }
    }

    private void note(String what) {
        String line = String.format("[%5.1f s] %s", seconds(), what);
        timeline.add(line);
        System.out.println(line);
    }

    private double seconds() {
        return (System.nanoTime() - started) / 1e9;
    }

    private static String json(Object body) {
        return HttpJson.JSON.writeValueAsString(body);
    }

    private static int port(String variable, int fallback) {
        String value = System.getenv(variable);
        return value == null || value.isEmpty() ? fallback : Integer.parseInt(value);
    }
}
