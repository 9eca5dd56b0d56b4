package vn.qualityledger.query.rebuild;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
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
import vn.qualityledger.query.knownat.AsRecorded;

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
        // The corrupted row as served and as the events give it; its versions too: live, the version it closed and the
        // corrupted one; rebuilt, the version still open.
        assertThat(report.differenceCount()).isEqualTo(5);
        assertThat(report.differences()).filteredOn(d -> d.table().equals("occurrence"))
                .extracting(ProjectionRebuilds.Difference::side).containsExactlyInAnyOrder("live", "rebuild");
        assertThat(report.differences()).filteredOn(d -> d.table().equals("occurrence_version"))
                .extracting(ProjectionRebuilds.Difference::side).containsExactlyInAnyOrder("live", "live", "rebuild");
        assertThat(report.differences()).filteredOn(d -> d.side().equals("rebuild") && d.table().equals("occurrence")).first()
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
        // the live tables' triggers, off while the rows were copied, record versions again
        assertThat(jdbc.queryForObject("""
                SELECT count(*) FROM pg_trigger WHERE tgrelid = 'query.occurrence'::regclass AND NOT tgisinternal AND tgenabled = 'O'
                """, Integer.class)).isEqualTo(2);
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

    /**
     * A rebuild's shadow and a past view's temporary tables are chosen for their transactions only (SET LOCAL): afterwards
     * every connection of the pool, those they ran on among them, reads the live tables again.
     */
    @Test
    void afterARebuildAndAPastViewEveryPooledConnectionReadsTheLiveTables(@Autowired DataSource dataSource,
                                                                        @Autowired AsRecorded asRecorded) throws Exception {
        mvc.perform(post(ADMIN + "/rebuild")).andExpect(status().isAccepted());
        await().atMost(Duration.ofSeconds(60)).until(() -> "DONE".equals(rebuilds.progress("objective-progress").state()));
        String objective = jdbc.queryForObject("SELECT id FROM query.objective ORDER BY id LIMIT 1", String.class);
        long known = asRecorded.at(Instant.EPOCH, List.of(objective),
                () -> jdbc.queryForObject("SELECT count(*) FROM occurrence", Long.class));
        assertThat(known).as("nothing was recorded by 1970: the read ran against the past view's copy").isZero();
        long live = jdbc.queryForObject("SELECT count(*) FROM query.occurrence", Long.class);
        assertThat(live).isPositive();

        HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
        List<Connection> every = new ArrayList<>();
        try {
            for (int i = 0; i < pool.getMaximumPoolSize(); i++) {
                every.add(pool.getConnection()); // held, so that the next is another connection of the pool
            }
            for (Connection connection : every) {
                try (Statement statement = connection.createStatement();
                     ResultSet row = statement.executeQuery("SELECT (current_schemas(false))[1], (SELECT count(*) FROM occurrence)")) {
                    row.next();
                    assertThat(row.getString(1)).isEqualTo("query");
                    assertThat(row.getLong(2)).isEqualTo(live);
                }
            }
        } finally {
            for (Connection connection : every) {
                connection.close();
            }
        }
    }

    @Test
    void answersAnUnknownProjectionWith404() throws Exception {
        mvc.perform(get("/api/admin/projections/nothing-like-it")).andExpect(status().isNotFound());
    }
}
