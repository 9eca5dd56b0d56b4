package vn.qualityledger.bench;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Figure 2: how fast query-service's objective-progress projection builds its tables from an event store of a million
 * events, and how fast plain JDBC reads the same rows and batch-upserts an equivalent read table.
 * <p>
 * The service is started on the loaded store with no token (what a reset and replay amounts to: the reset handler
 * empties the tables and the stream starts again from the first event); its progress is read from query.token_entry,
 * the position being the lowest index over the processor's segments.
 */
final class Rebuild {

    private Rebuild() {
    }

    /** The processor's position: the lowest token index over its segments (0 while a segment has none yet). */
    static long position(Connection connection) throws SQLException {
        long lowest = Long.MAX_VALUE;
        int segments = 0;
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("""
                     SELECT convert_from(token, 'UTF8') FROM query.token_entry WHERE processor_name = 'objective-progress'""")) {
            while (rs.next()) {
                segments++;
                String token = rs.getString(1);
                lowest = Math.min(lowest, token == null ? 0 : index(HttpJson.JSON.readTree(token)));
            }
        } catch (SQLException noTableYet) {
            if ("42P01".equals(noTableYet.getSQLState())) {
                return 0;
            }
            throw noTableYet;
        }
        return segments == 0 ? 0 : lowest;
    }

    /** A tracking token's index; a replay token counts by its current token (none yet: 0). */
    private static long index(JsonNode token) {
        if (token == null || token.isNull()) {
            return 0;
        }
        if (token.has("index")) {
            return token.get("index").asLong();
        }
        if (token.has("globalIndex")) {
            return token.get("globalIndex").asLong();
        }
        if (token.has("currentToken")) {
            return index(token.get("currentToken"));
        }
        throw new BenchFailure("unexpected token in query.token_entry: " + token);
    }

    /** Waits until the processor has handled every event up to {@code lastIndex}; the rate is from first progress on. */
    static Map<String, Object> observe(Postgres postgres, String database, ServiceProcess query, long lastIndex, long events,
                                       Duration timeout) throws Exception {
        try (Connection connection = postgres.connect(database)) {
            connection.setAutoCommit(true);
            long deadline = System.nanoTime() + timeout.toNanos();
            long firstAt = 0;
            long firstPosition = 0;
            while (true) {
                query.requireAlive();
                long now = System.nanoTime();
                long position = position(connection);
                if (firstAt == 0 && position > 0) {
                    firstAt = now;
                    firstPosition = position;
                }
                if (position >= lastIndex) {
                    double seconds = (now - firstAt) / 1e9;
                    double sinceSpawn = (now - query.spawnedNanos()) / 1e9;
                    Map<String, Object> result = new LinkedHashMap<>();
                    result.put("events", events);
                    result.put("eventsTimed", position - firstPosition);
                    result.put("seconds", Latency.round(seconds));
                    result.put("eventsPerSecond", Latency.round((position - firstPosition) / Math.max(seconds, 1e-3)));
                    result.put("secondsSinceProcessStart", Latency.round(sinceSpawn));
                    return result;
                }
                if (now > deadline) {
                    throw new BenchFailure("the projection reached index " + position + " of " + lastIndex + " within "
                            + timeout.toSeconds() + " s");
                }
                Thread.sleep(200);
            }
        }
    }

    /**
     * The rebuild an operator starts: POST /api/admin/projections/objective-progress/rebuild (into shadow tables while
     * the live ones keep serving), followed at GET for at most {@code window}: a million events take longer than the
     * full run can spend, so its rate is taken over the window (from the first progress seen to the last) when it has
     * not finished by then. The harness does this last and then stops the service, which abandons the rebuild.
     */
    static Map<String, Object> endpoint(HttpJson query, Duration window) throws Exception {
        String path = "/api/admin/projections/objective-progress";
        query.postOk(path + "/rebuild", "{}");
        long deadline = System.nanoTime() + window.toNanos();
        long firstAt = 0;
        long firstProcessed = 0;
        while (true) {
            long now = System.nanoTime();
            JsonNode progress = query.getOk(path);
            String state = progress.get("state").asString();
            long processed = progress.get("eventsProcessed").asLong();
            Map<String, Object> result = new LinkedHashMap<>();
            if ("DONE".equals(state)) {
                java.time.Instant started = java.time.Instant.parse(progress.get("startedAt").asString());
                java.time.Instant finished = java.time.Instant.parse(progress.get("finishedAt").asString());
                double seconds = Duration.between(started, finished).toMillis() / 1000.0;
                result.put("finished", true);
                result.put("events", processed);
                result.put("seconds", Latency.round(seconds));
                result.put("eventsPerSecond", Latency.round(processed / Math.max(seconds, 1e-3)));
                return result;
            }
            if (!"RUNNING".equals(state)) {
                throw new BenchFailure("the rebuild failed: " + progress);
            }
            if (firstAt == 0 && processed > 0) {
                firstAt = now;
                firstProcessed = processed;
            }
            if (now > deadline && firstAt != 0 && processed > firstProcessed) {
                double seconds = (now - firstAt) / 1e9;
                double rate = (processed - firstProcessed) / seconds;
                long total = progress.get("eventsTotal").asLong();
                result.put("finished", false);
                result.put("events", total);
                result.put("eventsTimed", processed - firstProcessed);
                result.put("seconds", Latency.round(seconds));
                result.put("eventsPerSecond", Latency.round(rate));
                result.put("estimatedSecondsForAll", Latency.round(total / rate));
                return result;
            }
            if (now > deadline + window.toNanos()) {
                throw new BenchFailure("the rebuild made no progress: " + progress);
            }
            Thread.sleep(500);
        }
    }

    /**
     * The baseline: one connection streams the event rows in global order (fetch size 2,000), each payload is parsed
     * as JSON and becomes one keyed row (a measure's plan also one row per occurrence) upserted into
     * bench_baseline.read_row over a second connection, 1,000 events per transaction, the rows of a batch sent as one
     * multi-row statement (repeats of a key within a batch coalesced, last wins).
     */
    static Map<String, Object> baseline(Postgres postgres, String database) throws SQLException {
        try (Connection reader = postgres.connect(database); Connection writer = postgres.connect(database, true)) {
            try (Statement statement = writer.createStatement()) {
                statement.execute("CREATE SCHEMA IF NOT EXISTS bench_baseline");
                statement.execute("DROP TABLE IF EXISTS bench_baseline.read_row");
                statement.execute("""
                        CREATE TABLE bench_baseline.read_row (objective_id VARCHAR(128) NOT NULL, row_id VARCHAR(128) NOT NULL,
                            kind VARCHAR(64) NOT NULL, global_index BIGINT NOT NULL, PRIMARY KEY (objective_id, row_id))""");
            }
            reader.setAutoCommit(false);
            writer.setAutoCommit(false);
            long start = System.nanoTime();
            long events = 0;
            long rows = 0;
            Map<String, String[]> batch = new LinkedHashMap<>();
            try (PreparedStatement read = reader.prepareStatement(
                    "SELECT global_index, payload_type, payload FROM event_store.domain_event_entry ORDER BY global_index");
                 PreparedStatement upsert = writer.prepareStatement("""
                         INSERT INTO bench_baseline.read_row (objective_id, row_id, kind, global_index) VALUES (?, ?, ?, ?)
                         ON CONFLICT (objective_id, row_id) DO UPDATE SET kind = EXCLUDED.kind, global_index = EXCLUDED.global_index""")) {
                read.setFetchSize(2_000);
                try (ResultSet rs = read.executeQuery()) {
                    while (rs.next()) {
                        String index = Long.toString(rs.getLong(1));
                        String type = rs.getString(2);
                        String kind = type.substring(type.lastIndexOf('.') + 1);
                        JsonNode payload = HttpJson.JSON.readTree(new String(rs.getBytes(3), StandardCharsets.UTF_8));
                        String objective = payload.get("objectiveId").asString();
                        String key = key(payload);
                        batch.put(objective + "\u0000" + key, new String[] {objective, key, kind, index});
                        if (payload.has("occurrences")) {
                            for (JsonNode occurrence : payload.get("occurrences")) {
                                String occurrenceId = occurrence.get("occurrenceId").asString();
                                batch.put(objective + "\u0000" + occurrenceId, new String[] {objective, occurrenceId, kind, index});
                            }
                        }
                        if (++events % 1_000 == 0) {
                            rows += flush(upsert, batch);
                            writer.commit();
                        }
                    }
                }
                rows += flush(upsert, batch);
                writer.commit();
            }
            reader.commit();
            double seconds = (System.nanoTime() - start) / 1e9;
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("events", events);
            result.put("rowsUpserted", rows);
            result.put("seconds", Latency.round(seconds));
            result.put("eventsPerSecond", Latency.round(events / seconds));
            return result;
        }
    }

    private static String key(JsonNode payload) {
        for (String field : new String[] {"evidenceId", "measurementId", "occurrenceId", "measureId"}) {
            JsonNode value = payload.get(field);
            if (value != null && !value.isNull() && value.isString()) {
                return value.asString();
            }
            if (value != null && value.isObject() && value.has("occurrenceId")) {
                return value.get("occurrenceId").asString();
            }
        }
        return "objective";
    }

    private static long flush(PreparedStatement upsert, Map<String, String[]> batch) throws SQLException {
        for (String[] row : batch.values()) {
            upsert.setString(1, row[0]);
            upsert.setString(2, row[1]);
            upsert.setString(3, row[2]);
            upsert.setLong(4, Long.parseLong(row[3]));
            upsert.addBatch();
        }
        int n = batch.size();
        if (n > 0) {
            upsert.executeBatch();
        }
        batch.clear();
        return n;
    }
}
