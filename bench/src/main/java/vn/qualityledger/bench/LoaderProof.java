package vn.qualityledger.bench;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;
import vn.qualityledger.api.objective.*;

/**
 * Proves that the bulk loader writes exactly what the service writes. One objective's story is told to the running
 * command-service over REST (define, publish, plan a monthly measure, assign, file evidence, reject it, file again,
 * accept, record a measurement); the same events, built with {@link Dataset}'s methods, go through
 * {@link EventEncoder} and {@link BulkLoader} into a second database. Row by row the two streams must have the same
 * payload JSON (byte for byte), payload type, revision, aggregate type, identifier and sequence number, the same
 * metadata keys, and an ISO-8601 instant as time stamp; otherwise the run fails.
 */
final class LoaderProof {

    private static final Pattern ISO_INSTANT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?Z");

    private LoaderProof() {
    }

    /** @return what was compared, for the report */
    static Map<String, Object> run(HttpJson commands, Postgres postgres, String serviceDatabase, String loaderDatabase,
                                   EventEncoder encoder) throws IOException, InterruptedException, SQLException {
        String organisation = "PROOF";
        String id = Dataset.objectiveId(organisation, 1);
        ObjectiveId objective = new ObjectiveId(id);
        LocalDate today = LocalDate.now(Dataset.AGENCY_ZONE);
        ObjectiveDefinedEvent defined = Dataset.defined(organisation, id, 1);
        MeasurePlannedEvent planned = Dataset.planned(id, 1);
        MeasureId measure = planned.measureId();
        OccurrenceId occurrence = planned.occurrences().get(4).occurrenceId();
        YearMonth may = YearMonth.of(Dataset.YEAR, 5);
        String base = "/api/objectives/" + id;

        List<Object> expected = new ArrayList<>();
        commands.postOk("/api/objectives", map("objectiveId", id, "organisationId", organisation, "year", defined.year(),
                "code", defined.code(), "statement", defined.statement(), "target", target(defined.target())));
        expected.add(defined);
        commands.postOk(base + "/publication", map("decision", Dataset.decision(organisation)));
        expected.add(new ObjectivePublishedEvent(objective, Dataset.decision(organisation)));
        commands.postOk(base + "/measures", map("measureId", measure.value(), "details", planned.details()));
        expected.add(planned);
        commands.postOk(base + "/assignments", map("measureId", measure.value(), "unit", "VP", "person", "Chuyên viên 1"));
        expected.add(new TaskAssignedEvent(objective, measure, null, "VP", "Chuyên viên 1", today));
        var firstDocument = Dataset.document("1/BC", LocalDate.of(Dataset.YEAR, 5, 20));
        commands.postOk(base + "/evidence", map("evidenceId", "EV-1", "occurrenceId", occurrence.value(), "document", firstDocument));
        expected.add(new EvidenceSubmittedEvent(objective, new EvidenceId("EV-1"), measure, occurrence, firstDocument, today));
        commands.postOk(base + "/evidence/EV-1/rejection", map("reason", "Thiếu số liệu"));
        expected.add(new EvidenceRejectedEvent(objective, new EvidenceId("EV-1"), measure, occurrence, "Thiếu số liệu", today));
        var secondDocument = Dataset.document("2/BC", LocalDate.of(Dataset.YEAR, 5, 25));
        commands.postOk(base + "/evidence", map("evidenceId", "EV-2", "occurrenceId", occurrence.value(), "document", secondDocument));
        expected.add(new EvidenceSubmittedEvent(objective, new EvidenceId("EV-2"), measure, occurrence, secondDocument, today));
        commands.postOk(base + "/evidence/EV-2/acceptance", map());
        expected.add(new EvidenceAcceptedEvent(objective, new EvidenceId("EV-2"), measure, occurrence, today, today));
        BigDecimal value = BigDecimal.valueOf(965, 1);
        commands.postOk(base + "/measurements", map("measurementId", "KQ-2023-05",
                "period", new Period(may.atDay(1), may.atEndOfMonth()), "value", value, "source", "Báo cáo tháng"));
        expected.add(new MeasurementRecordedEvent(objective, new MeasurementId("KQ-2023-05"), new Period(may.atDay(1), may.atEndOfMonth()),
                null, null, value, "Báo cáo tháng", today));
        if (!LocalDate.now(Dataset.AGENCY_ZONE).equals(today)) {
            throw new BenchFailure("the agency's date changed during the loader proof; run it again");
        }

        try (Connection connection = postgres.connect(loaderDatabase); BulkLoader loader = new BulkLoader(connection, encoder.chain())) {
            for (int sequence = 0; sequence < expected.size(); sequence++) {
                loader.add(encoder.encode(id, sequence, expected.get(sequence), UUID.randomUUID().toString(), Instant.now()));
            }
        }
        List<Map<String, Object>> service = rows(postgres, serviceDatabase, id);
        List<Map<String, Object>> loaded = rows(postgres, loaderDatabase, id);
        if (service.size() != expected.size() || loaded.size() != expected.size()) {
            throw new BenchFailure("loader proof: the service stored " + service.size() + " events and the loader "
                    + loaded.size() + ", expected " + expected.size());
        }
        for (int i = 0; i < expected.size(); i++) {
            compare(service.get(i), loaded.get(i));
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("objective", id);
        result.put("eventsCompared", expected.size());
        result.put("eventTypes", service.stream().map(row -> row.get("payload_type")).distinct().toList());
        result.put("identical", List.of("payload (bytes)", "payload_type", "payload_revision", "type",
                "aggregate_identifier", "sequence_number", "meta_data keys", "time_stamp format"));
        return result;
    }

    /**
     * The other half of the proof, once query-service runs: the tamper-evidence chain of loaded streams verifies with
     * the service's own verifier (as does a stream the service wrote).
     */
    static Map<String, Object> integrity(HttpJson query, Postgres postgres, String database, List<String> objectives) throws Exception {
        Map<String, Object> result = new LinkedHashMap<>();
        for (String objective : objectives) {
            var verification = query.getOk("/api/objectives/" + objective + "/integrity");
            long events;
            try (Connection connection = postgres.connect(database)) {
                events = Postgres.queryLong(connection,
                        "SELECT count(*) FROM event_store.domain_event_entry WHERE aggregate_identifier = ?", objective);
            }
            if (!verification.get("verified").asBoolean() || verification.get("eventsChecked").asLong() != events) {
                throw new BenchFailure("the event chain of " + objective + " does not verify: " + verification);
            }
            result.put(objective, "verified, " + events + " events");
        }
        return result;
    }

    private static void compare(Map<String, Object> service, Map<String, Object> loaded) {
        for (String column : List.of("payload", "payload_type", "payload_revision", "type", "aggregate_identifier", "sequence_number")) {
            if (!service.get(column).equals(loaded.get(column))) {
                throw new BenchFailure("loader proof: " + column + " differs at sequence " + service.get("sequence_number")
                        + "\n  service: " + service.get(column) + "\n  loader:  " + loaded.get(column));
            }
        }
        Set<String> serviceKeys = keys((String) service.get("meta_data"));
        Set<String> loadedKeys = keys((String) loaded.get("meta_data"));
        if (!serviceKeys.equals(loadedKeys)) {
            throw new BenchFailure("loader proof: metadata keys differ: service " + serviceKeys + ", loader " + loadedKeys);
        }
        for (Map<String, Object> row : List.of(service, loaded)) {
            if (!ISO_INSTANT.matcher((String) row.get("time_stamp")).matches()) {
                throw new BenchFailure("loader proof: time_stamp is not an ISO-8601 instant: " + row.get("time_stamp"));
            }
            UUID.fromString((String) row.get("event_identifier"));
        }
    }

    private static Set<String> keys(String json) {
        Set<String> keys = new TreeSet<>();
        HttpJson.JSON.readTree(json).propertyNames().forEach(keys::add);
        return keys;
    }

    private static List<Map<String, Object>> rows(Postgres postgres, String database, String aggregate) throws SQLException {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (Connection connection = postgres.connect(database);
             PreparedStatement statement = connection.prepareStatement("""
                     SELECT event_identifier, meta_data, payload, payload_revision, payload_type, time_stamp,
                            aggregate_identifier, sequence_number, type
                     FROM event_store.domain_event_entry WHERE aggregate_identifier = ? ORDER BY sequence_number""")) {
            statement.setString(1, aggregate);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("event_identifier", rs.getString("event_identifier"));
                    row.put("meta_data", new String(rs.getBytes("meta_data"), StandardCharsets.UTF_8));
                    row.put("payload", new String(rs.getBytes("payload"), StandardCharsets.UTF_8));
                    row.put("payload_revision", rs.getString("payload_revision"));
                    row.put("payload_type", rs.getString("payload_type"));
                    row.put("time_stamp", rs.getString("time_stamp"));
                    row.put("aggregate_identifier", rs.getString("aggregate_identifier"));
                    row.put("sequence_number", rs.getLong("sequence_number"));
                    row.put("type", rs.getString("type"));
                    rows.add(row);
                }
            }
        }
        return rows;
    }

    /** A target as a client sends it (the record's derived "percentage" is not part of a request). */
    private static Map<String, Object> target(Target target) {
        return map("indicator", target.indicator(), "comparator", target.comparator(), "value", target.value(),
                "unit", target.unit());
    }

    static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
