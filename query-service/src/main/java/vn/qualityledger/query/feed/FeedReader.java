package vn.qualityledger.query.feed;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import vn.qualityledger.api.contract.EventContract;
import vn.qualityledger.api.ledger.CheckpointSignedEvent;

/**
 * Reads the feed's outbox ({@code query.feed_event}, filled by {@link FeedOutbox} through Axon's EventStore API) in
 * position (global index) order, never serving an event that a slower transaction could still commit a lower position
 * under.
 *
 * <p>The outbox serves events only up to its watermark ({@code query.feed_outbox}): the position before the first gap
 * in the outbox processor's tracking token. On the JPA store a gap is an index drawn by a transaction not yet committed
 * (or rolled back); Axon's gap-aware token keeps it until it is filled or, older than the store's gap timeout
 * ({@link FeedProperties#gapTimeout()}, applied to the storage engine), dropped when the next event is read. Axon
 * Server hands out the index at commit, so there are no gaps there. Either way a consumer that resumes after position
 * {@code p} is never owed an event below {@code p}.
 *
 * <p>Each page is read in one REPEATABLE READ snapshot, so that the watermark and the events agree.
 *
 * <p>The ledger's signed checkpoints ({@code CheckpointSignedEvent}, stream {@code ledger-checkpoints}) belong to no
 * organisation and come with every organisation's events.
 */
@Component
public class FeedReader {

    private static final String EVENTS = """
            SELECT e.position, e.event_identifier, e.aggregate_identifier, e.sequence_number, e.payload_type,
                   e.payload_revision, e.time_stamp, e.payload, e.meta_data, e.organisation_id
            FROM query.feed_event e
            WHERE e.position > :after AND e.position <= :watermark
            """;

    private static final List<String> PUBLISHED_TYPES = EventContract.EVENTS.stream().map(Class::getName).toList();

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate snapshot;
    private final ObjectProvider<EventStore> eventStore;

    public FeedReader(NamedParameterJdbcTemplate jdbc, PlatformTransactionManager transactions, ObjectProvider<EventStore> eventStore) {
        this.jdbc = jdbc;
        // Transactions of their own even inside another (the AMQP publisher's), whose snapshot could be older.
        this.snapshot = new TransactionTemplate(transactions);
        snapshot.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        snapshot.setReadOnly(true);
        this.eventStore = eventStore;
    }

    public FeedPage read(FeedQuery query) {
        return snapshot.execute(status -> readInSnapshot(query));
    }

    /** The last position the feed serves: no later commit can land at or below it (README, "Event feed"). */
    public long watermark() {
        return jdbc.getJdbcTemplate().queryForObject("SELECT watermark FROM query.feed_outbox WHERE id = 1", Long.class);
    }

    /**
     * How far the feed is behind the store: positions stored past the watermark (the outbox catching up, or a gap a
     * slower transaction may still fill). Zero when every stored event is served.
     */
    public long positionsBehind() {
        TrackingToken head = eventStore.getObject().createHeadToken();
        return head == null ? 0 : Math.max(0, head.position().orElse(0) - watermark());
    }

    private FeedPage readInSnapshot(FeedQuery query) {
        long watermark = watermark();
        MapSqlParameterSource params = new MapSqlParameterSource("after", query.after()).addValue("watermark", watermark)
                .addValue("limit", query.limit());
        StringBuilder filters = new StringBuilder();
        if (query.streamId() != null) {
            filters.append("AND e.aggregate_identifier = :stream\n");
            params.addValue("stream", query.streamId());
        }
        if (query.types().isEmpty()) {
            filters.append("AND e.payload_type IN (:published)\n");
            params.addValue("published", PUBLISHED_TYPES);
        } else {
            List<String> alternatives = new ArrayList<>();
            for (int i = 0; i < query.types().size(); i++) {
                FeedQuery.EventTypeFilter type = query.types().get(i);
                params.addValue("type" + i, type.payloadType());
                if (type.revision() == null) {
                    alternatives.add("e.payload_type = :type" + i);
                } else {
                    params.addValue("revision" + i, type.revision());
                    alternatives.add("(e.payload_type = :type" + i + " AND e.payload_revision = :revision" + i + ")");
                }
            }
            filters.append("AND (").append(String.join(" OR ", alternatives)).append(")\n");
        }
        String page = "ORDER BY e.position LIMIT :limit";
        String sql;
        if (query.organisationId() == null) {
            sql = EVENTS + filters + page;
        } else {
            // The organisation's events and the ledger's checkpoints (of no organisation: they sign the whole log, and
            // every organisation's reader gets them), each read along its own index, merged in position order.
            params.addValue("organisation", query.organisationId()).addValue("checkpoints", CheckpointSignedEvent.STREAM);
            sql = "SELECT * FROM ((" + EVENTS + "AND e.organisation_id = :organisation\n" + filters + page + ")\nUNION ALL ("
                    + EVENTS + "AND e.aggregate_identifier = :checkpoints\n" + filters + page + ")) e\n" + page;
        }
        List<StoredEvent> events = jdbc.query(sql, params, (rs, row) -> new StoredEvent(
                rs.getLong("position"), rs.getString("event_identifier"), rs.getString("aggregate_identifier"),
                rs.getLong("sequence_number"), rs.getString("payload_type"), rs.getString("payload_revision"),
                Instant.parse(rs.getString("time_stamp")), rs.getString("organisation_id"), rs.getBytes("payload"),
                rs.getBytes("meta_data")));
        // A full page resumes after its last event; otherwise nothing more matches up to the watermark.
        long resumeAfter = events.size() == query.limit() ? events.get(events.size() - 1).position()
                : Math.max(query.after(), watermark);
        // Held back: the store holds events past the watermark (the outbox is behind, or a gap holds them).
        TrackingToken head = eventStore.getObject().createHeadToken();
        boolean heldBack = head != null && head.position().orElse(0) > watermark;
        return new FeedPage(events, resumeAfter, heldBack);
    }
}
