package vn.qualityledger.query.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.time.Duration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import vn.qualityledger.support.ProjectionFailures;

/** A failure that says nothing about the event is retried; one that is the event's own parks it. */
class ParkPoisonEventsTest {

    private final ProjectionFailures failures = new ProjectionFailures(Duration.ofMinutes(2));
    private final ParkPoisonEvents policy = new ParkPoisonEvents("objective-progress", failures);
    private final EventMessage<?> event = GenericEventMessage.asEventMessage("payload");

    @Test
    void parksAnEventTheDatabaseRefuses_withPostgresOwnMessage() {
        Exception refused = new DataIntegrityViolationException("PreparedStatementCallback; SQL [UPDATE ...]",
                new SQLException("ERROR: invalid byte sequence for encoding \"UTF8\": 0x00", "22021"));
        EnqueueDecision<EventMessage<?>> decision = policy.decide(new GenericDeadLetter<>("obj-1", event, refused), refused);
        assertThat(decision.shouldEnqueue()).isTrue();
        assertThat(decision.enqueueCause()).get().extracting(Throwable::getMessage).asString()
                .isEqualTo("ERROR: invalid byte sequence for encoding \"UTF8\": 0x00");
        assertThat(failures.current()).isEmpty();
    }

    @Test
    void retriesWhenTheDatabaseIsAway_andReadinessSeesTheStall() {
        Exception outage = new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
                new SQLException("Connection refused", "08001"));
        assertThatThrownBy(() -> policy.decide(new GenericDeadLetter<>("obj-1", event, outage), outage)).isSameAs(outage);
        assertThat(failures.current()).containsKey("objective-progress");
    }

    @Test
    void retriesADeadlock() {
        Exception deadlock = new IllegalStateException("batch failed", new SQLException("deadlock detected", "40P01"));
        assertThatThrownBy(() -> policy.decide(new GenericDeadLetter<>("obj-1", event, deadlock), deadlock)).isSameAs(deadlock);
    }
}
