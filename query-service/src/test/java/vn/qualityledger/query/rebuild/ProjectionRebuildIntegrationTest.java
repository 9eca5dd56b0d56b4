package vn.qualityledger.query.rebuild;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
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
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import vn.qualityledger.query.IntegrationDatabase;
import vn.qualityledger.query.ObjectiveStreams;
import vn.qualityledger.query.QualityYearScenario;

/** A consistency check finds nothing after a realistic workload, finds a corrupted row, and a rebuild repairs it. */
@SpringBootTest(properties = "spring.config.name=query-service")
@AutoConfigureMockMvc
@WithUserDetails("admin") // administration needs ADMIN
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProjectionRebuildIntegrationTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        String url = IntegrationDatabase.withEventStore("ql_test_query_rebuild");
        registry.add("spring.datasource.url", () -> url);
    }

    private static final String ADMIN = "/api/admin/projections/objective-progress";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ProjectionRebuilds rebuilds;
    @Autowired
    EventProcessingConfiguration processing;

    @BeforeAll
    void aYearOfWork(@Autowired EventStore eventStore, @Autowired TransactionTemplate transaction) {
        QualityYearScenario.publish(new ObjectiveStreams(eventStore, transaction));
        QualityYearScenario.awaitProjected(jdbc);
    }

    private Map<String, Object> aCompletedOccurrence() {
        return jdbc.queryForMap("SELECT objective_id, occurrence_id, completed_on FROM query.occurrence WHERE completed_on IS NOT NULL ORDER BY occurrence_id LIMIT 1");
    }

    @Test
    void findsNoDifferenceAfterARealisticWorkload_thenFindsACorruptedRow_andARebuildRepairsIt() throws Exception {
        mvc.perform(get(ADMIN + "/consistency"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.consistent").value(true))
                .andExpect(jsonPath("$.differenceCount").value(0));

        Map<String, Object> completed = aCompletedOccurrence();
        jdbc.update("UPDATE query.occurrence SET completed_on = NULL WHERE objective_id = ? AND occurrence_id = ?",
                completed.get("objective_id"), completed.get("occurrence_id"));

        ProjectionRebuilds.ConsistencyReport report = rebuilds.check("objective-progress");
        assertThat(report.consistent()).isFalse();
        assertThat(report.differenceCount()).isEqualTo(2); // the corrupted row as served, and as the events give it
        assertThat(report.differences()).extracting(ProjectionRebuilds.Difference::table).containsOnly("occurrence");
        assertThat(report.differences()).extracting(ProjectionRebuilds.Difference::side).containsExactlyInAnyOrder("live", "rebuild");
        assertThat(report.differences()).filteredOn(d -> d.side().equals("rebuild")).first()
                .extracting(ProjectionRebuilds.Difference::row).asString().contains(completed.get("completed_on").toString());
        assertThat(processing.eventProcessor("objective-progress", StreamingEventProcessor.class).orElseThrow().isRunning()).isTrue();

        mvc.perform(post(ADMIN + "/rebuild")).andExpect(status().isAccepted()).andExpect(jsonPath("$.operation").value("REBUILD"));
        await().atMost(Duration.ofSeconds(60)).until(() -> "DONE".equals(rebuilds.progress("objective-progress").state()));
        long events = jdbc.queryForObject("SELECT count(*) FROM event_store.domain_event_entry", Long.class);
        mvc.perform(get(ADMIN))
                .andExpect(jsonPath("$.state").value("DONE"))
                .andExpect(jsonPath("$.eventsProcessed").value(events))
                .andExpect(jsonPath("$.secondsLeft").value(0));
        assertThat(aCompletedOccurrence().get("occurrence_id")).isEqualTo(completed.get("occurrence_id"));
        assertThat(rebuilds.check("objective-progress").consistent()).isTrue();
    }

    /**
     * The run's lock is taken in the request that starts a rebuild and given back on the background thread; every later
     * check, from any request thread, must find it free (a thread-owned lock left them all answering 409).
     */
    @Test
    void aRebuildCanBeFollowedByAnyNumberOfChecksFromOtherThreads() throws Exception {
        mvc.perform(post(ADMIN + "/rebuild")).andExpect(status().isAccepted());
        mvc.perform(get(ADMIN + "/consistency")) // the rebuild pauses the live processor for a second at least
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("ALREADY_RUNNING"));
        await().atMost(Duration.ofSeconds(60)).until(() -> "DONE".equals(rebuilds.progress("objective-progress").state()));

        for (int i = 0; i < 4; i++) {
            int[] status = new int[1];
            Thread request = new Thread(() -> {
                try { // a request of its own, signed in as any client would be
                    status[0] = mvc.perform(get(ADMIN + "/consistency").with(httpBasic("admin", "demo")))
                            .andReturn().getResponse().getStatus();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, "check-" + i);
            request.start();
            request.join();
            assertThat(status[0]).as("check %d after the rebuild", i).isEqualTo(200);
        }
        mvc.perform(post(ADMIN + "/rebuild")).andExpect(status().isAccepted());
        await().atMost(Duration.ofSeconds(60)).until(() -> "DONE".equals(rebuilds.progress("objective-progress").state()));
    }

    @Test
    void answersAnUnknownProjectionWith404() throws Exception {
        mvc.perform(get("/api/admin/projections/nothing-like-it")).andExpect(status().isNotFound());
    }
}
