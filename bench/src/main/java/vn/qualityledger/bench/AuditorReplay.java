package vn.qualityledger.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Figure 4, on an objective whose stream holds 10,000 events: the time query-service takes to return its full history
 * (every page of /history, 1,000 events a page) and its state at an instant (/state?at=, the whole stream replayed),
 * and the time command-service takes to load it as an aggregate, seen as the latency of one command on it. With
 * snapshots (every 100 events, the default) the first command reads the whole stream and leaves a snapshot; later ones
 * read the snapshot and the events after it. Without snapshots every command reads the whole stream. Baseline:
 * reading the stream's rows over JDBC.
 */
final class AuditorReplay {

    private AuditorReplay() {
    }

    /** Every page of the objective's history, {@code count} times after two unrecorded reads. */
    static Map<String, Object> history(HttpJson query, String objective, long expectedEvents, int count) throws Exception {
        Latency latency = new Latency();
        for (int i = 0; i < count + 2; i++) {
            long start = System.nanoTime();
            long events = 0;
            long pages = 1;
            for (int page = 0; page < pages; page++) {
                var response = query.getOk("/api/objectives/" + objective + "/history?size=1000&page=" + page);
                pages = response.get("totalPages").asLong();
                events += response.get("content").size();
            }
            if (events != expectedEvents) {
                throw new BenchFailure("the history of " + objective + " returned " + events + " events, expected " + expectedEvents);
            }
            if (i >= 2) {
                latency.recordNanos(System.nanoTime() - start);
            }
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("events", expectedEvents);
        result.put("latency", latency.summary());
        return result;
    }

    /** The objective's state at an instant after its last event, {@code count} times after two unrecorded reads. */
    static Map<String, Object> state(HttpJson query, String objective, int count) throws Exception {
        Latency latency = new Latency();
        String at = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
        for (int i = 0; i < count + 2; i++) {
            long start = System.nanoTime();
            var state = query.getOk("/api/objectives/" + objective + "/state?at=" + at);
            if (!objective.equals(state.get("objectiveId").asString())) {
                throw new BenchFailure("the state of " + objective + " came back as " + state.get("objectiveId"));
            }
            if (i >= 2) {
                latency.recordNanos(System.nanoTime() - start);
            }
        }
        return Map.of("latency", latency.summary());
    }

    /** The first command (a cold load), then {@code count} more, one at a time. */
    static Map<String, Object> commands(HttpJson commands, String objective, int count) throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("firstCommandMs", Latency.round(submit(commands, objective, tag + "-first") / 1e6));
        Latency latency = new Latency();
        for (int i = 0; i < count; i++) {
            latency.recordNanos(submit(commands, objective, tag + "-" + i));
        }
        result.put("laterCommands", latency.summary());
        return result;
    }

    private static long submit(HttpJson commands, String objective, String evidence) throws Exception {
        Map<String, Object> body = LoaderProof.map("evidenceId", "EV-" + evidence, "occurrenceId", CommandLoad.OCCURRENCE,
                "document", Dataset.document("1/BC", Dataset.AS_OF));
        long start = System.nanoTime();
        commands.postOk("/api/objectives/" + objective + "/evidence", body);
        return System.nanoTime() - start;
    }

    /** Reads every row of the stream in order, {@code count} times after two unrecorded reads. */
    static Map<String, Object> readStream(Postgres postgres, String database, String objective, int count) throws Exception {
        Latency latency = new Latency();
        long rows = 0;
        try (Connection connection = postgres.connect(database);
             PreparedStatement read = connection.prepareStatement("""
                     SELECT global_index, event_identifier, meta_data, payload, payload_revision, payload_type, time_stamp,
                            sequence_number, type
                     FROM event_store.domain_event_entry WHERE aggregate_identifier = ? ORDER BY sequence_number""")) {
            read.setString(1, objective);
            read.setFetchSize(1_000);
            for (int i = 0; i < count + 2; i++) {
                long start = System.nanoTime();
                rows = 0;
                try (ResultSet rs = read.executeQuery()) {
                    while (rs.next()) {
                        rs.getBytes(3);
                        rs.getBytes(4);
                        rows++;
                    }
                }
                if (i >= 2) {
                    latency.recordNanos(System.nanoTime() - start);
                }
            }
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("rows", rows);
        result.put("latency", latency.summary());
        return result;
    }
}
