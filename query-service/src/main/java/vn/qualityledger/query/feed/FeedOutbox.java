package vn.qualityledger.query.feed;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.qualityledger.api.contract.EventContract;

/**
 * Fills the feed's outbox ({@code query.feed_event}) from Axon's EventStore API: a tracking processor of its own (one
 * segment, from the oldest event) stores every event it is handed with its serialized payload and metadata as the
 * event serializer gives them (for an event no upcaster touches, the stored bytes, never deserialized; for an upcast
 * one, its current revision), under its global index.
 *
 * <p>The position and the watermark come from the event's tracking token. A {@link GlobalSequenceTrackingToken} (Axon
 * Server) is the event's index and has no gaps. A {@link GapAwareTrackingToken} (the JPA store) is the highest index
 * seen with the gaps below it that a slower transaction may still fill: the watermark stops before its first gap, and an
 * event that fills a gap keeps the token's index, so its position is the gap that its token no longer has. The rows of
 * one processor batch are inserted together when its unit of work commits, in the transaction that stores the token.
 *
 * <p>{@code qualityledger.feed.publication.lag} times, for every event the outbox stores, how long after the event's
 * time stamp (when command-service recorded it) its row was committed: how long a consumer of the feed waits at least.
 *
 * <p>Not in the projection rebuilds: a replay would give the same rows, but nothing needs it.
 */
@Component
@ProcessingGroup(FeedOutbox.PROCESSING_GROUP)
public class FeedOutbox {

    public static final String PROCESSING_GROUP = "feed-outbox";
    private static final String BATCH = FeedOutbox.class.getName() + ".batch";
    private static final List<String> PUBLISHED_TYPES = EventContract.EVENTS.stream().map(Class::getName).toList();

    private final JdbcTemplate jdbc;
    private final Serializer serializer;
    private final ObjectProvider<EventStore> eventStore;
    private final JsonMapper json;
    private final Timer publicationLag;

    FeedOutbox(JdbcTemplate jdbc, @Qualifier("eventSerializer") Serializer serializer, ObjectProvider<EventStore> eventStore,
               JsonMapper json, ObjectProvider<MeterRegistry> meters) {
        this.jdbc = jdbc;
        this.publicationLag = Timer.builder("qualityledger.feed.publication.lag")
                .description("From an event's time stamp to the moment the feed's outbox stored it")
                .register(meters.getIfAvailable(() -> Metrics.globalRegistry));
        this.serializer = serializer;
        // Lazily: the event store is built by the same Axon configuration that registers this handler.
        this.eventStore = eventStore;
        this.json = json;
    }

    @EventHandler
    void on(EventMessage<?> event, TrackingToken token) {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        Batch batch = unitOfWork.getOrComputeResource(BATCH, key -> {
            Batch started = new Batch();
            unitOfWork.onPrepareCommit(u -> started.flush());
            unitOfWork.afterCommit(u -> started.measurePublicationLag());
            return started;
        });
        batch.add(event, WrappedToken.unwrapLowerBound(token));
    }

    /** The events of one processor batch, and the token state they leave behind. */
    private final class Batch {

        private final List<Object[]> events = new ArrayList<>();
        private final List<Instant> recordedAt = new ArrayList<>();
        /** The time stamps of the rows this batch inserted (not those the outbox held already): known at the flush. */
        private final List<Instant> inserted = new ArrayList<>();
        private final List<Object[]> streams = new ArrayList<>();
        private final Map<String, Optional<String>> organisations = new HashMap<>();
        private long watermark;
        private long tokenIndex;
        private SortedSet<Long> gaps;

        Batch() {
            var state = jdbc.queryForMap("SELECT watermark, token_index, gaps FROM query.feed_outbox WHERE id = 1");
            watermark = ((Number) state.get("watermark")).longValue();
            tokenIndex = ((Number) state.get("token_index")).longValue();
            gaps = new TreeSet<>(Arrays.asList(longs(state.get("gaps"))));
        }

        void add(EventMessage<?> event, TrackingToken token) {
            long position = advance(token);
            SerializedObject<byte[]> payload = event.serializePayload(serializer, byte[].class);
            SerializedObject<byte[]> metaData = event.serializeMetaData(serializer, byte[].class);
            String stream = event.getIdentifier();
            long sequence = 0;
            if (event instanceof DomainEventMessage<?> domainEvent) {
                stream = domainEvent.getAggregateIdentifier();
                sequence = domainEvent.getSequenceNumber();
            }
            String organisation = sequence == 0 ? firstEvent(stream, position, payload) : organisationOf(stream, position);
            events.add(new Object[] {position, event.getIdentifier(), stream, sequence, payload.getType().getName(),
                    payload.getType().getRevision(), DateTimeUtils.formatInstant(event.getTimestamp()), payload.getData(),
                    metaData.getData(), organisation});
            recordedAt.add(event.getTimestamp());
        }

