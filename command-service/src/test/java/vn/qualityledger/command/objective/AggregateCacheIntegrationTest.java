package vn.qualityledger.command.objective;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.qualityledger.command.objective.ObjectiveFixtures.*;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.CachingEventSourcingRepository;
import org.axonframework.modelling.command.Repository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.qualityledger.api.common.Actor;
import vn.qualityledger.api.common.CommandErrorDetails;
import vn.qualityledger.api.objective.*;
import vn.qualityledger.command.CommandServiceApplication;
import vn.qualityledger.support.TestDatabase;

/**
 * Two command-service replicas on one event store, each keeping objectives in memory between commands. A replica whose
 * copy is stale (the other appended since) answers as the stored stream would: a command the stream refuses is refused
 * for its own reason, one it accepts is stored once — never refused for what only the stale copy lacks, never a 409.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AggregateCacheIntegrationTest {

    private final String url = TestDatabase.recreate("ql_test_aggregate_cache");
    private ConfigurableApplicationContext first;
    private ConfigurableApplicationContext second;

    @BeforeAll
    void startTwoReplicas() {
        first = start();
        second = start();
    }

    @AfterAll
    void stop() {
        if (second != null) {
            second.close();
        }
        if (first != null) {
            first.close();
        }
    }

    private ConfigurableApplicationContext start() {
        return CommandServiceApplication.application().run("--server.port=0", "--spring.datasource.url=" + url,
                "--spring.datasource.hikari.maximum-pool-size=4", "--db-scheduler.polling-interval=1s");
    }

    @Test
    void everyAggregateIsKeptInMemory() {
        assertThat(first.getBean("objectiveRepository", Repository.class)).isInstanceOf(CachingEventSourcingRepository.class);
        for (String aggregate : List.of("nonconformity", "internalAudit", "managementReview", "issuedResultsReport")) {
            assertThat(first.getBean(aggregate + "Repository", Repository.class)).as(aggregate).isInstanceOf(CachingEventSourcingRepository.class);
        }
    }

    @Test
    void aReplicaWithAStaleCopyAnswersAsTheStoredStreamWould() {
        send(first, define());
        send(first, new PlanMeasureCommand(OBJECTIVE, REPORTS, null, REPORT_DETAILS)); // the first replica holds both events

        // The second replica publishes; the first one's copy does not know.
        send(second, new PublishObjectiveCommand(OBJECTIVE, new vn.qualityledger.api.common.Decision("12/QĐ-SLĐTBXH",
                LocalDate.of(2023, 1, 10))));
        // Accepted by the stored stream: stored once, right after the publication.
        send(first, new ReviseObjectiveCommand(OBJECTIVE, STATEMENT + " (điều chỉnh)", TARGET));
        assertThat(eventTypes()).containsExactly(ObjectiveDefinedEvent.class.getName(), MeasurePlannedEvent.class.getName(),
                ObjectivePublishedEvent.class.getName(), ObjectiveRevisedEvent.class.getName());

        // The second replica closes the year; the first one, still holding the open objective, must refuse what a
        // closed objective refuses.
        send(second, new CloseObjectiveCommand(OBJECTIVE, new Assessment(true, null), LocalDate.of(2023, 12, 31)));
        assertThatThrownBy(() -> send(first, new ReviseObjectiveCommand(OBJECTIVE, STATEMENT + " (lần hai)", TARGET)))
                .isInstanceOf(CommandExecutionException.class)
                .satisfies(refusal -> assertThat(((CommandExecutionException) refusal).getDetails())
                        .map(details -> ((CommandErrorDetails) details).code()).contains("OBJECTIVE_CLOSED"));
        assertThat(eventTypes()).hasSize(5).last().isEqualTo(ObjectiveClosedEvent.class.getName());
        assertThat(new JdbcTemplate(first.getBean(javax.sql.DataSource.class)).queryForList(
                "SELECT sequence_number FROM event_store.domain_event_entry WHERE aggregate_identifier = ? ORDER BY sequence_number",
                Long.class, OBJECTIVE.value())).containsExactly(0L, 1L, 2L, 3L, 4L);
    }

    @Test
    void aReplicaNeverRefusesFromAStaleCopyWhatTheStoredStreamAccepts() {
        ObjectiveId objective = new ObjectiveId("SLDTBXH-HD.MTCL-2023-07");
        send(first, new DefineObjectiveCommand(objective, ORG, YEAR, "MTCL-2023-07", STATEMENT, TARGET)); // cached by the first
        // The second replica plans the measure; only the stored stream knows its occurrences.
        send(second, new PlanMeasureCommand(objective, REPORTS, null, REPORT_DETAILS));
        send(first, new SubmitEvidenceCommand(objective, EVIDENCE, MAY_REPORT, REPORT_DOCUMENT, LocalDate.of(2023, 5, 13), null));
        assertThat(new JdbcTemplate(first.getBean(javax.sql.DataSource.class)).queryForList(
                "SELECT payload_type FROM event_store.domain_event_entry WHERE aggregate_identifier = ? ORDER BY sequence_number",
                String.class, objective.value()))
                .containsExactly(ObjectiveDefinedEvent.class.getName(), MeasurePlannedEvent.class.getName(), EvidenceSubmittedEvent.class.getName());
    }

    private List<String> eventTypes() {
        return new JdbcTemplate(first.getBean(javax.sql.DataSource.class)).queryForList(
                "SELECT payload_type FROM event_store.domain_event_entry WHERE aggregate_identifier = ? ORDER BY sequence_number",
                String.class, OBJECTIVE.value());
    }

    private static void send(ConfigurableApplicationContext replica, Object command) {
        Actor actor = ADMINISTRATOR;
        replica.getBean(CommandGateway.class).sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(actor.toMetaData()));
    }
}
