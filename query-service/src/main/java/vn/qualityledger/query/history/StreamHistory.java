package vn.qualityledger.query.history;

import static vn.qualityledger.query.QueryServiceApplication.AGENCY_ZONE;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Revision;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;
import tools.jackson.core.JsonGenerator;
import vn.qualityledger.api.audit.InternalAuditPlannedEvent;
import vn.qualityledger.api.common.Actor;
import vn.qualityledger.api.contract.EventContract;
import vn.qualityledger.api.nonconformity.NonconformityRaisedEvent;
import vn.qualityledger.api.objective.ObjectiveDefinedEvent;
import vn.qualityledger.query.web.NotFoundException;
import vn.qualityledger.query.web.PageResponse;

/**
 * The history of an objective, an audit or a nonconformity: its stream, read from the event store itself — not from a
 * copy that could drift — through Axon, so that upcasters apply and it reads the same from the JPA store or Axon Server.
 */
@Service
public class StreamHistory {

    /** The kinds of stream there are, each known by its first event (which names the organisation). */
    public enum Kind {
        OBJECTIVE("objective", ObjectiveDefinedEvent.class),
        AUDIT("audit", InternalAuditPlannedEvent.class),
        NONCONFORMITY("nonconformity", NonconformityRaisedEvent.class);

        private final String name;
        private final Class<?> firstEvent;

        Kind(String name, Class<?> firstEvent) {
            this.name = name;
            this.firstEvent = firstEvent;
        }
    }


    /** The metadata key of the message that caused an event (command-service's attribution). */
    static final String CAUSATION_ID = "causationId";

    /**
     * The published name and revision of each event class, worked out once per class: every entry needs them, and the
     * annotation lookup and string work cost more than the rest of an entry's header.
     */
    private static final ClassValue<PublishedType> PUBLISHED_TYPES = new ClassValue<>() {
        @Override
        protected PublishedType computeValue(Class<?> type) {
            return PublishedType.of(type);
        }
    };

    /**
     * Streams whose first event was found to be of their kind. A stream's first event never changes (the store only
     * appends), so once checked, a stream keeps its kind: later pages skip reading the head of the stream again.
     * Only found streams are kept, so an id that names no stream yet is checked again on its next read.
     */
    private final Cache<String, Kind> checkedKinds = Caffeine.newBuilder().maximumSize(10_000).build();
    private final EventStore eventStore;
    private final Serializer serializer;
    private final HistoryEntryJson entryJson;

    public StreamHistory(EventStore eventStore, @Qualifier("eventSerializer") Serializer serializer) {
        this.eventStore = eventStore;
        this.serializer = serializer;
        this.entryJson = new HistoryEntryJson(serializer);
    }

    /** A page of a stream that was found to exist: its events are read only when {@link #forEachEntry} goes through them. */
    public record Page(String streamId, int page, int size, long totalElements) {
    }

    /** Events {@code page * size} onwards of the stream, in stream order. */
    public PageResponse<HistoryEntry> page(Kind kind, String streamId, int page, int size) {
        Page found = find(kind, streamId, page, size);
        List<HistoryEntry> entries = new ArrayList<>();
        forEachEntry(found, entries::add);
        return PageResponse.of(entries, page, size, found.totalElements());
    }

    /** The page, once the stream is known to be of its kind (a 404 otherwise); nothing of it is read yet. */
    public Page find(Kind kind, String streamId, int page, int size) {
        return new Page(streamId, page, size, requireExists(kind, streamId) + 1);
    }

    /**
     * Hands each event of the page to {@code entries} as it is read, in stream order, so that a page is never held
     * whole: Axon reads the stream from the store a batch at a time.
     */
    public void forEachEntry(Page page, Consumer<HistoryEntry> entries) {
        forEachEvent(page, event -> entries.accept(entry(event)));
    }

