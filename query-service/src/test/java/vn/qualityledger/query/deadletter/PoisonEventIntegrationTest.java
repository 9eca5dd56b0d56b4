package vn.qualityledger.query.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Map;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import vn.qualityledger.api.objective.ObjectiveDefinedEvent;
import vn.qualityledger.api.objective.ObjectiveId;
import vn.qualityledger.api.objective.ObjectiveRevisedEvent;
import vn.qualityledger.query.IntegrationDatabase;
import vn.qualityledger.query.ObjectiveStreams;
import vn.qualityledger.query.progress.ProjectionReplay;
import vn.qualityledger.query.rebuild.ProjectionRebuilds;
import vn.qualityledger.support.EventProcessorsHealthIndicator;

/**
 * A stored event the projection can never apply (text with U+0000, which PostgreSQL refuses) parks its own stream and
 * nothing else: other objectives' figures move, readiness stays UP and counts it, the admin API lists it and a retry
 * leaves it parked while it is still bad, and a consistency check skips the stream instead of failing.
 */
@SpringBootTest(properties = "spring.config.name=query-service")
@AutoConfigureMockMvc
@WithUserDetails("admin")
class PoisonEventIntegrationTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        String url = IntegrationDatabase.withEventStore("ql_test_query_poison");
        registry.add("spring.datasource.url", () -> url);
    }

    private static final String DEAD_LETTERS = "/api/admin/projections/objective-progress/dead-letters";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EventStore eventStore;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    EventProcessorsHealthIndicator processorsHealth;
    @Autowired
    MeterRegistry meters;
    @Autowired
    ProjectionRebuilds rebuilds;

    @Test
    void parksThePoisonedStreamOnly_keepsReadinessUp_andListsIt() throws Exception {
        ObjectiveStreams streams = new ObjectiveStreams(eventStore, transaction);
        ObjectiveId poisoned = ObjectiveId.of("obj-poisoned");
        ObjectiveId healthy = ObjectiveId.of("obj-healthy");
        streams.append(poisoned, new ObjectiveDefinedEvent(poisoned, "so-ldtbxh-bt", 2024, "MT1", "Trước sự cố", null));
        await().untilAsserted(() -> assertThat(statementOf(poisoned)).isEqualTo("Trước sự cố"));

        streams.append(poisoned, new ObjectiveRevisedEvent(poisoned, "Lý do\u0000độc", null));
        streams.append(poisoned, new ObjectiveRevisedEvent(poisoned, "Sau sự cố", null)); // waits behind it
        streams.append(healthy, new ObjectiveDefinedEvent(healthy, "so-ldtbxh-bt", 2024, "MT2", "Bình thường", null));
        streams.append(healthy, new ObjectiveRevisedEvent(healthy, "Đã sửa", null));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(statementOf(healthy)).isEqualTo("Đã sửa"));
        assertThat(statementOf(poisoned)).isEqualTo("Trước sự cố");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Health readiness = processorsHealth.health(true);
            assertThat(readiness.getStatus()).isEqualTo(Status.UP);
            assertThat(((Map<?, ?>) readiness.getDetails().get("objective-progress")).get("deadLetters")).isEqualTo(1L);
        });
        assertThat(meters.get("qualityledger.projection.dead_letters").tag("projection", "objective-progress").gauge().value())
                .isEqualTo(1.0);

        mvc.perform(get(DEAD_LETTERS))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].streamId").value(poisoned.value()))
                .andExpect(jsonPath("$[0].eventType").value("ObjectiveRevisedEvent"))
                .andExpect(jsonPath("$[0].sequenceNumber").value(1))
                .andExpect(jsonPath("$[0].eventsWaiting").value(2))
                .andExpect(jsonPath("$[0].cause").value(containsString("0x00")))
                .andExpect(jsonPath("$[0].cause").value(not(containsString("\tat "))));

        // the event is as bad as before: the retry leaves the stream parked, and its later event still waits
        mvc.perform(post(DEAD_LETTERS + "/retry"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.streamsTried").value(1))
                .andExpect(jsonPath("$.streamsReleased").value(0))
                .andExpect(jsonPath("$.streamsStillParked").value(1));
        mvc.perform(get(DEAD_LETTERS)).andExpect(jsonPath("$[0].streamId").value(poisoned.value()))
                .andExpect(jsonPath("$[0].eventsWaiting").value(2));
        assertThat(statementOf(poisoned)).isEqualTo("Trước sự cố");

        // a check replays everything, meets the same event, skips that stream as the queue does, and finds no difference
        ProjectionRebuilds.ConsistencyReport report = rebuilds.check("objective-progress");
        assertThat(report.consistent()).isTrue();
        assertThat(report.skippedStreams()).extracting(ProjectionReplay.SkippedStream::streamId).containsExactly(poisoned.value());
    }

    @Test
    void answersAnUnknownProjectionWith404() throws Exception {
        mvc.perform(get("/api/admin/projections/nothing-like-it/dead-letters")).andExpect(status().isNotFound());
    }

    private String statementOf(ObjectiveId objective) {
        return jdbc.queryForList("SELECT statement FROM query.objective WHERE id = ?", String.class, objective.value())
                .stream().findFirst().orElse(null);
    }
}
