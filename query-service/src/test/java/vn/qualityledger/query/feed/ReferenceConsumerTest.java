package vn.qualityledger.query.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;
import vn.qualityledger.api.common.DocumentReference;
import vn.qualityledger.api.nonconformity.NonconformityClosedEvent;
import vn.qualityledger.api.nonconformity.NonconformityId;
import vn.qualityledger.api.nonconformity.NonconformityOrigin;
import vn.qualityledger.api.nonconformity.NonconformityRaisedEvent;
import vn.qualityledger.api.nonconformity.NonconformityReopenedEvent;
import vn.qualityledger.api.nonconformity.NonconformitySource;
import vn.qualityledger.api.nonconformity.Severity;
import vn.qualityledger.api.objective.AdHocOccurrenceAddedEvent;
import vn.qualityledger.api.objective.EvidenceAcceptedEvent;
import vn.qualityledger.api.objective.EvidenceId;
import vn.qualityledger.api.objective.EvidenceSubmittedEvent;
import vn.qualityledger.api.objective.MeasureCancelledEvent;
import vn.qualityledger.api.objective.MeasureDetails;
import vn.qualityledger.api.objective.MeasureId;
import vn.qualityledger.api.objective.MeasurePlannedEvent;
import vn.qualityledger.api.objective.MeasureRevisedEvent;
import vn.qualityledger.api.objective.ObjectiveDefinedEvent;
import vn.qualityledger.api.objective.ObjectiveId;
import vn.qualityledger.api.objective.OccurrenceId;
import vn.qualityledger.api.objective.Schedule;
import vn.qualityledger.api.objective.ScheduleRule;
import vn.qualityledger.api.objective.ScheduledOccurrence;
import vn.qualityledger.query.ObjectiveStreams;
import vn.qualityledger.query.QualityYearScenario;

