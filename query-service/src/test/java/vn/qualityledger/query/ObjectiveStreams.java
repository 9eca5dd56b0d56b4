package vn.qualityledger.query;

import java.util.HashMap;
import java.util.Map;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.transaction.support.TransactionTemplate;
import vn.qualityledger.api.objective.ObjectiveId;

/**
 * Appends events to objective streams in the event store as the Objective aggregate would: one stream per objective,
 * sequence numbers 0, 1, 2, ... The events then reach the projection through its processor, as in production.
 */
public class ObjectiveStreams {

    private final EventStore eventStore;
    private final TransactionTemplate transaction;
    private final Map<String, Long> nextSequence = new HashMap<>();

    public ObjectiveStreams(EventStore eventStore, TransactionTemplate transaction) {
        this.eventStore = eventStore;
        this.transaction = transaction;
    }

    /** Appends the events in one transaction, as one command's events would be. */
    public void append(ObjectiveId objectiveId, Object... events) {
        transaction.executeWithoutResult(status -> {
            for (Object event : events) {
                long sequence = nextSequence.merge(objectiveId.value(), 1L, Long::sum) - 1;
                eventStore.publish(new GenericDomainEventMessage<>("Objective", objectiveId.value(), sequence, event));
            }
        });
    }
}
