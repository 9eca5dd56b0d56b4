package vn.qualityledger.bench;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.jpa.DomainEventEntry;
import org.axonframework.serialization.AnnotationRevisionResolver;
import org.axonframework.serialization.ChainingConverter;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;
import vn.qualityledger.support.integrity.EventChain;

/**
 * Turns an event into the row command-service would store for it, by the same code path: Axon's
 * {@link DomainEventEntry} (what its JPA storage engine persists) over a {@link Jackson3Serializer} built as Axon's
 * Spring Boot auto-configuration builds it for {@code axon.serializer.events: jackson3} (annotation revision resolver,
 * chaining converter, and service-support's customizer that trusts {@code org.axonframework.} and
 * {@code vn.qualityledger.}). The metadata is what the service's correlation providers add to an event applied while
 * handling a command: the actor's five keys, and {@code commandId}, {@code traceId}, {@code causationId} and
 * {@code correlationId}, all the command message's id.
 * <p>
 * {@code LoaderProof} checks, on every run, that these rows equal the rows the running service writes.
 */
final class EventEncoder {

    static final String AGGREGATE_TYPE = "Objective";
    /** The tamper-evidence key the harness gives the services (INTEGRITY_KEY) and signs loaded events with. */
    static final String INTEGRITY_KEY = "quality-ledger-bench-key";

    private final EventChain chain = new EventChain(INTEGRITY_KEY);

    private final Serializer serializer = Jackson3Serializer.builder()
            .revisionResolver(new AnnotationRevisionResolver())
            .converter(new ChainingConverter(EventEncoder.class.getClassLoader()))
            .jsonMapperBuilderCustomizer(builder -> builder.polymorphicTypeValidator(BasicPolymorphicTypeValidator.builder()
                    .allowIfSubType("org.axonframework.").allowIfSubType("vn.qualityledger.").build()))
            .build();

    EventChain chain() {
        return chain;
    }

    /** A row of event_store.domain_event_entry but its global index (the loader takes that from the sequence). */
    record Row(String eventIdentifier, byte[] metaData, byte[] payload, String payloadRevision, String payloadType,
               String timeStamp, String aggregateIdentifier, long sequenceNumber, String type) {
    }

    /**
     * What the service's correlation providers put on an event applied while handling a command: the actor who issued
     * it, the command's id as command, trace, causation and correlation id.
     */
    private static Map<String, Object> metaData(String aggregateIdentifier, String commandId) {
        Map<String, Object> metaData = new java.util.LinkedHashMap<>(Map.of("traceId", commandId, "correlationId", commandId,
                "causationId", commandId, "commandId", commandId));
        String organisation = aggregateIdentifier.contains(".") ? aggregateIdentifier.substring(0, aggregateIdentifier.indexOf('.')) : null;
        metaData.putAll(new vn.qualityledger.api.common.Actor(BenchUsers.administrator(organisation), BenchUsers.administrator(organisation),
                List.of(vn.qualityledger.api.common.Role.ADMIN), organisation, null).toMetaData());
        return metaData;
    }

    /**
     * @param commandId the id of the command message that produced the event (its trace and correlation id)
     * @param storedAt  when the event was stored
     */
    Row encode(String aggregateIdentifier, long sequenceNumber, Object payload, String commandId, Instant storedAt) {
        DomainEventMessage<?> message = new GenericDomainEventMessage<>(AGGREGATE_TYPE, aggregateIdentifier, sequenceNumber,
                payload, metaData(aggregateIdentifier, commandId), UUID.randomUUID().toString(), storedAt);
        DomainEventEntry entry = new DomainEventEntry(message, serializer);
        return new Row(entry.getEventIdentifier(), entry.getMetaData().getData(), entry.getPayload().getData(),
                entry.getPayload().getType().getRevision(), entry.getPayload().getType().getName(),
                DateTimeUtils.formatInstant(entry.getTimestamp()), entry.getAggregateIdentifier(),
                entry.getSequenceNumber(), entry.getType());
    }
}
