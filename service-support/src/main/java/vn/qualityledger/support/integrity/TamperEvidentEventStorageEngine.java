package vn.qualityledger.support.integrity;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.jpa.DomainEventEntry;
import org.axonframework.eventsourcing.eventstore.jpa.JpaEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Axon's JPA storage engine, writing each event's chain link (see {@link EventChain}) in the same transaction as the
 * event. The link is computed from the entity exactly as it will be stored, and {@link #storedEvents} reads the events
 * back through the same engine, as stored, so verification recomputes it over the same bytes.
 */
public class TamperEvidentEventStorageEngine extends JpaEventStorageEngine {

    private final EventChain chain;
    private final ChainHeads heads;
    /** The last link written per stream within the current append (a command may append several events). */
    private final ThreadLocal<Map<String, ChainHeads.Head>> appending = ThreadLocal.withInitial(HashMap::new);

    public TamperEvidentEventStorageEngine(JpaEventStorageEngine.Builder builder, EventChain chain, ChainHeads heads) {
        super(builder);
        this.chain = chain;
        this.heads = heads;
    }

    /**
     * The stream's events in order, exactly as stored: Axon's raw {@link DomainEventData}, without upcasting or
     * deserialising, since the links were computed over the stored bytes. A gap in the sequence shows as a jump.
     */
    public Stream<EventChain.StoredEvent> storedEvents(String aggregateIdentifier) {
        return readEventData(aggregateIdentifier, 0).map(TamperEvidentEventStorageEngine::stored);
    }

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        try {
            super.appendEvents(events, serializer);
            rememberHeadsOnceCommitted(Map.copyOf(appending.get()));
        } finally {
            appending.remove();
        }
    }

    @Override
    protected Object createEventEntity(EventMessage<?> eventMessage, Serializer serializer) {
        Object entity = super.createEventEntity(eventMessage, serializer);
        if (entity instanceof DomainEventEntry entry && entry.getAggregateIdentifier() != null) {
            EventChain.StoredEvent stored = stored(entry);
            byte[] link = chain.link(stored, previousLink(stored));
            appending.get().put(stored.aggregateIdentifier(), new ChainHeads.Head(stored.sequenceNumber(), link));
            entityManager().createNativeQuery(
                            "INSERT INTO event_store.event_chain (aggregate_identifier, sequence_number, link) VALUES (?1, ?2, ?3)")
                    .setParameter(1, stored.aggregateIdentifier())
                    .setParameter(2, stored.sequenceNumber())
                    .setParameter(3, link)
                    .executeUpdate();
        }
        return entity;
    }

    private static EventChain.StoredEvent stored(DomainEventData<?> event) {
        return new EventChain.StoredEvent(event.getAggregateIdentifier(), event.getSequenceNumber(), event.getType(),
                event.getEventIdentifier(), DateTimeUtils.formatInstant(event.getTimestamp()), event.getPayload().getType().getName(),
                event.getPayload().getType().getRevision(), (byte[]) event.getPayload().getData(), (byte[]) event.getMetaData().getData());
    }

    private byte[] previousLink(EventChain.StoredEvent event) {
        if (event.sequenceNumber() == 0) {
            return EventChain.GENESIS;
        }
        ChainHeads.Head inThisAppend = appending.get().get(event.aggregateIdentifier());
        if (inThisAppend != null) {
            return inThisAppend.link();
        }
        byte[] committed = heads.linkBefore(event.aggregateIdentifier(), event.sequenceNumber());
        if (committed != null) {
            return committed;
        }
        List<?> stored = entityManager().createNativeQuery(
                        "SELECT link FROM event_store.event_chain WHERE aggregate_identifier = ?1 AND sequence_number = ?2")
                .setParameter(1, event.aggregateIdentifier())
                .setParameter(2, event.sequenceNumber() - 1)
                .getResultList();
        // A stream written before the chain existed starts its chain here.
        return stored.isEmpty() ? EventChain.GENESIS : (byte[]) stored.get(0);
    }

    /**
     * The heads become known only when the transaction commits: a rolled-back append must leave no link behind for an
     * event that does not exist, since another replica may then store that position with other content. Outside a
     * Spring transaction we cannot tell when (or whether) it commits, so nothing is remembered.
     */
    private void rememberHeadsOnceCommitted(Map<String, ChainHeads.Head> written) {
        if (written.isEmpty()) {
            return;
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    heads.remember(written);
                }
            });
        }
    }
}
