package vn.qualityledger.query.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.stream.IntStream;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import vn.qualityledger.support.EventProcessorsHealthIndicator;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import vn.qualityledger.api.objective.EvidenceId;
import vn.qualityledger.api.objective.EvidenceSubmittedEvent;
import vn.qualityledger.api.objective.MeasureId;
import vn.qualityledger.api.objective.ObjectiveDefinedEvent;
import vn.qualityledger.api.objective.ObjectiveId;
import vn.qualityledger.api.objective.ObjectiveRevisedEvent;
import vn.qualityledger.api.objective.OccurrenceId;
import vn.qualityledger.query.IntegrationDatabase;
import vn.qualityledger.query.ObjectiveStreams;

/**
 * An event the projection cannot apply must stop its objective's stream, never be skipped: a skipped event would leave a
 * figure wrong for good. The stream is parked in the dead-letter queue with the events behind it; the others go on.
 */
@SpringBootTest(properties = "spring.config.name=query-service")
@DirtiesContext
class ProjectionFailureIntegrationTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        String url = IntegrationDatabase.withEventStore("ql_test_query_failure");
        registry.add("spring.datasource.url", () -> url);
    }

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EventStore eventStore;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    EventProcessorsHealthIndicator processorsHealth;

    @Test
    void stopsTheObjectivesStreamRatherThanSkippingAnEventItCannotApply() {
        ObjectiveId broken = ObjectiveId.of("obj-broken");
        ObjectiveStreams streams = new ObjectiveStreams(eventStore, transaction);
        streams.append(broken, new ObjectiveDefinedEvent(broken, "so-ldtbxh-bt", 2024, "MT1", "Trước sự cố", null));
        await().untilAsserted(() -> assertThat(statementOf(broken)).isEqualTo("Trước sự cố"));

        // Evidence without its document reference: the handler cannot store it. The revision after it must wait.
        streams.append(broken, new EvidenceSubmittedEvent(broken, EvidenceId.of("ev-1"), MeasureId.of("m1"),
                OccurrenceId.of("m1@2024-03-31"), null, LocalDate.parse("2024-03-25")));
        streams.append(broken, new ObjectiveRevisedEvent(broken, "Sau sự cố", null));

        // An objective handled by another segment, published later, gets through: the processor has read past the
        // broken event, yet the broken stream has not moved.
        ObjectiveId healthy = objectiveInAnotherSegmentThan(broken);
        streams.append(healthy, new ObjectiveDefinedEvent(healthy, "so-ldtbxh-bt", 2024, "MT2", "Bình thường", null));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(statementOf(healthy)).isEqualTo("Bình thường"));
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(statementOf(broken)).isEqualTo("Trước sự cố"));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM query.evidence", Integer.class)).isZero();

        // the event is parked with its stream (not a transient failure, so no retry would help): the replica stays
        // ready, since every other stream is current, and counts the parked stream
        Health readiness = processorsHealth.health(true);
        assertThat(readiness.getStatus()).isEqualTo(Status.UP);
        assertThat(readiness.getDetails()).doesNotContainKey("failingHandlers");
        assertThat(((java.util.Map<?, ?>) readiness.getDetails().get("objective-progress")).get("deadLetters")).isEqualTo(1L);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM query.dead_letter_entry WHERE sequence_identifier = ?",
                Integer.class, broken.value())).isEqualTo(2); // the broken event and the revision behind it
    }

    /** Events are spread over the processor's 16 segments by objective id (its stream). */
    private static ObjectiveId objectiveInAnotherSegmentThan(ObjectiveId objective) {
        Segment segment = Segment.splitBalanced(Segment.ROOT_SEGMENT, 15).stream()
                .filter(s -> s.matches(objective.value())).findFirst().orElseThrow();
        return IntStream.range(0, 100).mapToObj(i -> ObjectiveId.of("obj-healthy-" + i))
                .filter(id -> !segment.matches(id.value())).findFirst().orElseThrow();
    }

    private String statementOf(ObjectiveId objective) {
        return jdbc.queryForList("SELECT statement FROM query.objective WHERE id = ?", String.class, objective.value())
                .stream().findFirst().orElse(null);
    }
}
