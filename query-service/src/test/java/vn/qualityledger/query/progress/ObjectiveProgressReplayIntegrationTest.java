package vn.qualityledger.query.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static vn.qualityledger.query.QualityYearScenario.MT4;
import static vn.qualityledger.query.QualityYearScenario.ORG;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import vn.qualityledger.api.objective.MeasurementId;
import vn.qualityledger.api.objective.MeasurementRecordedEvent;
import vn.qualityledger.api.objective.Period;
import vn.qualityledger.query.IntegrationDatabase;
import vn.qualityledger.query.ObjectiveStreams;
import vn.qualityledger.query.QualityYearScenario;

/** Rebuilding the projection from the event store must give exactly the same figures again. */
@SpringBootTest(properties = "spring.config.name=query-service")
@AutoConfigureMockMvc
@WithUserDetails("tinh") // a demo user who reads every organisation
class ObjectiveProgressReplayIntegrationTest {

    private static final List<String> DATES = List.of("2024-02-01", "2024-05-10", "2024-06-26", "2024-07-15", "2024-12-31", "2025-01-31");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        String url = IntegrationDatabase.withEventStore("ql_test_query_replay");
        registry.add("spring.datasource.url", () -> url);
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    EventStore eventStore;
    @Autowired
    TransactionTemplate transaction;

    @Test
    void canRebuildExactlyTheSameFiguresByReplayingTheEventStore() throws Exception {
        ObjectiveStreams streams = new ObjectiveStreams(eventStore, transaction);
        QualityYearScenario.publish(streams);
        QualityYearScenario.awaitProjected(jdbc);
        Map<String, String> before = everyRead();

        StreamingEventProcessor processor = processing
                .eventProcessor(ObjectiveProgressProjection.PROCESSING_GROUP, StreamingEventProcessor.class).orElseThrow();
        processor.shutDown();
        processor.resetTokens();

        // The reset handler emptied the read model, and every segment's token is now a ReplayToken, stored through
        // the Jackson 3 serializer; the processor must read it back to replay at all.
        for (String table : List.of("objective", "measure", "occurrence", "evidence", "measurement")) {
            assertThat(jdbc.queryForObject("SELECT count(*) FROM query." + table, Integer.class)).as(table).isZero();
        }
        assertThat(jdbc.queryForList("SELECT DISTINCT token_type FROM query.token_entry WHERE processor_name = ?",
                String.class, ObjectiveProgressProjection.PROCESSING_GROUP))
                .containsExactly("org.axonframework.eventhandling.ReplayToken");

        processor.start();
        await().pollInSameThread().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(everyRead()).isEqualTo(before));

        // Past the replay the processor keeps going: MT4's first measurement, 4.2 against <= 5, at year end.
        streams.append(MT4, new MeasurementRecordedEvent(MT4, MeasurementId.of("meas-mt4-year"),
                new Period(LocalDate.parse("2024-01-01"), LocalDate.parse("2024-12-31")), null, null,
                new BigDecimal("4.2"), "Phần mềm một cửa", LocalDate.parse("2025-01-03")));
        await().pollInSameThread().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                mvc.perform(get("/api/objectives/{id}/dashboard?asOf=2024-12-31", MT4.value()))
                        .andExpect(jsonPath("$.kpiStatus").value("ACHIEVED")));
    }

    /** The JSON of every read, for several dates, keyed by its URI. */
    private Map<String, String> everyRead() throws Exception {
        List<String> uris = new ArrayList<>();
        for (String asOf : DATES) {
            for (String objective : List.of("obj-mt1", "obj-mt2", "obj-mt3", "obj-mt4")) {
                uris.add("/api/objectives/" + objective + "/dashboard?asOf=" + asOf);
            }
            uris.add("/api/organisations/" + ORG + "/years/2024/summary?asOf=" + asOf);
            uris.add("/api/organisations/" + ORG + "/years/2024/objectives?asOf=" + asOf);
            uris.add("/api/organisations/" + ORG + "/years/2024/units?asOf=" + asOf);
            uris.add("/api/occurrences?size=500&asOf=" + asOf);
        }
        Map<String, String> bodies = new LinkedHashMap<>();
        for (String uri : uris) {
            bodies.put(uri, mvc.perform(get(uri)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        }
        return bodies;
    }
}
