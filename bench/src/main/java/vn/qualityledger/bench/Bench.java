package vn.qualityledger.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The benchmark: {@code bin/bench.sh} (full) or {@code bin/bench.sh --smoke}. Starts the services' runnable jars on a
 * database of its own (ql_bench, ql_bench_smoke), measures the six figures of issue 3 each next to a baseline taken
 * in the same run, and writes bench-results/latest-{full,smoke}.{json,md} (and a time-stamped copy). Exits non-zero
 * when the harness or a service does not work; never because a figure is slow.
 */
public final class Bench {

    private static final String ON = "AUDIT.SNAPSHOTS-ON";
    private static final String OFF = "AUDIT.SNAPSHOTS-OFF";
    /** The services' default snapshot threshold (SNAPSHOT_THRESHOLD), which the snapshot-read baseline copies. */
    private static final int SNAPSHOT_EVERY = 100;

    private final Sizes sizes;
    private final Path root;
    private final Path out;
    private final Postgres postgres = Postgres.fromEnvironment();
    private final EventEncoder encoder = new EventEncoder();
    private final Report report = new Report();
    private final int commandPort = port("BENCH_COMMAND_PORT", 18081);
    private final int queryPort = port("BENCH_QUERY_PORT", 18082);
    private final int idlePort = port("BENCH_IDLE_PORT", 18083);
    private final int webPort = port("BENCH_WEB_PORT", 18084);
    private final List<ServiceProcess> running = new ArrayList<>();

