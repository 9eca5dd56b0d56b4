package vn.qualityledger.command.objective;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.qualityledger.command.objective.ObjectiveFixtures.*;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.qualityledger.api.objective.ReviseObjectiveCommand;
import vn.qualityledger.command.CommandServiceApplication;
import vn.qualityledger.support.TestDatabase;

/**
 * Many commands at once on one objective, with a snapshot due after every other event and fewer pooled connections
 * than waiting commands: each command waiting for the objective's lock holds a connection, so a snapshot written by
 * the lock's holder on its own thread would wait for a connection nobody gives back (Hikari's timeout, then failed
 * commands). Written apart, every command is stored and the snapshots follow.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SnapshotWriterIntegrationTest {

    private static final int COMMANDS = 24;

    private final String url = TestDatabase.recreate("ql_test_snapshot_writer");
    private ConfigurableApplicationContext service;

    @BeforeAll
    void start() {
        service = CommandServiceApplication.application().run("--server.port=0", "--spring.datasource.url=" + url,
                "--spring.datasource.hikari.maximum-pool-size=3", "--spring.datasource.hikari.connection-timeout=2000",
                "--quality-ledger.snapshot-threshold=2", "--db-scheduler.polling-interval=1s");
    }

    @AfterAll
    void stop() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void concurrentCommandsOnOneObjectiveAreAllStoredAndSnapshotsFollow() throws Exception {
        send(define());
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> sent = new ArrayList<>();
            for (int i = 0; i < COMMANDS; i++) {
                String statement = STATEMENT + " (điều chỉnh lần " + (i + 1) + ")";
                sent.add(clients.submit(() -> send(new ReviseObjectiveCommand(OBJECTIVE, statement, TARGET))));
            }
            for (Future<?> command : sent) {
                command.get(); // a command that timed out waiting for a connection fails here
            }
        } finally {
            clients.shutdownNow();
        }

        JdbcTemplate jdbc = new JdbcTemplate(service.getBean(javax.sql.DataSource.class));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM event_store.domain_event_entry WHERE aggregate_identifier = ?",
                Long.class, OBJECTIVE.value())).isEqualTo(COMMANDS + 1L);
        Instant until = Instant.now().plus(Duration.ofSeconds(20));
        while (snapshotSequence(jdbc) == null && Instant.now().isBefore(until)) {
            Thread.sleep(100);
        }
        assertThat(snapshotSequence(jdbc)).as("a snapshot of the objective was written").isNotNull();
    }

    private Long snapshotSequence(JdbcTemplate jdbc) {
        return jdbc.queryForObject("SELECT max(sequence_number) FROM event_store.snapshot_event_entry WHERE aggregate_identifier = ?",
                Long.class, OBJECTIVE.value());
    }

    private void send(Object command) {
        service.getBean(CommandGateway.class).sendAndWait(GenericCommandMessage.asCommandMessage(command)
                .andMetaData(ADMINISTRATOR.toMetaData()));
    }
}
