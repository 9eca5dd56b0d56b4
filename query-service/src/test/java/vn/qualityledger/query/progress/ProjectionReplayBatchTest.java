package vn.qualityledger.query.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;
import vn.qualityledger.api.common.DocumentReference;
import vn.qualityledger.api.objective.EvidenceAcceptedEvent;
import vn.qualityledger.api.objective.EvidenceId;
import vn.qualityledger.api.objective.EvidenceSubmittedEvent;
import vn.qualityledger.api.objective.MeasureDetails;
import vn.qualityledger.api.objective.MeasureId;
import vn.qualityledger.api.objective.MeasurePlannedEvent;
import vn.qualityledger.api.objective.ObjectiveDefinedEvent;
import vn.qualityledger.api.objective.ObjectiveId;
import vn.qualityledger.api.objective.ObjectiveRevisedEvent;
import vn.qualityledger.api.objective.OccurrenceId;
import vn.qualityledger.api.objective.ScheduledOccurrence;
import vn.qualityledger.query.IntegrationDatabase;
import vn.qualityledger.support.TestDatabase;

/**
 * A replay's chunk applied as one batch of statements (ProjectionReplay#applyAll, BatchedWrites) against the real
 * PostgreSQL: the rows are those of applying the events one by one, although an acceptance's two updates (evidence,
 * then occurrence) alternate with the inserts they depend on; and a statement PostgreSQL refuses in the chunk skips
 * only its stream, from that event on, while the chunk's other events are applied.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProjectionReplayBatchTest {

    private static final List<String> ROWS = List.of(
            "SELECT id, statement FROM query.objective ORDER BY id",
            "SELECT objective_id, occurrence_id, completed_on FROM query.occurrence ORDER BY 1, 2",
            "SELECT objective_id, evidence_id, status, effective_on FROM query.evidence ORDER BY 1, 2");

    private JdbcTemplate jdbc;
    private TransactionTemplate transaction;
    private final Map<String, Long> sequences = new java.util.HashMap<>();

    @BeforeAll
    void database() {
        String url = TestDatabase.recreate("ql_test_query_replay_batch");
        Flyway.configure().dataSource(url, TestDatabase.user(), TestDatabase.password()).schemas("query")
                .locations("classpath:db/query").load().migrate();
        DriverManagerDataSource dataSource = new DriverManagerDataSource(IntegrationDatabase.asQueryServiceConnects(url), TestDatabase.user(), TestDatabase.password());
        jdbc = new JdbcTemplate(dataSource);
        transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    @BeforeEach
    void empty() {
        new ObjectiveProgressProjection(jdbc).reset();
        sequences.clear();
    }

    @Test
    void aBatchGivesTheRowsOfEventByEvent() {
        List<EventMessage<?>> events = new ArrayList<>();
        events.addAll(objectiveWithAcceptedWork("obj-a", 3));
        events.addAll(objectiveWithAcceptedWork("obj-b", 2));

        ProjectionReplay oneByOne = new ProjectionReplay(new ObjectiveProgressProjection(jdbc));
        transaction.executeWithoutResult(status -> events.forEach(oneByOne::apply));
        List<List<Map<String, Object>>> expected = rows();
        assertThat(expected.get(1)).hasSize(5).allSatisfy(row -> assertThat(row.get("completed_on")).isNotNull());

        new ObjectiveProgressProjection(jdbc).reset();
        ProjectionReplay batched = new ProjectionReplay(new ObjectiveProgressProjection(jdbc));
        transaction.executeWithoutResult(status -> batched.applyAll(events));

        assertThat(rows()).isEqualTo(expected);
        assertThat(batched.skippedStreams()).isEmpty();
    }

    @Test
    void aRefusedStatementSkipsOnlyItsStream_andTheRestOfTheBatchIsApplied() {
        List<EventMessage<?>> events = new ArrayList<>();
        events.addAll(objectiveWithAcceptedWork("obj-healthy-1", 2));
        events.add(message("obj-poisoned", new ObjectiveDefinedEvent(ObjectiveId.of("obj-poisoned"), "so-ldtbxh-bt", 2024,
                "MT9", "Trước sự cố", null)));
        events.add(message("obj-poisoned", new ObjectiveRevisedEvent(ObjectiveId.of("obj-poisoned"), "Lý do\u0000độc", null)));
        events.add(message("obj-poisoned", new ObjectiveRevisedEvent(ObjectiveId.of("obj-poisoned"), "Sau sự cố", null)));
        events.addAll(objectiveWithAcceptedWork("obj-healthy-2", 2));

        ProjectionReplay batched = new ProjectionReplay(new ObjectiveProgressProjection(jdbc));
        transaction.executeWithoutResult(status -> batched.applyAll(events));

        assertThat(batched.skippedStreams()).extracting(ProjectionReplay.SkippedStream::streamId).containsExactly("obj-poisoned");
        assertThat(jdbc.queryForList("SELECT id || ' ' || statement FROM query.objective ORDER BY id", String.class))
                .containsExactly("obj-healthy-1 Cải tiến obj-healthy-1", "obj-healthy-2 Cải tiến obj-healthy-2",
                        "obj-poisoned Trước sự cố");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM query.occurrence WHERE completed_on IS NOT NULL", Long.class))
                .isEqualTo(4);
    }

    private List<List<Map<String, Object>>> rows() {
        return ROWS.stream().map(jdbc::queryForList).toList();
    }

    /** Defined, one measure with {@code occurrences} due dates, each filed and accepted: statements on three tables. */
    private List<EventMessage<?>> objectiveWithAcceptedWork(String id, int occurrences) {
        ObjectiveId objective = ObjectiveId.of(id);
        MeasureId measure = MeasureId.of("I.1");
        List<ScheduledOccurrence> due = new ArrayList<>();
        for (int month = 1; month <= occurrences; month++) {
            due.add(new ScheduledOccurrence(OccurrenceId.of("I.1@2024-0" + month + "-28"), LocalDate.of(2024, month, 28)));
        }
        List<EventMessage<?>> events = new ArrayList<>();
        events.add(message(id, new ObjectiveDefinedEvent(objective, "so-ldtbxh-bt", 2024, "MT1", "Cải tiến " + id, null)));
        events.add(message(id, new MeasurePlannedEvent(objective, measure, null, new MeasureDetails("I.1", "Rà soát quy trình",
                List.of("VP"), List.of(), List.of(), List.of(), null), due)));
        for (ScheduledOccurrence occurrence : due) {
            EvidenceId evidence = EvidenceId.of("ev-" + occurrence.occurrenceId().value());
            events.add(message(id, new EvidenceSubmittedEvent(objective, evidence, measure, occurrence.occurrenceId(),
                    new DocumentReference("12/BC-VP", occurrence.dueDate(), "Văn phòng Sở", "Báo cáo", null, null),
                    occurrence.dueDate())));
            events.add(message(id, new EvidenceAcceptedEvent(objective, evidence, measure, occurrence.occurrenceId(),
                    occurrence.dueDate(), occurrence.dueDate())));
        }
        return events;
    }

    private EventMessage<?> message(String stream, Object payload) {
        long sequence = sequences.merge(stream, 1L, Long::sum) - 1;
        return new GenericDomainEventMessage<>("Objective", stream, sequence, payload);
    }
}
