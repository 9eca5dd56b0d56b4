package vn.qualityledger.bench;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;
import vn.qualityledger.api.objective.EvidenceId;
import vn.qualityledger.api.objective.EvidenceSubmittedEvent;
import vn.qualityledger.api.objective.MeasureId;
import vn.qualityledger.api.objective.ObjectiveId;
import vn.qualityledger.api.objective.OccurrenceId;

/**
 * Figures 1 and 5: SubmitEvidence through the REST API by concurrent clients, spread over many objectives (each client
 * its own share, so no two commands race for one stream) or all on one objective (they race: a 409 is retried, as a
 * client would, and counted), with the propagation lag of every accepted command measured meanwhile. Baselines, by as
 * many clients: raw JDBC single-row insert transactions into a table shaped like the event table; and transactions that
 * read the stream's snapshot and later events before that insert.
 */
final class CommandLoad {

    static final String OCCURRENCE = "I.1@2023-12-31";

    /** One run: accepted commands per second in the window, their latency, 409s retried, and their propagation lag. */
    record Run(String mode, int clients, long accepted, double perSecond, Latency latency, long conflicts, Latency lag) {

        Map<String, Object> json() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("mode", mode);
            json.put("clients", clients);
            json.put("accepted", accepted);
            json.put("perSecond", Latency.round(perSecond));
            json.put("latency", latency.summary());
            json.put("conflictsRetried", conflicts);
            if (lag != null) {
                json.put("propagationLag", lag.summary());
            }
            return json;
        }
    }

    private CommandLoad() {
    }

    /** The ids of the objectives {@link #setUp} defines. */
    static List<String> objectives(int objectives) {
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= objectives; i++) {
            ids.add(Dataset.objectiveId("LOAD", i));
        }
        return ids;
    }

    /** Defines the objectives the load runs on (over REST, the real path), each with one monthly measure. */
    static List<String> setUp(HttpJson commands, int objectives) throws Exception {
        List<String> ids = objectives(objectives);
        for (int i = 1; i <= objectives; i++) {
            String id = ids.get(i - 1);
            var defined = Dataset.defined("LOAD", id, i);
            commands.postOk("/api/objectives", LoaderProof.map("objectiveId", id, "organisationId", "LOAD", "year", Dataset.YEAR,
                    "code", defined.code(), "statement", defined.statement()));
            commands.postOk("/api/objectives/" + id + "/measures", LoaderProof.map("measureId", "I.1", "details", Dataset.measureDetails(1)));
        }
        return ids;
    }

    /**
     * Runs {@code clients} clients for warm-up plus window; only commands completed inside the window count.
     *
     * @param objectives the objectives; client k takes those whose position is k modulo the number of clients
     * @param lag        tracks the propagation of each counted command, or null
     */
    static Run service(HttpJson commands, String mode, List<String> objectives, int clients, Duration warmup, Duration window,
                       LagWatcher lag) throws InterruptedException {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        long start = System.nanoTime();
        long windowStart = start + warmup.toNanos();
        long end = windowStart + window.toNanos();
        Latency[] latencies = new Latency[clients];
        long[] accepted = new long[clients];
        long[] conflicts = new long[clients];
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        for (int k = 0; k < clients; k++) {
            int client = k;
            latencies[k] = new Latency();
            List<String> mine = new ArrayList<>();
            for (int i = client; i < objectives.size(); i += clients) {
                mine.add(objectives.get(i));
            }
            if (mine.isEmpty()) {
                mine.add(objectives.get(client % objectives.size()));
            }
            threads.add(new Thread(() -> {
                try {
                    for (long n = 0; System.nanoTime() < end && failure.get() == null; n++) {
                        String objective = mine.get((int) (n % mine.size()));
                        String evidence = "EV-" + tag + "-" + client + "-" + n;
                        String body = "{\"evidenceId\":\"" + evidence + "\",\"occurrenceId\":\"" + OCCURRENCE
                                + "\",\"document\":{\"number\":\"" + n + "/BC\",\"date\":\"2023-12-20\",\"issuer\":\"Văn phòng Sở\","
                                + "\"title\":\"Báo cáo kết quả thực hiện\"}}";
                        long sent = System.nanoTime();
                        while (true) {
                            HttpJson.Response response = commands.post("/api/objectives/" + objective + "/evidence", body);
                            if (response.status() == 201) {
                                break;
                            }
                            if (response.status() != 409) {
                                throw new BenchFailure("SubmitEvidence answered " + response.status() + ": " + response.body());
                            }
                            conflicts[client]++;
                        }
                        long acknowledged = System.nanoTime();
                        if (sent >= windowStart && acknowledged <= end) {
                            latencies[client].recordNanos(acknowledged - sent);
                            accepted[client]++;
                            if (lag != null) {
                                lag.track(objective, evidence, acknowledged);
                            }
                        }
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            }));
        }
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            thread.join();
        }
        if (failure.get() != null) {
            throw new BenchFailure("command load (" + mode + ", " + clients + " clients) failed: " + failure.get(), failure.get());
        }
        Latency all = new Latency();
        long total = 0;
        long conflicted = 0;
        for (int k = 0; k < clients; k++) {
            all.add(latencies[k]);
            total += accepted[k];
            conflicted += conflicts[k];
        }
        Latency lagged = lag == null ? null : lag.finish(Duration.ofSeconds(60));
        return new Run(mode, clients, total, total / (window.toNanos() / 1e9), all, conflicted, lagged);
    }

    /**
     * Creates bench_baseline.domain_event_entry and bench_baseline.snapshot_event_entry: event_store's tables with all
     * their constraints, and the events' own sequence.
     */
    static void setUpBaseline(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA IF NOT EXISTS bench_baseline");
            statement.execute("DROP TABLE IF EXISTS bench_baseline.domain_event_entry");
            statement.execute("CREATE TABLE bench_baseline.domain_event_entry (LIKE event_store.domain_event_entry INCLUDING ALL)");
            statement.execute("CREATE SEQUENCE IF NOT EXISTS bench_baseline.domain_event_entry_seq");
            statement.execute("DROP TABLE IF EXISTS bench_baseline.snapshot_event_entry");
            statement.execute("CREATE TABLE bench_baseline.snapshot_event_entry (LIKE event_store.snapshot_event_entry INCLUDING ALL)");
        }
    }

    /** What one client does in one transaction; {@code n} counts its transactions from 0. */
    @FunctionalInterface
    private interface Transaction {
        void run(long n) throws SQLException;
    }

    /** Prepares one client's statements on its own connection. */
    @FunctionalInterface
    private interface Client {
        Transaction open(Connection connection, String stream) throws SQLException;
    }

    /** The baseline: each client inserts one event row per autocommit transaction, as fast as it can. */
    static Run rawInserts(Postgres postgres, String database, EventEncoder encoder, int clients, Duration warmup, Duration window)
            throws Exception {
        EventEncoder.Row sample = sample(encoder);
        return jdbcClients("raw JDBC insert", postgres, database, clients, warmup, window, (connection, stream) -> {
            connection.setAutoCommit(true);
            PreparedStatement insert = connection.prepareStatement(INSERT_EVENT);
            return n -> insertEvent(insert, sample, stream, n);
        });
    }

    /**
     * The second baseline, the design's own cost apart from the framework's: each transaction reads its stream's newest
     * snapshot (a real one of the store, the largest there is) and the events after it, then inserts one event row, and
     * every {@code snapshotEvery} events rewrites the snapshot in the same transaction, as a stream snapshotted every
     * 100 events would be read and written.
     */
    static Run snapshotThenInsert(Postgres postgres, String database, EventEncoder encoder, int clients, int snapshotEvery,
                                  Duration warmup, Duration window) throws Exception {
        EventEncoder.Row sample = sample(encoder);
        byte[] snapshot;
        try (Connection connection = postgres.connect(database); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(
                     "SELECT payload FROM event_store.snapshot_event_entry ORDER BY length(payload) DESC LIMIT 1")) {
            snapshot = rs.next() ? rs.getBytes(1) : sample.payload();
        }
        return jdbcClients("read snapshot, then insert", postgres, database, clients, warmup, window, (connection, stream) -> {
            connection.setAutoCommit(false);
            PreparedStatement readSnapshot = connection.prepareStatement("""
                    SELECT sequence_number, payload, meta_data FROM bench_baseline.snapshot_event_entry
                    WHERE aggregate_identifier = ? ORDER BY sequence_number DESC LIMIT 1""");
            PreparedStatement readLater = connection.prepareStatement("""
                    SELECT sequence_number, payload, meta_data FROM bench_baseline.domain_event_entry
                    WHERE aggregate_identifier = ? AND sequence_number > ? ORDER BY sequence_number""");
            PreparedStatement insert = connection.prepareStatement(INSERT_EVENT);
            PreparedStatement writeSnapshot = connection.prepareStatement("""
                    INSERT INTO bench_baseline.snapshot_event_entry (aggregate_identifier, sequence_number, type, event_identifier,
                        meta_data, payload, payload_revision, payload_type, time_stamp)
                    VALUES (?, ?, 'Objective', ?, ?, ?, NULL, 'vn.qualityledger.command.objective.Objective', ?)""");
            return n -> {
                long after = -1;
                readSnapshot.setString(1, stream);
                try (ResultSet rs = readSnapshot.executeQuery()) {
                    if (rs.next()) {
                        after = rs.getLong(1);
                        rs.getBytes(2);
                        rs.getBytes(3);
                    }
                }
                readLater.setString(1, stream);
                readLater.setLong(2, after);
                try (ResultSet rs = readLater.executeQuery()) {
                    while (rs.next()) {
                        rs.getBytes(2);
                        rs.getBytes(3);
                    }
                }
                insertEvent(insert, sample, stream, n);
                if (n > 0 && n % snapshotEvery == 0) {
                    writeSnapshot.setString(1, stream);
                    writeSnapshot.setLong(2, n);
                    writeSnapshot.setString(3, UUID.randomUUID().toString());
                    writeSnapshot.setBytes(4, sample.metaData());
                    writeSnapshot.setBytes(5, snapshot);
                    writeSnapshot.setString(6, sample.timeStamp());
                    writeSnapshot.executeUpdate();
                }
                connection.commit();
            };
        });
    }

    private static final String INSERT_EVENT = """
            INSERT INTO bench_baseline.domain_event_entry (global_index, event_identifier, meta_data, payload,
                payload_revision, payload_type, time_stamp, aggregate_identifier, sequence_number, type)
            VALUES (nextval('bench_baseline.domain_event_entry_seq'), ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private static EventEncoder.Row sample(EventEncoder encoder) {
        return encoder.encode("RAW", 0, new EvidenceSubmittedEvent(new ObjectiveId("RAW"), new EvidenceId("EV-1"),
                new MeasureId("I.1"), new OccurrenceId(OCCURRENCE), Dataset.document("1/BC", Dataset.AS_OF), Dataset.AS_OF),
                UUID.randomUUID().toString(), Instant.now());
    }

    private static void insertEvent(PreparedStatement insert, EventEncoder.Row sample, String stream, long n) throws SQLException {
        insert.setString(1, UUID.randomUUID().toString());
        insert.setBytes(2, sample.metaData());
        insert.setBytes(3, sample.payload());
        insert.setString(4, sample.payloadRevision());
        insert.setString(5, sample.payloadType());
        insert.setString(6, sample.timeStamp());
        insert.setString(7, stream);
        insert.setLong(8, n);
        insert.setString(9, sample.type());
        insert.executeUpdate();
    }

    /** Runs {@code clients} JDBC clients, each on its own connection and stream, for the warm-up and the window. */
    private static Run jdbcClients(String mode, Postgres postgres, String database, int clients, Duration warmup, Duration window,
                                   Client client) throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        long start = System.nanoTime();
        long windowStart = start + warmup.toNanos();
        long end = windowStart + window.toNanos();
        Latency[] latencies = new Latency[clients];
        long[] accepted = new long[clients];
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        for (int k = 0; k < clients; k++) {
            int index = k;
            latencies[k] = new Latency();
            threads.add(new Thread(() -> {
                try (Connection connection = postgres.connect(database)) {
                    Transaction transaction = client.open(connection, "RAW-" + tag + "-" + index);
                    for (long n = 0; System.nanoTime() < end; n++) {
                        long sent = System.nanoTime();
                        transaction.run(n);
                        long done = System.nanoTime();
                        if (sent >= windowStart && done <= end) {
                            latencies[index].recordNanos(done - sent);
                            accepted[index]++;
                        }
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            }));
        }
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            thread.join();
        }
        if (failure.get() != null) {
            throw new BenchFailure(mode + " baseline failed: " + failure.get(), failure.get());
        }
        Latency all = new Latency();
        long total = 0;
        for (int k = 0; k < clients; k++) {
            all.add(latencies[k]);
            total += accepted[k];
        }
        return new Run(mode, clients, total, total / (window.toNanos() / 1e9), all, 0, null);
    }

    /**
     * Watches the read model for tracked commands: every few milliseconds one query asks which of the pending evidence
     * rows query-service has written; a row's lag is from its command's acknowledgement to the start of the first
     * query that saw it (so it is at most one poll late).
     */
    static final class LagWatcher implements AutoCloseable {

        private record Pending(String objective, String evidence, long acknowledged) {
        }

        private final ConcurrentLinkedQueue<Pending> incoming = new ConcurrentLinkedQueue<>();
        private final Map<String, Pending> pending = new HashMap<>();
        private final Latency lag = new Latency();
        private final Connection connection;
        private final Thread thread;
        private volatile boolean stop;
        private volatile Throwable failure;

        LagWatcher(Postgres postgres, String database) throws SQLException {
            this.connection = postgres.connect(database);
            this.thread = new Thread(this::watch);
            thread.start();
        }

        void track(String objective, String evidence, long acknowledged) {
            incoming.add(new Pending(objective, evidence, acknowledged));
        }

        private void watch() {
            try (PreparedStatement seen = connection.prepareStatement("""
                    SELECT e.objective_id, e.evidence_id FROM query.evidence e
                    JOIN unnest(?::text[], ?::text[]) AS p(objective_id, evidence_id)
                      ON e.objective_id = p.objective_id AND e.evidence_id = p.evidence_id""")) {
                while (!stop || !incoming.isEmpty() || !pending.isEmpty()) {
                    for (Pending p; (p = incoming.poll()) != null; ) {
                        pending.put(p.objective() + "\u0000" + p.evidence(), p);
                    }
                    if (pending.isEmpty()) {
                        if (stop) {
                            break;
                        }
                        Thread.sleep(2);
                        continue;
                    }
                    List<String> objectives = new ArrayList<>(pending.size());
                    List<String> evidence = new ArrayList<>(pending.size());
                    pending.values().forEach(p -> {
                        objectives.add(p.objective());
                        evidence.add(p.evidence());
                    });
                    long polled = System.nanoTime();
                    Array objectiveArray = connection.createArrayOf("text", objectives.toArray());
                    Array evidenceArray = connection.createArrayOf("text", evidence.toArray());
                    seen.setArray(1, objectiveArray);
                    seen.setArray(2, evidenceArray);
                    try (ResultSet rs = seen.executeQuery()) {
                        while (rs.next()) {
                            Pending p = pending.remove(rs.getString(1) + "\u0000" + rs.getString(2));
                            if (p != null) {
                                lag.recordNanos(polled - p.acknowledged());
                            }
                        }
                    }
                    Thread.sleep(2);
                }
            } catch (Throwable e) {
                failure = e;
            }
        }

        /** Waits until every tracked command is seen; a command that never reaches the read model fails the run. */
        Latency finish(Duration timeout) throws InterruptedException {
            stop = true;
            thread.join(timeout.toMillis());
            if (thread.isAlive()) {
                throw new BenchFailure(pending.size() + " accepted commands did not reach the read model within "
                        + timeout.toSeconds() + " s");
            }
            if (failure != null) {
                throw new BenchFailure("propagation watcher failed: " + failure, failure);
            }
            return lag;
        }

        @Override
        public void close() throws SQLException {
            stop = true;
            connection.close();
        }
    }
}
