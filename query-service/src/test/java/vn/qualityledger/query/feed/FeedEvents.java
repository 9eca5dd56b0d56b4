package vn.qualityledger.query.feed;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Appends events through Axon's event store (the JPA storage engine), with the metadata command-service records, so
 * the feed reads rows exactly as production writes them. Sequence numbers per stream from 0.
 */
final class FeedEvents {

    private final EventStore eventStore;
    private final TransactionTemplate transaction;
    private final Map<String, Long> nextSequence = new ConcurrentHashMap<>();

    FeedEvents(EventStore eventStore, TransactionTemplate transaction) {
        this.eventStore = eventStore;
        this.transaction = transaction;
    }

    /** Appends in one transaction, as one command's events. */
    void append(String streamId, Object... events) {
        transaction.executeWithoutResult(status -> appendInCurrentTransaction(streamId, events));
    }

    /** Appends within the caller's transaction (which decides when, and whether, they commit). */
    void appendInCurrentTransaction(String streamId, Object... events) {
        for (Object event : events) {
            long sequence = nextSequence.merge(streamId, 1L, Long::sum) - 1;
            eventStore.publish(new GenericDomainEventMessage<>("Aggregate", streamId, sequence, event, MetaData.from(Map.of(
                    "actorId", "thuky", "actorName", "Nguyễn Thị Thư", "actorOrganisation", "org",
                    "correlationId", "corr-" + streamId + "-" + sequence, "commandId", "cmd-" + streamId + "-" + sequence))));
        }
    }
}
