package vn.qualityledger.support.integrity;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.jpa.DomainEventEntry;
import org.axonframework.eventsourcing.eventstore.jpa.JpaEventStorageEngine;
import org.axonframework.serialization.Serializer;

/**
 * Axon's JPA storage engine, writing each event's chain link (see {@link EventChain}) in the same transaction as the
 * event. The link is computed from the entity exactly as it will be stored, so verification reads back the same bytes.
 */
public class TamperEvidentEventStorageEngine extends JpaEventStorageEngine {

    private final EventChain chain;
    /** The last link written per stream within the current append (a command may append several events). */
    private final ThreadLocal<Map<String, byte[]>> appending = ThreadLocal.withInitial(HashMap::new);

    public TamperEvidentEventStorageEngine(JpaEventStorageEngine.Builder builder, EventChain chain) {
        super(builder);
        this.chain = chain;
    }

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        try {
            super.appendEvents(events, serializer);
        } finally {
            appending.remove();
        }
    }

    @Override
    protected Object createEventEntity(EventMessage<?> eventMessage, Serializer serializer) {
        Object entity = super.createEventEntity(eventMessage, serializer);
        if (entity instanceof DomainEventEntry entry && entry.getAggregateIdentifier() != null) {
            EventChain.StoredEvent stored = new EventChain.StoredEvent(entry.getAggregateIdentifier(), entry.getSequenceNumber(),
                    entry.getType(), entry.getEventIdentifier(), DateTimeUtils.formatInstant(entry.getTimestamp()), entry.getPayload().getType().getName(),
                    entry.getPayload().getType().getRevision(), entry.getPayload().getData(), entry.getMetaData().getData());
            byte[] link = chain.link(stored, previousLink(stored));
            appending.get().put(stored.aggregateIdentifier(), link);
            entityManager().createNativeQuery(
                            "INSERT INTO event_store.event_chain (aggregate_identifier, sequence_number, link) VALUES (?1, ?2, ?3)")
                    .setParameter(1, stored.aggregateIdentifier())
                    .setParameter(2, stored.sequenceNumber())
                    .setParameter(3, link)
                    .executeUpdate();
        }
        return entity;
    }

    private byte[] previousLink(EventChain.StoredEvent event) {
        if (event.sequenceNumber() == 0) {
            return EventChain.GENESIS;
        }
        byte[] inThisAppend = appending.get().get(event.aggregateIdentifier());
        if (inThisAppend != null) {
            return inThisAppend;
        }
        List<?> stored = entityManager().createNativeQuery(
                        "SELECT link FROM event_store.event_chain WHERE aggregate_identifier = ?1 AND sequence_number = ?2")
                .setParameter(1, event.aggregateIdentifier())
                .setParameter(2, event.sequenceNumber() - 1)
                .getResultList();
        // A stream written before the chain existed starts its chain here.
        return stored.isEmpty() ? EventChain.GENESIS : (byte[]) stored.get(0);
    }
}