    private Bench(Sizes sizes, Path root, Path out) {
        this.sizes = sizes;
        this.root = root;
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        Sizes sizes = Sizes.FULL;
        Path root = Path.of(".").toAbsolutePath().normalize();
        Path out = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--smoke" -> sizes = Sizes.SMOKE;
                case "--full" -> sizes = Sizes.FULL;
                case "--root" -> root = Path.of(args[++i]).toAbsolutePath().normalize();
                case "--out" -> out = Path.of(args[++i]).toAbsolutePath().normalize();
                default -> {
                    System.err.println("usage: Bench [--smoke|--full] [--root DIR] [--out DIR]");
                    System.exit(2);
                }
            }
        }
        String organisations = System.getenv("BENCH_ORGANISATIONS");
        if (organisations != null && !organisations.isBlank()) {
            // For tuning experiments on a smaller store; the documented figures use the sizes as they are.
            sizes = new Sizes(sizes.name() + "-" + organisations + "-organisations", Integer.parseInt(organisations),
                    sizes.objectivesPerOrganisation(), sizes.measuresPerObjective(), sizes.commandObjectives(), sizes.concurrency(),
                    sizes.warmup(), sizes.window(), sizes.readRequests(), sizes.auditorEvents(), sizes.auditorCommands(),
                    sizes.rebuildWindow());
        }
        Bench bench = new Bench(sizes, root, out != null ? out : root.resolve("bench-results"));
        Runtime.getRuntime().addShutdownHook(new Thread(bench::stopAll));
        System.exit(bench.runAndReport());
    }

    private int runAndReport() throws Exception {
        long started = System.nanoTime();
        stepStarted = started;
        String stamp = OffsetDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        String title = "Quality Ledger benchmark (" + sizes.name() + "), " + OffsetDateTime.now().withNano(0);
        int exit = 0;
        try {
            describeRun();
            run();
        } catch (Throwable failure) {
            exit = 1;
            report.json.put("failure", String.valueOf(failure));
            System.err.println("BENCHMARK FAILED: " + failure);
            failure.printStackTrace();
        } finally {
            for (ServiceProcess process : running) {
                process.close();
            }
        }
        report.json.put("totalSeconds", Latency.round((System.nanoTime() - started) / 1e9));
        report.notes.add("Run took " + Math.round((System.nanoTime() - started) / 1e9) + " s; details in latest-" + sizes.name()
                + ".json; service logs in " + out.relativize(logs()) + ".");
        report.write(out, "latest-" + sizes.name(), title);
        report.write(out, sizes.name() + "-" + stamp, title);
        if (exit == 0 && sizes == Sizes.FULL && !"0".equals(System.getenv("BENCH_WRITE_README"))) {
            report.writeIntoReadme(root.resolve("README.md"), System.getProperty("bench.commit", "unknown"),
                    OffsetDateTime.now().toLocalDate().toString());
            System.out.println("README.md: the table of \"Latest full run\" is this run's (commit it with the code it measured)");
        }
        System.out.println(report.markdown(title));
        System.out.println(exit == 0 ? "Benchmark (" + sizes.name() + ") completed: " + out.resolve("latest-" + sizes.name() + ".md")
                : "Benchmark (" + sizes.name() + ") FAILED");
        return exit;
    }

    private Path logs() {
        return out.resolve("logs-" + sizes.name());
    }

    @SuppressWarnings("unchecked")
    private void run() throws Exception {
        String database = sizes.smoke() ? "ql_bench_smoke" : "ql_bench";
        String proofDatabase = database + "_proof";
        Path commandJar = jar("command-service");
        Path queryJar = jar("query-service");
        Files.createDirectories(logs());
        try (Stream<Path> old = Files.list(logs())) {
            for (Path log : old.toList()) {
                Files.delete(log);
            }
        }
        postgres.recreate(database);
        postgres.recreate(proofDatabase);
        postgres.createEventStore(proofDatabase);
        Map<String, Object> footprint = new LinkedHashMap<>();
        report.json.put("footprint", footprint);

        step("footprint baseline: an idle JDK HTTP server");
        ServiceProcess idle = ServiceProcess.start("idle-jvm", List.of(ServiceProcess.javaExecutable(), "-cp",
                System.getProperty("java.class.path"), IdleServer.class.getName(), String.valueOf(idlePort)), List.of(), idlePort,
                "/actuator/health/readiness", logs(), Duration.ofSeconds(60));
        footprint.put("idleJvm", Map.of("startupSeconds", Latency.round(idle.startupSeconds()), "peakRssMiB", Latency.round(idle.peakRssMiB())));
        idle.close();

        step("command-service: start on an empty database");
        ServiceProcess command = start("command-service", commandJar, "COMMAND_PORT", commandPort, database, List.of());
        HttpJson commands = new HttpJson(commandPort);
        Map<String, Object> commandFootprint = new LinkedHashMap<>();
        commandFootprint.put("startupSecondsEmptyStore", Latency.round(command.startupSeconds()));
        footprint.put("command-service", commandFootprint);
        Map<String, Object> queryFootprint = new LinkedHashMap<>();
        footprint.put("query-service", queryFootprint);
        if (!sizes.smoke()) {
            step("query-service: start on the empty store (start-up time only)");
            ServiceProcess emptyQuery = start("query-service-empty", queryJar, "QUERY_PORT", queryPort, database, List.of());
            queryFootprint.put("startupSecondsEmptyStore", Latency.round(emptyQuery.startupSeconds()));
            stop(emptyQuery);
        }

        step("loader proof: the same story through REST and through the bulk loader");
        report.json.put("loaderProof", LoaderProof.run(commands, postgres, database, proofDatabase, encoder));

        step("bulk load: " + sizes.organisations() + " organisations x " + sizes.objectivesPerOrganisation() + " objectives x "
                + sizes.measuresPerObjective() + " measures, and two objectives of " + sizes.auditorEvents() + " events");
        List<String> organisations = new ArrayList<>();
        List<String> objectives = new ArrayList<>();
        long loadStart = System.nanoTime();
        long loaded;
        try (Connection connection = postgres.connect(database); BulkLoader loader = new BulkLoader(connection, encoder.chain())) {
            for (int o = 1; o <= sizes.organisations(); o++) {
                String organisation = Dataset.organisation(o);
                organisations.add(organisation);
                for (int j = 1; j <= sizes.objectivesPerOrganisation(); j++) {
                    String objective = Dataset.objectiveId(organisation, j);
                    objectives.add(objective);
                    Dataset.load(loader, encoder, objective, Dataset.objective(organisation, j, sizes.measuresPerObjective()));
                }
            }
            Dataset.load(loader, encoder, ON, Dataset.longObjective(ON, sizes.auditorEvents()));
            Dataset.load(loader, encoder, OFF, Dataset.longObjective(OFF, sizes.auditorEvents()));
            loader.flush();
            loaded = loader.written();
        }
        double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
        long storeEvents = postgres.queryLong(database, "SELECT count(*) FROM event_store.domain_event_entry");
        long lastIndex = postgres.queryLong(database, "SELECT max(global_index) FROM event_store.domain_event_entry");
        Map<String, Object> load = new LinkedHashMap<>();
        load.put("eventsLoaded", loaded);
        load.put("seconds", Latency.round(loadSeconds));
        load.put("eventsPerSecond", Latency.round(loaded / loadSeconds));
        load.put("eventStoreEvents", storeEvents);
        load.put("eventStoreBytes", postgres.queryLong(database, "SELECT pg_total_relation_size('event_store.domain_event_entry')"));
        report.json.put("bulkLoad", load);

        step("rebuild: query-service projects " + storeEvents + " events from an empty token store");
        ServiceProcess query = start("query-service", queryJar, "QUERY_PORT", queryPort, database, List.of());
        queryFootprint.put("startupSecondsWithBacklog", Latency.round(query.startupSeconds()));
        Map<String, Object> rebuild = new LinkedHashMap<>();
        rebuild.put("service", Rebuild.observe(postgres, database, query, lastIndex, storeEvents, Duration.ofMinutes(20)));
        step("rebuild baseline: JDBC read + batch upsert");
        rebuild.put("jdbcBaseline", Rebuild.baseline(postgres, database));
        report.json.put("rebuild", rebuild);
        String only = System.getenv("BENCH_ONLY");
        if ("rebuild".equals(only) || "commands".equals(only)) {
            // Tuning experiments on the projection stop here; on the lag, after the command runs of figures 1 and 5 on
            // the caught-up store (no table: see the JSON).
            if ("commands".equals(only)) {
                requireProjected(database, objectives.size());
                report.json.put("commands", commandRuns(commands, database).stream().map(CommandLoad.Run::json).toList());
            }
            stop(query);
            stop(command);
            return;
        }

        step("integrity: the loaded streams' chains verify with the service's verifier");
        requireProjected(database, objectives.size());
        HttpJson reads0 = new HttpJson(queryPort);
        ((Map<String, Object>) report.json.get("loaderProof")).put("integrity", LoaderProof.integrity(reads0, postgres, database,
                List.of(objectives.get(0), objectives.get(objectives.size() - 1), ON, Dataset.objectiveId("PROOF", 1))));

        step("ledger: the first checkpoint builds the Merkle tree over the " + storeEvents + " events; the harness builds it again");
        Map<String, Object> ledger = new LinkedHashMap<>();
        Map<String, Object> ledgerService = LedgerTree.service(queryPort, storeEvents, Duration.ofMinutes(10));
        ledger.put("service", ledgerService);
        ledger.put("baseline", LedgerTree.baseline(postgres, database, (long) ledgerService.get("treeSize")));
        LedgerTree.requireSameRoot(ledgerService, (Map<String, Object>) ledger.get("baseline"));
        report.json.put("ledger", ledger);

        step("read latency: " + sizes.readRequests() + " requests per endpoint");
        Map<String, Object> reads = ReadLatency.run(new HttpJson(queryPort), postgres, database, organisations, objectives,
                sizes.readRequests());
        report.json.put("readLatency", reads);

        step("web pages: " + webRequests() + " of each, signed in through the login form");
        ServiceProcess web = startWeb();
        Map<String, Object> webFootprint = new LinkedHashMap<>();
        webFootprint.put("startupSecondsWithStore", Latency.round(web.startupSeconds()));
        footprint.put("web", webFootprint);
        report.json.put("webPages", WebPages.run(webPort, reads0, objectives, webRequests()));
        webFootprint.put("peakRssMiB", Latency.round(web.peakRssMiB()));
        stop(web);

        step("auditor: full history and state of a " + sizes.auditorEvents() + "-event objective");
        Map<String, Object> auditor = new LinkedHashMap<>();
        auditor.put("history", AuditorReplay.history(reads0, OFF, sizes.auditorEvents(), sizes.auditorCommands() / 2));
        auditor.put("state", AuditorReplay.state(reads0, OFF, sizes.auditorCommands() / 2));
        auditor.put("jdbcReadStream", AuditorReplay.readStream(postgres, database, OFF, sizes.auditorCommands()));

        List<CommandLoad.Run> runs = commandRuns(commands, database);
        List<String> loadObjectives = CommandLoad.objectives(sizes.commandObjectives());
        report.json.put("commands", runs.stream().map(CommandLoad.Run::json).toList());

        step("auditor replay: one command on a " + sizes.auditorEvents() + "-event objective, snapshots on");
        auditor.put("snapshotsOn", AuditorReplay.commands(commands, ON, sizes.auditorCommands()));
        commandFootprint.put("peakRssMiB", Latency.round(command.peakRssMiB()));
        stop(command);

        if (sizes.smoke()) {
            // A third start-up would take CI's smoke run past a minute; the full run restarts without snapshots.
            auditor.put("snapshotsOff", Map.of("skipped", "smoke run"));
        } else {
            step("auditor replay: command-service restarted with snapshots off");
            ServiceProcess noSnapshots = start("command-service-no-snapshots", commandJar, "COMMAND_PORT", commandPort, database,
                    List.of("--quality-ledger.snapshot-threshold=100000000"));
            commandFootprint.put("startupSecondsWithStore", Latency.round(noSnapshots.startupSeconds()));
            HttpJson commandsOff = new HttpJson(commandPort);
            for (int i = 0; i < 20; i++) {
                commandsOff.postOk("/api/objectives/" + loadObjectives.get(i % loadObjectives.size()) + "/evidence", LoaderProof.map(
                        "evidenceId", "EV-warm-" + i + "-" + System.nanoTime(), "occurrenceId", CommandLoad.OCCURRENCE,
                        "document", Dataset.document("1/BC", Dataset.AS_OF)));
            }
            auditor.put("snapshotsOff", AuditorReplay.commands(commandsOff, OFF, sizes.auditorCommands()));
            stop(noSnapshots);
        }
        report.json.put("auditorReplay", auditor);

        step("rebuild through the service: POST /api/admin/projections/objective-progress/rebuild (at most "
                + sizes.rebuildWindow().toSeconds() + " s)");
        rebuild.put("rebuildEndpoint", Rebuild.endpoint(new HttpJson(queryPort), sizes.rebuildWindow()));
        queryFootprint.put("peakRssMiB", Latency.round(query.peakRssMiB()));
        stop(query);
        table(runs);
    }

    /** Figures 1 and 5: the command runs at each concurrency, with their baselines and the propagation lag. */
    private List<CommandLoad.Run> commandRuns(HttpJson commands, String database) throws Exception {
        step("command throughput and propagation lag");
        List<String> loadObjectives = CommandLoad.setUp(commands, sizes.commandObjectives());
        try (Connection connection = postgres.connect(database)) {
            CommandLoad.setUpBaseline(connection);
        }
        List<CommandLoad.Run> runs = new ArrayList<>();
        for (int clients : sizes.concurrency()) {
            runs.add(CommandLoad.rawInserts(postgres, database, encoder, clients, sizes.warmup(), sizes.window()));
            try (CommandLoad.LagWatcher lag = new CommandLoad.LagWatcher(postgres, database)) {
                runs.add(CommandLoad.service(commands, "spread over " + loadObjectives.size() + " objectives", loadObjectives,
                        clients, sizes.warmup(), sizes.window(), lag));
            }
            try (CommandLoad.LagWatcher lag = new CommandLoad.LagWatcher(postgres, database)) {
                runs.add(CommandLoad.service(commands, "one objective", List.of(loadObjectives.get(0)), clients, sizes.warmup(),
                        sizes.window(), lag));
            }
            // After the service's runs, so that the store has a real snapshot (the one objective's) to read.
            runs.add(CommandLoad.snapshotThenInsert(postgres, database, encoder, clients, SNAPSHOT_EVERY, sizes.warmup(), sizes.window()));
            System.out.printf("  %d clients: %s%n", clients, runs.subList(runs.size() - 4, runs.size()).stream()
                    .map(r -> r.mode() + " " + Report.count(r.perSecond()) + "/s").toList());
        }
        return runs;
    }

    // ---- the table ----------------------------------------------------------------------------------------------------

    @SuppressWarnings("unchecked")
    private void table(List<CommandLoad.Run> runs) {
        // Per concurrency: raw inserts, the two service runs, then the snapshot-read baseline.
        for (int i = 0; i < runs.size(); i += 4) {
            CommandLoad.Run raw = runs.get(i);
            CommandLoad.Run snapshotRead = runs.get(i + 3);
            for (CommandLoad.Run run : runs.subList(i + 1, i + 3)) {
                boolean headline = run.clients() == 8 && run.mode().startsWith("spread");
                double ratio = run.perSecond() / raw.perSecond();
                String conflicts = run.conflicts() > 0 ? ", " + Report.count(run.conflicts()) + " 409s retried" : "";
                report.row("1", "SubmitEvidence, " + run.mode() + ", " + run.clients() + " clients: commands/s (p50 / p99)",
                        Report.count(run.perSecond()) + "/s (" + run.latency().p50p99() + conflicts + ")",
                        "raw insert " + Report.count(raw.perSecond()) + "/s (" + raw.latency().p50p99() + "); read snapshot, then insert "
                                + Report.count(snapshotRead.perSecond()) + "/s (" + snapshotRead.latency().p50p99() + ")",
                        Report.percent(ratio) + " (" + Report.percent(run.perSecond() / snapshotRead.perSecond()) + ")",
                        headline ? "≥ 50 %" : "", headline ? Report.met(Math.min(run.accepted(), raw.accepted()), ratio >= 0.5) : "");
            }
        }
        Map<String, Object> rebuild = (Map<String, Object>) report.json.get("rebuild");
        Map<String, Object> service = (Map<String, Object>) rebuild.get("service");
        Map<String, Object> jdbc = (Map<String, Object>) rebuild.get("jdbcBaseline");
        double serviceRate = (double) service.get("eventsPerSecond");
        double jdbcRate = (double) jdbc.get("eventsPerSecond");
        String jdbcFigure = "JDBC read + batch upsert " + Report.count(jdbcRate) + " events/s (" + jdbc.get("seconds") + " s)";
        report.row("2", "Catch-up of a new objective-progress processor over " + Report.count(((Number) service.get("events")).doubleValue())
                        + " events", Report.count(serviceRate) + " events/s (" + service.get("seconds") + " s)", jdbcFigure,
                Report.percent(serviceRate / jdbcRate), "≥ 25,000 events/s", Report.met(((Number) service.get("eventsTimed")).longValue(), serviceRate >= 25_000));
        Map<String, Object> rebuildEndpoint = (Map<String, Object>) rebuild.get("rebuildEndpoint");
        double rebuildRate = (double) rebuildEndpoint.get("eventsPerSecond");
        boolean finished = Boolean.TRUE.equals(rebuildEndpoint.get("finished"));
        report.row("2", "Rebuild through POST …/objective-progress/rebuild (shadow tables, reads go on)",
                Report.count(rebuildRate) + " events/s (" + (finished ? rebuildEndpoint.get("seconds") + " s"
                        : "over its first " + Math.round((double) rebuildEndpoint.get("seconds")) + " s; all: ~"
                        + Math.round((double) rebuildEndpoint.get("estimatedSecondsForAll")) + " s") + ")", jdbcFigure,
                Report.percent(rebuildRate / jdbcRate), "≥ 25,000 events/s", Report.met(rebuildRate > 0 ? 1 : 0, rebuildRate >= 25_000));
        Map<String, Object> reads = (Map<String, Object>) report.json.get("readLatency");
        reads.forEach((endpoint, value) -> {
            Map<String, Object> s = (Map<String, Object>) ((Map<String, Object>) value).get("service");
            Map<String, Object> b = (Map<String, Object>) ((Map<String, Object>) value).get("sqlOverJdbc");
            double p99 = (double) s.get("p99Ms");
            report.row("3", capitalised(endpoint) + " (p50 / p99)", Report.ms((double) s.get("p50Ms")) + " / " + Report.ms(p99) + " ms",
                    "same SQL " + Report.ms((double) b.get("p50Ms")) + " / " + Report.ms((double) b.get("p99Ms")) + " ms",
                    Report.times(p99 / (double) b.get("p99Ms")), "p99 < 20 ms", Report.met(Report.samples(s), p99 < 20));
        });
        Map<String, Object> auditor = (Map<String, Object>) report.json.get("auditorReplay");
        Map<String, Object> on = (Map<String, Object>) auditor.get("snapshotsOn");
        Map<String, Object> off = (Map<String, Object>) auditor.get("snapshotsOff");
        Map<String, Object> stream = (Map<String, Object>) auditor.get("jdbcReadStream");
        Map<String, Object> streamLatency = (Map<String, Object>) stream.get("latency");
        String streamFigure = "reading its " + Report.count(((Number) stream.get("rows")).doubleValue()) + " rows "
                + Report.ms((double) streamLatency.get("p50Ms")) + " ms (p50)";
        Map<String, Object> history = (Map<String, Object>) ((Map<String, Object>) auditor.get("history")).get("latency");
        Map<String, Object> state = (Map<String, Object>) ((Map<String, Object>) auditor.get("state")).get("latency");
        double historyP99 = (double) history.get("p99Ms");
        report.row("4", "Full history of a " + Report.count(sizes.auditorEvents()) + "-event objective, all pages of 1,000 (p50 / p99)",
                Report.ms((double) history.get("p50Ms")) + " / " + Report.ms(historyP99) + " ms", streamFigure,
                Report.times((double) history.get("p50Ms") / (double) streamLatency.get("p50Ms")), "< 300 ms",
                Report.met(Report.samples(history), historyP99 < 300));
        report.row("4", "Its state at an instant (/state?at=, p50 / p99)",
                Report.ms((double) state.get("p50Ms")) + " / " + Report.ms((double) state.get("p99Ms")) + " ms", streamFigure,
                Report.times((double) state.get("p50Ms") / (double) streamLatency.get("p50Ms")), "", "");
        Map<String, Object> onLater = (Map<String, Object>) on.get("laterCommands");
        Map<String, Object> offLater = (Map<String, Object>) off.get("laterCommands");
        report.row("4", "One command on a " + Report.count(sizes.auditorEvents()) + "-event objective, snapshots every 100 (p50 / p99)",
                Report.ms((double) onLater.get("p50Ms")) + " / " + Report.ms((double) onLater.get("p99Ms")) + " ms (first, no snapshot yet: "
                        + Report.ms((double) on.get("firstCommandMs")) + " ms)",
                streamFigure, "", "", "");
        if (offLater != null) {
            report.row("4", "The same, snapshots off: full replay per command (p50 / p99)",
                    Report.ms((double) offLater.get("p50Ms")) + " / " + Report.ms((double) offLater.get("p99Ms")) + " ms",
                    streamFigure, Report.times((double) offLater.get("p50Ms") / (double) streamLatency.get("p50Ms")), "", "");
        }
        for (CommandLoad.Run run : runs) {
            if (run.lag() == null || !run.mode().startsWith("spread")) {
                continue;
            }
            boolean headline = run.clients() == 8;
            report.row("5", "Propagation lag, spread load, " + run.clients() + " clients (p50 / p99)", run.lag().p50p99(),
                    "poll interval 2 ms + query", "", headline ? "p99 < 250 ms" : "",
                    headline ? Report.met(run.lag().count(), run.lag().p99() < 250) : "");
        }
        Map<String, Object> ledger = (Map<String, Object>) report.json.get("ledger");
        Map<String, Object> tree = (Map<String, Object>) ledger.get("service");
        Map<String, Object> treeBaseline = (Map<String, Object>) ledger.get("baseline");
        double treeRate = (double) tree.get("eventsPerSecond");
        report.row("8", "Ledger: first checkpoint, the Merkle tree over " + Report.count(((Number) tree.get("treeSize")).doubleValue())
                        + " events (the next, nothing new: " + Report.ms((double) tree.get("nextCheckpointMillis")) + " ms)",
                Report.count(treeRate) + " events/s (" + tree.get("firstCheckpointSeconds") + " s)",
                "JDBC read + the same hashing in the harness " + Report.count((double) treeBaseline.get("eventsPerSecond"))
                        + " events/s (" + treeBaseline.get("seconds") + " s); same root",
                Report.percent(treeRate / (double) treeBaseline.get("eventsPerSecond")), "", "");
        Map<String, Object> footprint = (Map<String, Object>) report.json.get("footprint");
        Map<String, Object> idle = (Map<String, Object>) footprint.get("idleJvm");
        String idleFigure = "idle JDK HTTP server: " + idle.get("startupSeconds") + " s, " + Report.count((double) idle.get("peakRssMiB")) + " MiB";
        for (String name : List.of("command-service", "query-service", "web")) {
            Map<String, Object> f = (Map<String, Object>) footprint.get(name);
            StringBuilder startup = new StringBuilder();
            f.forEach((key, value) -> {
                if (key.startsWith("startupSeconds")) {
                    startup.append(startup.isEmpty() ? "" : ", ").append(value).append(" s ")
                            .append(key.replace("startupSeconds", "").replaceAll("([A-Z])", " $1").trim().toLowerCase());
                }
            });
            report.row("6", capitalised(name) + ": start-up; peak RSS", startup + "; " + Report.count((double) f.get("peakRssMiB")) + " MiB",
                    idleFigure, "", "", "");
        }
        Map<String, Object> pages = (Map<String, Object>) report.json.get("webPages");
        pages.forEach((page, value) -> {
            Map<String, Object> s = (Map<String, Object>) ((Map<String, Object>) value).get("page");
            Map<String, Object> b = (Map<String, Object>) ((Map<String, Object>) value).get("apiReads");
            double p99 = (double) s.get("p99Ms");
            report.row("7", "Web: " + page + " (p50 / p99)", Report.ms((double) s.get("p50Ms")) + " / " + Report.ms(p99) + " ms",
                    "its API reads " + Report.ms((double) b.get("p50Ms")) + " / " + Report.ms((double) b.get("p99Ms")) + " ms",
                    Report.times(p99 / (double) b.get("p99Ms")), "p99 < 500 ms", Report.met(Report.samples(s), p99 < 500));
        });
        report.notes.add("Sizes: " + sizes + ".");
        report.notes.add("Ratio: service ÷ baseline for throughput; service p99 ÷ baseline p99 for read latency; service p50 ÷ JDBC p50 for the auditor rows.");
    }

    // ---- helpers ------------------------------------------------------------------------------------------------------

    private ServiceProcess start(String name, Path jar, String portVariable, int port, String database, List<String> arguments)
            throws Exception {
        List<String> all = new ArrayList<>(arguments);
        String extra = System.getenv(name.startsWith("command") ? "BENCH_COMMAND_ARGS" : "BENCH_QUERY_ARGS");
        if (extra != null && !extra.isBlank()) {
            all.addAll(List.of(extra.trim().split("\\s+")));
            report.notes.add(name + " ran with " + extra.trim() + ".");
        }
        ServiceProcess process = ServiceProcess.startService(name, jar, portVariable, port, postgres, database, all, logs());
        running.add(process);
        System.out.printf("  %s ready in %.1f s (pid %d)%n", name, process.startupSeconds(), process.pid());
        return process;
    }

    /** The web application's jar, pointed at the two services, as run.sh starts it. */
    private ServiceProcess startWeb() throws Exception {
        List<String> command = List.of(ServiceProcess.javaExecutable(), "-jar", jar("web").toString(), "--server.port=" + webPort);
        List<String> environment = List.of("WEB_PORT=" + webPort, "COMMAND_SERVICE_URL=http://127.0.0.1:" + commandPort,
                "QUERY_SERVICE_URL=http://127.0.0.1:" + queryPort);
        ServiceProcess process = ServiceProcess.start("web", command, environment, webPort, "/actuator/health/readiness", logs(),
                Duration.ofSeconds(120));
        running.add(process);
        System.out.printf("  web ready in %.1f s (pid %d)%n", process.startupSeconds(), process.pid());
        return process;
    }

    /** Pages render and call the services several times each: a tenth of the API reads' requests. */
    private int webRequests() {
        return Math.max(5, sizes.readRequests() / 10);
    }

    /** On Ctrl-C or a kill: the services must not outlive the harness. */
    private void stopAll() {
        for (ServiceProcess process : List.copyOf(running)) {
            try {
                process.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void stop(ServiceProcess process) throws InterruptedException {
        process.close();
        running.remove(process);
    }

    private void requireProjected(String database, int objectives) throws Exception {
        long projected = postgres.queryLong(database, "SELECT count(*) FROM query.objective WHERE organisation_id LIKE 'ORG%'");
        if (projected != objectives) {
            throw new BenchFailure("the read model holds " + projected + " of the " + objectives + " loaded objectives");
        }
    }

    private Path jar(String module) throws Exception {
        try (Stream<Path> files = Files.list(root.resolve(module).resolve("target"))) {
            return files.filter(p -> p.getFileName().toString().matches(module + "-.*-exec\\.jar")).findFirst()
                    .orElseThrow(() -> new BenchFailure("no " + module + "/target/" + module + "-*-exec.jar; build with ./mvnw -DskipTests package"));
        } catch (java.nio.file.NoSuchFileException e) {
            throw new BenchFailure("no " + module + "/target; build with ./mvnw -DskipTests package");
        }
    }

    private void describeRun() throws Exception {
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("mode", sizes.name());
        run.put("startedAt", OffsetDateTime.now().withNano(0).toString());
        run.put("commit", System.getProperty("bench.commit", "unknown"));
        run.put("cores", Runtime.getRuntime().availableProcessors());
        run.put("java", System.getProperty("java.version"));
        run.put("sizes", sizes.toString());
        try (Connection connection = postgres.connect("postgres"); Statement statement = connection.createStatement()) {
            for (String setting : List.of("server_version", "shared_buffers", "synchronous_commit", "max_connections", "work_mem")) {
                try (ResultSet rs = statement.executeQuery("SHOW " + setting)) {
                    rs.next();
                    run.put("postgres." + setting, rs.getString(1));
                }
            }
        }
        report.json.put("run", run);
        System.out.println("Benchmark (" + sizes.name() + "): " + run);
    }

    private long stepStarted = System.nanoTime();

    private void step(String what) {
        System.out.printf("== [%5.1f s] %s%n", (System.nanoTime() - stepStarted) / 1e9, what);
    }

    private static String capitalised(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static int port(String variable, int fallback) {
        String value = System.getenv(variable);
        return value == null || value.isEmpty() ? fallback : Integer.parseInt(value);
    }
}
