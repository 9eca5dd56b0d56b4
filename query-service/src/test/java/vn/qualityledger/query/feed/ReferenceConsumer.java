package vn.qualityledger.query.feed;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A downstream consumer that knows nothing but the feed: plain HTTP, JSON, the CloudEvents attributes and the event
 * data as the published schemas describe it (field names and types only — no class of the service). It rebuilds the
 * organisation-year completion figures (DOMAIN.md, "Figures") and the nonconformity counts from the events alone.
 */
final class ReferenceConsumer {

    private static final String OBJECTIVE = "vn.qualityledger.objective.";
    private static final String NONCONFORMITY = "vn.qualityledger.nonconformity.";

    private final HttpClient http;
    private final String baseUrl;
    private final String authorization;
    private final JsonMapper json = JsonMapper.builder().build();
    /** Every event received, deduplicated by id, in position order. */
    private final List<JsonNode> events = new ArrayList<>();
    private final Set<String> seen = new HashSet<>();
    private long position;

    ReferenceConsumer(HttpClient http, String baseUrl, String authorization) {
        this.http = http;
        this.baseUrl = baseUrl;
        this.authorization = authorization;
    }

    /** Reads the organisation's feed on from its last position until a page comes back empty. */
    void catchUp(String organisation, int pageSize) throws Exception {
        while (true) {
            HttpResponse<String> response = get(baseUrl + "/api/feed?organisation=" + organisation + "&after=" + position + "&limit=" + pageSize);
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Feed answered " + response.statusCode() + ": " + response.body());
            }
            JsonNode batch = json.readTree(response.body());
            for (JsonNode event : batch) {
                if (seen.add(event.get("id").asString())) {
                    events.add(event);
                }
            }
            position = Long.parseLong(response.headers().firstValue("Feed-Resume-After").orElseThrow());
            if (batch.isEmpty()) {
                return;
            }
        }
    }

    List<JsonNode> events() {
        return events;
    }

    HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", authorization).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    // ---- completion figures --------------------------------------------------------------------------------------

    /** An organisation-year's occurrence counts and rates as of a date, as the dashboards define them. */
    record Completion(int objectives, long total, long due, long onTime, long late, long overdue, long upcoming,
                      BigDecimal completionRate, BigDecimal onTimeRate) {
    }

    private static final class Occurrence {
        String measureId;
        LocalDate due;
        LocalDate cancelledOn;
        LocalDate completedOn;
    }

    Completion completion(int year, LocalDate asOf) {
        Map<String, Integer> years = new HashMap<>();
        Map<String, Map<String, Occurrence>> occurrences = new HashMap<>();
        for (JsonNode event : events) {
            String type = event.get("type").asString();
            JsonNode data = event.get("data");
            String objective = event.get("subject").asString();
            Map<String, Occurrence> ofObjective = occurrences.computeIfAbsent(objective, o -> new LinkedHashMap<>());
            switch (typeName(type)) {
                case OBJECTIVE + "ObjectiveDefined" -> years.put(objective, data.get("year").asInt());
                case OBJECTIVE + "MeasurePlanned" -> data.get("occurrences").forEach(o -> schedule(ofObjective, data.get("measureId").asString(), o));
                case OBJECTIVE + "AdHocOccurrenceAdded" -> schedule(ofObjective, data.get("measureId").asString(), data.get("occurrence"));
                case OBJECTIVE + "MeasureRevised" -> {
                    data.get("addedOccurrences").forEach(o -> schedule(ofObjective, data.get("measureId").asString(), o));
                    LocalDate revisedOn = date(data.get("revisedOn"));
                    data.get("cancelledOccurrences").forEach(id -> {
                        Occurrence occurrence = ofObjective.get(id.asString());
                        if (occurrence != null) {
                            cancel(occurrence, revisedOn);
                        }
                    });
                }
                case OBJECTIVE + "MeasureCancelled" -> {
                    LocalDate effectiveOn = date(data.get("effectiveOn"));
                    ofObjective.values().stream().filter(o -> o.measureId.equals(data.get("measureId").asString()))
                            .forEach(o -> cancel(o, effectiveOn));
                }
                case OBJECTIVE + "EvidenceAccepted" -> {
                    Occurrence occurrence = ofObjective.get(data.get("occurrenceId").asString());
                    if (occurrence != null) {
                        occurrence.completedOn = earlier(occurrence.completedOn, date(data.get("effectiveOn")));
                    }
                }
                default -> {
                    // other events do not move these figures
                }
            }
        }
        int objectives = 0;
        long total = 0, due = 0, onTime = 0, late = 0, upcoming = 0;
        for (var objective : years.entrySet()) {
            if (objective.getValue() != year) {
                continue;
            }
            objectives++;
            for (Occurrence o : occurrences.getOrDefault(objective.getKey(), Map.of()).values()) {
                if (o.cancelledOn != null && !o.cancelledOn.isAfter(asOf)) {
                    continue;
                }
                total++;
                if (o.due.isAfter(asOf)) {
                    upcoming++;
                    continue;
                }
                due++;
                if (o.completedOn != null && !o.completedOn.isAfter(asOf)) {
                    if (o.completedOn.isAfter(o.due)) {
                        late++;
                    } else {
                        onTime++;
                    }
                }
            }
        }
        return new Completion(objectives, total, due, onTime, late, due - onTime - late, upcoming,
                percentage(onTime + late, due), percentage(onTime, due));
    }

    /** Scheduling an occurrence again (a revision adding one it had cancelled) makes it count again. */
    private static void schedule(Map<String, Occurrence> occurrences, String measureId, JsonNode scheduled) {
        Occurrence occurrence = occurrences.computeIfAbsent(scheduled.get("occurrenceId").asString(), id -> new Occurrence());
        occurrence.measureId = measureId;
        occurrence.due = date(scheduled.get("dueDate"));
        occurrence.cancelledOn = null;
    }

    /** Only work not yet complete is cancelled; an earlier cancellation stands. */
    private static void cancel(Occurrence occurrence, LocalDate on) {
        if (occurrence.completedOn == null) {
            occurrence.cancelledOn = earlier(occurrence.cancelledOn, on);
        }
    }

    // ---- nonconformity counts ------------------------------------------------------------------------------------

    /** Nonconformities raised by a date, of those closed as of it, and open as of it. */
    record Nonconformities(long raised, long closed, long open) {
    }

    Nonconformities nonconformities(LocalDate asOf) {
        Map<String, Boolean> closedByStream = new LinkedHashMap<>();
        for (JsonNode event : events) {
            String stream = event.get("subject").asString();
            JsonNode data = event.get("data");
            switch (typeName(event.get("type").asString())) {
                case NONCONFORMITY + "NonconformityRaised" -> {
                    if (!date(data.get("raisedOn")).isAfter(asOf)) {
                        closedByStream.put(stream, false);
                    }
                }
                // a stream's events are in order, so the last close or reopen dated by then decides
                case NONCONFORMITY + "NonconformityClosed" -> {
                    if (closedByStream.containsKey(stream) && !date(data.get("closedOn")).isAfter(asOf)) {
                        closedByStream.put(stream, true);
                    }
                }
                case NONCONFORMITY + "NonconformityReopened" -> {
                    if (closedByStream.containsKey(stream) && !date(data.get("reopenedOn")).isAfter(asOf)) {
                        closedByStream.put(stream, false);
                    }
                }
                default -> {
                }
            }
        }
        long closed = closedByStream.values().stream().filter(c -> c).count();
        return new Nonconformities(closedByStream.size(), closed, closedByStream.size() - closed);
    }

    // ---- reading the data ----------------------------------------------------------------------------------------

    /** The published name of a CloudEvents type: the type without its {@code .v<revision>}. */
    static String typeName(String cloudEventType) {
        return cloudEventType.substring(0, cloudEventType.lastIndexOf(".v"));
    }

    private static LocalDate date(JsonNode value) {
        return LocalDate.parse(value.asString());
    }

    private static LocalDate earlier(LocalDate a, LocalDate b) {
        return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
    }

    private static BigDecimal percentage(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part * 100).divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_UP);
    }
}