        /** Takes the event's token as the state, and returns the event's position. */
        private long advance(TrackingToken token) {
            if (token instanceof GlobalSequenceTrackingToken global) {
                tokenIndex = global.getGlobalIndex();
                watermark = tokenIndex;
                return tokenIndex;
            }
            if (!(token instanceof GapAwareTrackingToken gapAware)) {
                throw new IllegalStateException("The feed outbox needs a global index from its tracking token, not " + token);
            }
            long position;
            if (gapAware.getIndex() > tokenIndex) {
                position = gapAware.getIndex();
            } else {
                // A late commit filling a gap; gaps Axon dropped as timed out lie below it, so it is the highest gone.
                SortedSet<Long> filled = new TreeSet<>(gaps);
                filled.removeAll(gapAware.getGaps());
                if (filled.isEmpty()) {
                    throw new IllegalStateException("Cannot tell the position of an event at token " + token
                            + " after index " + tokenIndex + " with gaps " + gaps);
                }
                position = filled.last();
            }
            tokenIndex = gapAware.getIndex();
            gaps = new TreeSet<>(gapAware.getGaps());
            watermark = gaps.isEmpty() ? tokenIndex : gaps.first() - 1;
            return position;
        }

        private String firstEvent(String stream, long position, SerializedObject<byte[]> payload) {
            String organisation = organisationIn(payload.getType().getName(), payload.getData());
            organisations.put(stream, Optional.ofNullable(organisation));
            streams.add(new Object[] {stream, organisation, position});
            return organisation;
        }

        /**
         * The organisation of a later event's stream: recorded from its first event, in this batch or before. A first
         * event the outbox never got (it committed after Axon had passed its gap) is read from the event store.
         */
        private String organisationOf(String stream, long position) {
            Optional<String> known = organisations.get(stream);
            if (known == null) {
                List<Optional<String>> recorded = jdbc.query("SELECT organisation_id FROM query.feed_stream WHERE aggregate_identifier = ?",
                        (rs, row) -> Optional.ofNullable(rs.getString(1)), stream);
                known = recorded.isEmpty() ? null : recorded.get(0);
            }
            if (known == null) {
                DomainEventStream events = eventStore.getObject().readEvents(stream, 0);
                String organisation = null;
                if (events.hasNext() && events.peek().getSequenceNumber() == 0) {
                    SerializedObject<byte[]> first = events.next().serializePayload(serializer, byte[].class);
                    organisation = organisationIn(first.getType().getName(), first.getData());
                }
                known = Optional.ofNullable(organisation);
                // first_position: the first position of the stream the outbox holds
                streams.add(new Object[] {stream, organisation, position});
            }
            organisations.put(stream, known);
            return known.orElse(null);
        }

        private String organisationIn(String payloadType, byte[] payload) {
            if (!PUBLISHED_TYPES.contains(payloadType)) {
                return null;
            }
            JsonNode organisation = json.readTree(payload).get("organisationId");
            return organisation == null || organisation.isNull() ? null : organisation.asString();
        }

        /** Once the rows are committed, i.e. visible to the feed's readers: a rolled-back batch measures nothing. */
        void measurePublicationLag() {
            Instant now = Instant.now();
            inserted.forEach(timestamp -> publicationLag.record(Duration.between(timestamp, now)));
        }

        void flush() {
            // ON CONFLICT: a replay of the processor (a reset token) gives the same rows under the same positions.
            int[] stored = jdbc.batchUpdate("""
                    INSERT INTO query.feed_event (position, event_identifier, aggregate_identifier, sequence_number, payload_type,
                                                  payload_revision, time_stamp, payload, meta_data, organisation_id)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (position) DO NOTHING
                    """, events);
            for (int i = 0; i < stored.length; i++) {
                // 0: a row the outbox held already (a replay); its lag was measured when it was stored.
                if (stored[i] != 0) {
                    inserted.add(recordedAt.get(i));
                }
            }
            jdbc.batchUpdate("""
                    INSERT INTO query.feed_stream (aggregate_identifier, organisation_id, first_position) VALUES (?, ?, ?)
                    ON CONFLICT (aggregate_identifier) DO NOTHING
                    """, streams);
            jdbc.update("UPDATE query.feed_outbox SET watermark = ?, token_index = ?, gaps = CAST(? AS bigint[]) WHERE id = 1",
                    watermark, tokenIndex, gaps.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}")));
        }
    }

    private static Long[] longs(Object array) {
        try {
            return (Long[]) ((java.sql.Array) array).getArray();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("Cannot read the feed outbox's gaps", e);
        }
    }
}
