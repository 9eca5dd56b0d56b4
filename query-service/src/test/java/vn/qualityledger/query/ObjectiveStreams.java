package vn.qualityledger.query;

import java.util.HashMap;
import java.util.Map;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.transaction.support.TransactionTemplate;
import vn.qualityledger.api.objective.ObjectiveId;

/**
 * Appends events to streams in the event store as the aggregates would: one stream per objective (audit,
 * nonconformity), sequence numbers 0, 1, 2, ... The events then reach the projection through its processor, as in production.
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
        append("Objective", objectiveId.value(), events);
    }

    /** The same for a stream of any aggregate (an audit, a nonconformity). */
    public void append(String aggregateType, String streamId, Object... events) {
        transaction.executeWithoutResult(status -> {
            for (Object event : events) {
                long sequence = nextSequence.merge(streamId, 1L, Long::sum) - 1;
                eventStore.publish(new GenericDomainEventMessage<>(aggregateType, streamId, sequence, event));
            }
        });
    }
}