/**
 * Proof that the feed is enough: {@link ReferenceConsumer}, which knows only the feed's JSON, rebuilds the
 * organisation-year figures and gets exactly the query-service's own numbers for the same {@code asOf}.
 * Workload: the hand-checked quality year of {@link QualityYearScenario} plus 30 generated objectives (seeded, so every
 * run is the same) with plans, on-time and late completions, cancelled measures, revisions and ad-hoc work, and
 * nonconformities raised, closed and reopened.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReferenceConsumerTest extends FeedHttpTest {

    private static final List<String> DATES = List.of("2024-01-31", "2024-03-31", "2024-05-10", "2024-06-30", "2024-07-15",
            "2024-09-30", "2024-11-15", "2024-12-31", "2025-01-31");

    @Autowired
    EventStore eventStore;
    @Autowired
    TransactionTemplate transaction;

    /** JSON Schema draft 2020-12, with formats (dates, URIs) checked. */
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            registry -> registry.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));

    final JsonMapper json = JsonMapper.builder().build();
    ReferenceConsumer consumer;

    @BeforeAll
    void publishTheWorkloadAndConsumeIt() throws Exception {
        QualityYearScenario.publish(new ObjectiveStreams(eventStore, transaction));
        generateObjectives(new FeedEvents(eventStore, transaction), new Random(20240101L), 30);
        FeedEvents nonconformities = new FeedEvents(eventStore, transaction);
        nonconformities.append("NC-FEED-1", raised("NC-FEED-1", QualityYearScenario.ORG, "2024-03-01"),
                new NonconformityClosedEvent(NonconformityId.of("NC-FEED-1"), "Đã khắc phục", LocalDate.parse("2024-04-01")));
        nonconformities.append("NC-FEED-2", raised("NC-FEED-2", QualityYearScenario.ORG, "2024-03-15"),
                new NonconformityClosedEvent(NonconformityId.of("NC-FEED-2"), "Đã khắc phục", LocalDate.parse("2024-05-01")),
                new NonconformityReopenedEvent(NonconformityId.of("NC-FEED-2"), "Tái diễn", LocalDate.parse("2024-06-01")));
        nonconformities.append("NC-FEED-3", raised("NC-FEED-3", QualityYearScenario.ORG, "2024-07-01"));
        nonconformities.append("NC-FEED-OTHER", raised("NC-FEED-OTHER", "so-ldtbxh-vl", "2024-02-01"));

        consumer = new ReferenceConsumer(http, "http://localhost:" + port, basic("kho"));
        consumer.catchUp(QualityYearScenario.ORG, 37); // an odd page size, so pages end mid-stream
    }

    @Test
    void rebuildsTheOrganisationYearCompletionFiguresExactlyAsTheServiceComputesThem() {
        assertThat(consumer.events()).hasSizeGreaterThan(300);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            for (String date : DATES) {
                JsonNode summary = summary(date);
                ReferenceConsumer.Completion rebuilt = consumer.completion(QualityYearScenario.YEAR, LocalDate.parse(date));
                JsonNode counts = summary.get("occurrences");
                assertThat(rebuilt).as(date).isEqualTo(new ReferenceConsumer.Completion(summary.get("objectiveCount").asInt(),
                        counts.get("total").asLong(), counts.get("due").asLong(), counts.get("onTime").asLong(),
                        counts.get("late").asLong(), counts.get("overdue").asLong(), counts.get("upcoming").asLong(),
                        decimal(summary.get("completionRate")), decimal(summary.get("onTimeRate"))));
            }
        });
        // and the figures move through the year, so the comparison is not between empty figures
        ReferenceConsumer.Completion december = consumer.completion(QualityYearScenario.YEAR, LocalDate.parse("2024-12-31"));
        assertThat(december.due()).isGreaterThan(100);
        assertThat(december.onTime()).isPositive();
        assertThat(december.late()).isPositive();
        assertThat(december.overdue()).isPositive();
    }

    @Test
    void rebuildsTheNonconformityCountsWorkedOutByHand() {
        // NC-FEED-1 raised 03-01, closed 04-01; NC-FEED-2 raised 03-15, closed 05-01, reopened 06-01; NC-FEED-3 raised
        // 07-01; NC-FEED-OTHER is another organisation's and never reaches this consumer.
        assertThat(consumer.nonconformities(LocalDate.parse("2024-02-29"))).isEqualTo(new ReferenceConsumer.Nonconformities(0, 0, 0));
        assertThat(consumer.nonconformities(LocalDate.parse("2024-03-20"))).isEqualTo(new ReferenceConsumer.Nonconformities(2, 0, 2));
        assertThat(consumer.nonconformities(LocalDate.parse("2024-04-15"))).isEqualTo(new ReferenceConsumer.Nonconformities(2, 1, 1));
        assertThat(consumer.nonconformities(LocalDate.parse("2024-05-15"))).isEqualTo(new ReferenceConsumer.Nonconformities(2, 2, 0));
        assertThat(consumer.nonconformities(LocalDate.parse("2024-06-15"))).isEqualTo(new ReferenceConsumer.Nonconformities(2, 1, 1));
        assertThat(consumer.nonconformities(LocalDate.parse("2024-07-15"))).isEqualTo(new ReferenceConsumer.Nonconformities(3, 1, 2));
    }

    @Test
    void rebuildsTheNonconformityCountsExactlyAsTheTrackerComputesThem() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            for (String date : List.of("2024-02-29", "2024-03-20", "2024-04-15", "2024-05-15", "2024-06-15", "2024-07-15")) {
                JsonNode tracker = get("/api/organisations/" + QualityYearScenario.ORG + "/nonconformities/summary?asOf=" + date);
                assertThat(consumer.nonconformities(LocalDate.parse(date))).as(date).isEqualTo(new ReferenceConsumer.Nonconformities(
                        tracker.get("total").asLong(), tracker.get("closed").asLong(), tracker.get("open").asLong()));
            }
        });
    }

    @Test
    void readsEachEventOnceInPositionOrder() {
        List<Long> positions = consumer.events().stream().map(e -> e.get("position").asLong()).toList();
        assertThat(positions).isSorted().doesNotHaveDuplicates();
        assertThat(consumer.events()).allSatisfy(e -> assertThat(e.get("source").asString()).isEqualTo("urn:qualityledger:" + ORG));
    }

    /** Every event is the CloudEvent the published AsyncAPI document describes: its envelope schema accepts it. */
    @Test
    void readsEveryEventAsTheEnvelopeTheAsyncApiDocumentDescribes() throws Exception {
        HttpResponse<String> document = consumer.get("http://localhost:" + port + "/api/feed/asyncapi.yaml");
        assertThat(document.statusCode()).isEqualTo(200);
        JsonNode envelope = YAMLMapper.builder().build().readTree(document.body()).at("/components/schemas/CloudEvent");
        Schema schema = SCHEMAS.getSchema(envelope.toString(), InputFormat.JSON);
        List<String> problems = new ArrayList<>();
        for (JsonNode event : consumer.events()) {
            List<Error> errors = schema.validate(event);
            if (!errors.isEmpty()) {
                problems.add(event.get("type").asString() + " at " + event.get("position") + ": " + errors);
            }
        }
        assertThat(problems).isEmpty();
    }

    /**
     * Every {@code dataschema} names a JSON Schema the service publishes (found through its schema index, as a consumer
     * would), and that schema accepts the event's data.
     */
    @Test
    void findsTheSchemaOfEveryEventAtItsDataschemaAndItAcceptsTheData() throws Exception {
        HttpResponse<String> index = consumer.get("http://localhost:" + port + "/api/feed/schemas");
        assertThat(index.statusCode()).isEqualTo(200);
        Map<String, String> urlOfSchema = new HashMap<>();
        json.readTree(index.body()).get("eventTypes").forEach(type -> type.get("revisions").forEach(revision ->
                urlOfSchema.put(revision.get("schemaId").asString(), revision.get("schemaUrl").asString())));
        Map<String, Schema> schemas = new HashMap<>();
        List<String> problems = new ArrayList<>();
        for (JsonNode event : consumer.events()) {
            String id = event.get("dataschema").asString();
            Schema schema = schemas.get(id);
            if (schema == null) {
                assertThat(urlOfSchema).as("the index lists %s", id).containsKey(id);
                HttpResponse<String> response = consumer.get(urlOfSchema.get(id));
                assertThat(response.statusCode()).as(id).isEqualTo(200);
                assertThat(json.readTree(response.body()).get("$id").asString()).isEqualTo(id);
                schema = SCHEMAS.getSchema(response.body(), InputFormat.JSON);
                schemas.put(id, schema);
            }
            List<Error> errors = schema.validate(event.get("data"));
            if (!errors.isEmpty()) {
                problems.add(event.get("type").asString() + " at " + event.get("position") + ": " + errors);
            }
        }
        assertThat(schemas).hasSizeGreaterThan(5);
        assertThat(problems).isEmpty();
    }

    // ---- the workload ------------------------------------------------------------------------------------------------

    private static void generateObjectives(FeedEvents events, Random random, int count) {
        List<String> quarters = List.of("2024-03-31", "2024-06-30", "2024-09-30", "2024-12-31");
        for (int i = 0; i < count; i++) {
            String objectiveId = "gen-obj-" + i;
            ObjectiveId objective = ObjectiveId.of(objectiveId);
            List<Object> stream = new ArrayList<>();
            stream.add(new ObjectiveDefinedEvent(objective, QualityYearScenario.ORG, QualityYearScenario.YEAR, "G" + i,
                    "Mục tiêu sinh tự động số " + i, null));
            List<Object> work = new ArrayList<>();
            List<Object> changes = new ArrayList<>();
            int measures = 1 + random.nextInt(3);
            for (int m = 0; m < measures; m++) {
                MeasureId measure = MeasureId.of("g" + i + "-m" + m);
                List<ScheduledOccurrence> occurrences = quarters.stream()
                        .map(due -> new ScheduledOccurrence(OccurrenceId.of(measure.value() + "@" + due), LocalDate.parse(due))).toList();
                stream.add(new MeasurePlannedEvent(objective, measure, null, details(m), occurrences));
                List<ScheduledOccurrence> incomplete = new ArrayList<>();
                for (ScheduledOccurrence occurrence : occurrences) {
                    if (random.nextInt(10) < 6) {
                        LocalDate effective = occurrence.dueDate().plusDays(random.nextInt(46) - 20);
                        String evidence = occurrence.occurrenceId().value() + "-ev";
                        work.add(new EvidenceSubmittedEvent(objective, EvidenceId.of(evidence), measure, occurrence.occurrenceId(),
                                new DocumentReference("BC-" + evidence, effective, "Văn phòng Sở", "Báo cáo", null, null), effective));
                        work.add(new EvidenceAcceptedEvent(objective, EvidenceId.of(evidence), measure, occurrence.occurrenceId(),
                                effective.plusDays(random.nextInt(5)), effective));
                    } else {
                        incomplete.add(occurrence);
                    }
                }
                int change = random.nextInt(10);
                if (change < 2) {
                    changes.add(new MeasureCancelledEvent(objective, measure, "Không còn phù hợp",
                            LocalDate.parse("2024-02-01").plusDays(random.nextInt(300))));
                } else if (change < 4 && !incomplete.isEmpty()) {
                    ScheduledOccurrence dropped = incomplete.get(random.nextInt(incomplete.size()));
                    LocalDate added = LocalDate.parse("2024-05-01").plusDays(random.nextInt(200));
                    changes.add(new MeasureRevisedEvent(objective, measure, details(m),
                            List.of(new ScheduledOccurrence(OccurrenceId.of(measure.value() + "@" + added), added)),
                            List.of(dropped.occurrenceId()), LocalDate.parse("2024-04-01").plusDays(random.nextInt(200))));
                } else if (change < 5) {
                    LocalDate due = LocalDate.parse("2024-02-01").plusDays(random.nextInt(300));
                    OccurrenceId adHoc = OccurrenceId.of(measure.value() + "-adhoc");
                    changes.add(new AdHocOccurrenceAddedEvent(objective, measure, new ScheduledOccurrence(adHoc, due), "Đột xuất"));
                    if (random.nextBoolean()) {
                        changes.add(new EvidenceAcceptedEvent(objective, EvidenceId.of(adHoc.value() + "-ev"), measure, adHoc,
                                due.plusDays(3), due.plusDays(random.nextInt(11) - 5)));
                    }
                }
            }
            stream.addAll(work);
            stream.addAll(changes);
            events.append(objectiveId, stream.toArray());
        }
    }

    private static MeasureDetails details(int m) {
        return new MeasureDetails(Integer.toString(m + 1), "Biện pháp " + (m + 1), List.of("Văn phòng Sở"), List.of(),
                List.of("Thư ký ISO"), List.of("Báo cáo"), new Schedule("Hằng quý", List.of(ScheduleRule.adHoc("hằng quý"))));
    }

    private static NonconformityRaisedEvent raised(String id, String organisation, String on) {
        NonconformityOrigin byHand = new NonconformityOrigin(NonconformitySource.MANUAL, null, null, null, null, null);
        return new NonconformityRaisedEvent(NonconformityId.of(id), organisation, byHand, Severity.MINOR, "Văn phòng Sở", "8.5.1",
                "Hồ sơ giải quyết trễ hạn", LocalDate.parse(on));
    }

    // ---- the service's own figures -----------------------------------------------------------------------------------

    private JsonNode summary(String asOf) throws Exception {
        return get("/api/organisations/" + QualityYearScenario.ORG + "/years/" + QualityYearScenario.YEAR + "/summary?asOf=" + asOf);
    }

    /** A read of the query-service's own figures, as the province auditor. */
    private JsonNode get(String path) throws Exception {
        HttpResponse<String> response = http.send(request(path, "tinh").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return json.readTree(response.body());
    }

    private static BigDecimal decimal(JsonNode value) {
        return value == null || value.isNull() ? null : value.decimalValue().setScale(2);
    }

    private static String basic(String username) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":demo").getBytes(StandardCharsets.UTF_8));
    }
}