    /**
     * Writes each entry of the page to {@code out} as it is read, in stream order, as {@link HistoryEntry}'s JSON:
     * the payload and metadata from their stored bytes ({@link HistoryEntryJson}), not read into objects and back.
     */
    public void writeEntries(Page page, JsonGenerator out) {
        forEachEvent(page, event -> entryJson.write(event, out));
    }

    private void forEachEvent(Page page, Consumer<DomainEventMessage<?>> events) {
        long first = (long) page.page() * page.size();
        if (first >= page.totalElements()) {
            return;
        }
        DomainEventStream stream = eventStore.readEvents(page.streamId(), first);
        for (int read = 0; read < page.size() && stream.hasNext(); read++) {
            events.accept(stream.next());
        }
    }

    /** The events recorded after {@code from} and up to {@code to}, in stream order. */
    public List<HistoryEntry> recordedBetween(Kind kind, String streamId, Instant from, Instant to) {
        requireExists(kind, streamId);
        List<HistoryEntry> entries = new ArrayList<>();
        DomainEventStream stream = eventStore.readEvents(streamId, 0);
        while (stream.hasNext()) {
            DomainEventMessage<?> event = stream.next();
            if (event.getTimestamp().isAfter(to)) {
                break;
            }
            if (event.getTimestamp().isAfter(from)) {
                entries.add(entry(event));
            }
        }
        return entries;
    }

    /** The stream's last sequence number, or a 404 when there is no stream of that kind (an audit's id is no objective). */
    long requireExists(Kind kind, String streamId) {
        long last = eventStore.lastSequenceNumberFor(streamId).orElseThrow(() -> new NotFoundException("No " + kind.name + " " + streamId));
        Kind checked = checkedKinds.getIfPresent(streamId);
        if (checked == null) {
            // Axon reads the head of the stream a batch at a time and deserialises lazily: only the first payload is read.
            DomainEventStream stream = eventStore.readEvents(streamId, 0);
            checked = stream.hasNext() ? kindOf(stream.next().getPayloadType()) : null;
            if (checked != null) {
                checkedKinds.put(streamId, checked);
            }
        }
        if (checked != kind) {
            throw new NotFoundException("No " + kind.name + " " + streamId);
        }
        return last;
    }

    private static Kind kindOf(Class<?> firstEventType) {
        for (Kind kind : Kind.values()) {
            if (kind.firstEvent.isAssignableFrom(firstEventType)) {
                return kind;
            }
        }
        return null;
    }

    HistoryEntry entry(DomainEventMessage<?> event) {
        Map<String, Object> metadata = new LinkedHashMap<>(event.getMetaData());
        PublishedType type = publishedType(event.getPayloadType());
        Object payload = event.getPayload();
        Object causation = metadata.get(CAUSATION_ID);
        return new HistoryEntry(event.getSequenceNumber(), event.getIdentifier(), type.name(), type.revision(), event.getTimestamp(),
                event.getTimestamp().atZone(AGENCY_ZONE).toOffsetDateTime(), Actor.fromMetaData(metadata),
                causation == null ? null : causation.toString(), metadata, payload,
                HistorySummaries.of(event.getPayloadType(), event.serializePayload(serializer, byte[].class).getData()));
    }

    static PublishedType publishedType(Class<?> payloadType) {
        return PUBLISHED_TYPES.get(payloadType);
    }

    /**
     * An event type as consumers know it: its published contract name and revision ({@link EventContract}), as the feed
     * names it. A class outside the contract (none is stored today; a test keeps the contract complete) keeps its Java
     * class name, so that the entry still says what it is.
     */
    record PublishedType(String name, String revision) {

        static PublishedType of(Class<?> type) {
            if (EventContract.byPayloadType(type.getName()).isPresent()) {
                return new PublishedType(EventContract.typeName(type), EventContract.revision(type));
            }
            Revision revision = type.getAnnotation(Revision.class);
            return new PublishedType(type.getName(), revision == null ? null : revision.value());
        }
    }
}
