package vn.qualityledger.query.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.qualityledger.query.AuditYearScenario.ORG;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import vn.qualityledger.query.AuditYearScenario;
import vn.qualityledger.query.IntegrationDatabase;
import vn.qualityledger.query.ObjectiveStreams;
import vn.qualityledger.query.rebuild.ProjectionRebuilds;

/**
 * Replaying the event store into the nonconformity-tracking tables, by resetting its processor or through the rebuild
 * machinery, must give exactly the same figures again.
 */
@SpringBootTest(properties = "spring.config.name=query-service")
@AutoConfigureMockMvc
@WithUserDetails("tinh") // a demo user who reads every organisation
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NonconformityTrackingReplayIntegrationTest {

    private static final List<String> DATES = List.of("2023-12-31", "2024-04-06", "2024-06-05", "2024-07-03", "2024-09-30", "2024-12-31");
    private static final String PROJECTION = NonconformityTrackingProjection.PROCESSING_GROUP;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        String url = IntegrationDatabase.withEventStore("ql_test_query_tracking_replay");
        registry.add("spring.datasource.url", () -> url);
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    ProjectionRebuilds rebuilds;

    @BeforeAll
    void publish(@Autowired EventStore eventStore, @Autowired TransactionTemplate transaction) {
        AuditYearScenario.publish(new ObjectiveStreams(eventStore, transaction));
        AuditYearScenario.awaitProjected(jdbc);
    }

    @Test
    void canRebuildExactlyTheSameFiguresByResettingTheProcessor() throws Exception {
        Map<String, String> before = everyRead(); // read as the test's user: @BeforeAll runs signed out
        StreamingEventProcessor processor = processing.eventProcessor(PROJECTION, StreamingEventProcessor.class).orElseThrow();
        processor.shutDown();
        processor.resetTokens();
        for (String table : NonconformityTrackingProjection.TABLES) {
            assertThat(jdbc.queryForObject("SELECT count(*) FROM query." + table, Integer.class)).as(table).isZero();
        }
        // objective-progress is another processing group: a reset of this one leaves its tables alone.
        assertThat(jdbc.queryForObject("SELECT count(*) FROM query.objective", Integer.class)).isEqualTo(2);

        processor.start();
        await().pollInSameThread().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(everyRead()).isEqualTo(before));
    }

    @Test
    void findsACorruptedRowAndARebuildRepairsIt() throws Exception {
        Map<String, String> before = everyRead();
        assertThat(rebuilds.check(PROJECTION).consistent()).isTrue();

        jdbc.update("DELETE FROM query.verification WHERE effective = false");
        ProjectionRebuilds.ConsistencyReport report = rebuilds.check(PROJECTION);
        assertThat(report.consistent()).isFalse();
        assertThat(report.differences()).extracting(ProjectionRebuilds.Difference::table).containsOnly("verification");
        assertThat(report.differences()).extracting(ProjectionRebuilds.Difference::side).containsOnly("rebuild");
        assertThat(report.differenceCount()).isEqualTo(2); // NC1's a1 and NC5's e1 were found not effective
        assertThat(everyRead()).isNotEqualTo(before);

        rebuilds.startRebuild(PROJECTION);
        await().atMost(Duration.ofSeconds(60)).until(() -> "DONE".equals(rebuilds.progress(PROJECTION).state()));
        assertThat(everyRead()).isEqualTo(before);
        assertThat(rebuilds.check(PROJECTION).consistent()).isTrue();
    }

    @Test
    @WithUserDetails("admin")
    void servesTheRebuildOfEitherProjectionAndNamesBothForAnUnknownOne() throws Exception {
        mvc.perform(get("/api/admin/projections/" + PROJECTION)).andExpect(status().isOk())
                .andExpect(jsonPath("$.projection").value(PROJECTION));
        mvc.perform(get("/api/admin/projections/nothing"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("No projection nothing; there are management-review, nonconformity-tracking, objective-progress, organisation-directory"));
    }

    /** The JSON of every read of the tracking tables, for several dates, keyed by its URI. */
    private Map<String, String> everyRead() throws Exception {
        List<String> uris = new ArrayList<>();
        for (String asOf : DATES) {
            uris.add("/api/organisations/" + ORG + "/nonconformities/summary?asOf=" + asOf);
            uris.add("/api/organisations/" + ORG + "/nonconformities/summary?year=2024&asOf=" + asOf);
            uris.add("/api/organisations/" + ORG + "/nonconformities?size=500&asOf=" + asOf);
            uris.add("/api/organisations/" + ORG + "/audit-programme?year=2024&asOf=" + asOf);
            uris.add("/api/objectives/" + AuditYearScenario.OBJ + "/nonconformities?asOf=" + asOf);
            for (Object nc : List.of(AuditYearScenario.NC1, AuditYearScenario.NC2, AuditYearScenario.NC5, AuditYearScenario.NC6)) {
                uris.add("/api/nonconformities/" + nc + "?asOf=" + asOf);
            }
        }
        Map<String, String> bodies = new LinkedHashMap<>();
        for (String uri : uris) {
            bodies.put(uri, mvc.perform(get(uri)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        }
        return bodies;
    }
}
