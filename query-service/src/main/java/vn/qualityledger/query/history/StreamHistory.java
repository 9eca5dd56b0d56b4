package vn.qualityledger.query.history;

import static vn.qualityledger.query.QueryServiceApplication.AGENCY_ZONE;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.AnnotationRevisionResolver;
import org.axonframework.serialization.RevisionResolver;
import org.springframework.stereotype.Service;
import vn.qualityledger.api.audit.InternalAuditPlannedEvent;
import vn.qualityledger.api.common.Actor;
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


    private final EventStore eventStore;
    private final RevisionResolver revisions = new AnnotationRevisionResolver();

    public StreamHistory(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /** Events {@code page * size} onwards of the stream, in stream order. */
    public PageResponse<HistoryEntry> page(Kind kind, String streamId, int page, int size) {
        long total = requireExists(kind, streamId) + 1;
        long first = (long) page * size;
        List<HistoryEntry> entries = new ArrayList<>();
        if (first < total) {
            DomainEventStream stream = eventStore.readEvents(streamId, first);
            while (stream.hasNext() && entries.size() < size) {
                entries.add(entry(stream.next()));
            }
        }
        return PageResponse.of(entries, page, size, total);
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
        DomainEventStream stream = eventStore.readEvents(streamId, 0);
        if (!stream.hasNext() || !kind.firstEvent.isInstance(stream.next().getPayload())) {
            throw new NotFoundException("No " + kind.name + " " + streamId);
        }
        return last;
    }

    private HistoryEntry entry(DomainEventMessage<?> event) {
        Map<String, Object> metadata = new LinkedHashMap<>(event.getMetaData());
        return new HistoryEntry(event.getSequenceNumber(), event.getIdentifier(), event.getPayloadType().getName(),
                revisions.revisionOf(event.getPayloadType()), event.getTimestamp(),
                event.getTimestamp().atZone(AGENCY_ZONE).toOffsetDateTime(), Actor.fromMetaData(metadata), metadata,
                event.getPayload(), HistorySummaries.of(event.getPayload()));
    }
}
