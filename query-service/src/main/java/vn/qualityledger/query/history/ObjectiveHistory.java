package vn.qualityledger.query.history;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.DomainEventMessage;
import vn.qualityledger.api.common.Actor;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.AnnotationRevisionResolver;
import org.axonframework.serialization.RevisionResolver;
import org.springframework.stereotype.Service;
import vn.qualityledger.query.web.NotFoundException;
import vn.qualityledger.query.web.PageResponse;

/**
 * An objective's history, read from the event store itself — not from a copy that could drift — through Axon, so that
 * upcasters apply and it reads the same from the JPA store or Axon Server.
 */
@Service
public class ObjectiveHistory {

    private static final ZoneId AGENCY_ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    private final EventStore eventStore;
    private final RevisionResolver revisions = new AnnotationRevisionResolver();

    public ObjectiveHistory(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /** Events {@code page * size} onwards of the objective's stream, in stream order. */
    public PageResponse<HistoryEntry> page(String objectiveId, int page, int size) {
        long total = requireExists(objectiveId) + 1;
        long first = (long) page * size;
        List<HistoryEntry> entries = new ArrayList<>();
        if (first < total) {
            DomainEventStream stream = eventStore.readEvents(objectiveId, first);
            while (stream.hasNext() && entries.size() < size) {
                entries.add(entry(stream.next()));
            }
        }
        return PageResponse.of(entries, page, size, total);
    }

    /** The events recorded after {@code from} and up to {@code to}, in stream order. */
    public List<HistoryEntry> recordedBetween(String objectiveId, Instant from, Instant to) {
        requireExists(objectiveId);
        List<HistoryEntry> entries = new ArrayList<>();
        DomainEventStream stream = eventStore.readEvents(objectiveId, 0);
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

    /** The objective's last sequence number, or a 404 when it has no stream. */
    long requireExists(String objectiveId) {
        return eventStore.lastSequenceNumberFor(objectiveId).orElseThrow(() -> new NotFoundException("No objective " + objectiveId));
    }

    private HistoryEntry entry(DomainEventMessage<?> event) {
        Map<String, Object> metadata = new LinkedHashMap<>(event.getMetaData());
        return new HistoryEntry(event.getSequenceNumber(), event.getIdentifier(), event.getPayloadType().getName(),
                revisions.revisionOf(event.getPayloadType()), event.getTimestamp(),
                event.getTimestamp().atZone(AGENCY_ZONE).toOffsetDateTime(), Actor.fromMetaData(metadata), metadata,
                event.getPayload(), HistorySummaries.of(event.getPayload()));
    }
}
