package vn.qualityledger.query.ledger;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.qualityledger.query.feed.FeedReader;
import vn.qualityledger.support.ledger.LedgerEvent;
import vn.qualityledger.support.ledger.MerkleTree;
import vn.qualityledger.support.ledger.StreamHead;
import vn.qualityledger.support.ledger.StreamHeads;

/**
 * The ledger's leaves and its Merkle tree. Leaves are appended on the read side, never on the command path: each catch
 * up takes the events of the feed's outbox ({@code query.feed_event}, read through Axon's EventStore API in both
 * event-store modes) after the last leaf up to the outbox's watermark (so that no slower transaction can still commit
 * below a leaf), in the feed's order (global index), hashes them ({@link LedgerEvent}) and stores the hashes in
 * {@code query.ledger_leaf}. The tree lives in memory (about 64 bytes a leaf), loaded from that table on first use and
 * extended incrementally; each append is O(1) amortised, a root or a proof O(log n).
 *
 * <p>Not covered: an event that commits after Axon's gap timeout has passed its gap never reaches the outbox, and gets
 * no leaf (as the feed never serves it). An upcast event is hashed in its current revision, as the outbox holds it.
 */
@Component
public class LedgerLog {

    private static final int BATCH = 2_000;

    private static final String EVENTS = """
            SELECT position, event_identifier, aggregate_identifier, sequence_number, payload_type, payload_revision,
                   time_stamp, payload, meta_data
            FROM query.feed_event
            WHERE position > ? AND position <= ?
            ORDER BY position
            LIMIT ?
            """;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final FeedReader feed;
    private final MerkleTree tree = new MerkleTree();
    private final ObjectProvider<EventStore> eventStore;
    private final Serializer serializer;

    LedgerLog(JdbcTemplate jdbc, PlatformTransactionManager transactions, FeedReader feed, ObjectProvider<EventStore> eventStore,
              @Qualifier("eventSerializer") Serializer serializer) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.feed = feed;
        this.eventStore = eventStore;
        this.serializer = serializer;
    }

    /**
     * A stream's events as the event store holds them now, read through Axon's API (upcast as the outbox stored them), by
     * event id: what a stream's export carries, so that an auditor checks the history the service shows against the
     * leaves, not the outbox's copy of it. An event altered or deleted in the store after its leaf fails the check.
     */
    public Map<String, LedgerEvent> storedEvents(String stream) {
        Map<String, LedgerEvent> events = new HashMap<>();
        DomainEventStream read = eventStore.getObject().readEvents(stream, 0);
        while (read.hasNext()) {
            DomainEventMessage<?> event = read.next();
            SerializedObject<byte[]> payload = event.serializePayload(serializer, byte[].class);
            SerializedObject<byte[]> metaData = event.serializeMetaData(serializer, byte[].class);
            events.put(event.getIdentifier(), new LedgerEvent(event.getIdentifier(), event.getAggregateIdentifier(),
                    event.getSequenceNumber(), payload.getType().getName(), payload.getType().getRevision(),
                    DateTimeUtils.formatInstant(event.getTimestamp()), payload.getData(), metaData.getData()));
        }
        return events;
    }

    /** Appends every event up to the feed's watermark, and returns the tree's size. */
    public synchronized long catchUp() {
        long watermark = feed.watermark();
        boolean more = true;
        while (more) {
            more = Boolean.TRUE.equals(transaction.execute(status -> appendBatch(watermark)));
        }
        load();
        return tree.size();
    }

    /** The tree as this replica knows it (call {@link #catchUp()} first for the newest). */
    public synchronized MerkleTree tree() {
        load();
        return tree;
    }

    /** The stored event of a leaf, as hashed. */
    public Optional<LedgerEvent> event(long globalIndex) {
        return jdbc.query(EVENTS, (rs, row) -> event(rs), globalIndex - 1, globalIndex, 1).stream().findFirst();
    }

    /** Where an event is in the ledger: its leaf, and the position it was read from. */
    public Optional<Leaf> leafOf(String eventId) {
        return jdbc.query("SELECT leaf_index, global_index, aggregate_identifier, event_identifier FROM query.ledger_leaf WHERE event_identifier = ?",
                (rs, row) -> new Leaf(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4)), eventId).stream().findFirst();
    }

    /** The leaves of a stream in the tree of {@code size}, in leaf order. */
    public List<Leaf> leavesOf(String stream, long size) {
        return jdbc.query("""
                        SELECT leaf_index, global_index, aggregate_identifier, event_identifier FROM query.ledger_leaf
                        WHERE aggregate_identifier = ? AND leaf_index < ? ORDER BY leaf_index
                        """,
                (rs, row) -> new Leaf(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4)), stream, size);
    }

    /**
     * The streams of an organisation, by id: those whose first event names it, as the feed records them up to its
     * watermark (which the leaves never pass).
     */
    public List<String> streamsOf(String organisation) {
        return jdbc.queryForList("SELECT aggregate_identifier FROM query.feed_stream WHERE organisation_id = ? ORDER BY aggregate_identifier",
                String.class, organisation);
    }

    /** Every stream's head in the tree of {@code size}: what a checkpoint of that size signs beside the root. */
    public StreamHeads heads(long size) {
        return new StreamHeads(jdbc.query("""
                        SELECT aggregate_identifier, count(*), max(leaf_index) FROM query.ledger_leaf
                        WHERE leaf_index < ? GROUP BY aggregate_identifier
                        """,
                (rs, row) -> new StreamHead(rs.getString(1), rs.getLong(2), rs.getLong(3)), size));
    }

    public record Leaf(long leafIndex, long globalIndex, String stream, String eventId) {
    }

    private boolean appendBatch(long watermark) {
        var state = jdbc.queryForMap("SELECT leaves, last_position FROM query.ledger_state WHERE id = 1 FOR UPDATE");
        long leaves = ((Number) state.get("leaves")).longValue();
        long last = ((Number) state.get("last_position")).longValue();
        if (last >= watermark) {
            return false;
        }
        List<Object[]> rows = new ArrayList<>();
        long[] position = {last};
        jdbc.query(EVENTS, rs -> {
            LedgerEvent event = event(rs);
            position[0] = rs.getLong("position");
            rows.add(new Object[] {leaves + rows.size(), position[0], event.eventId(), event.stream(), event.sequence(), event.leafHash()});
        }, last, watermark, BATCH);
        if (rows.isEmpty()) {
            jdbc.update("UPDATE query.ledger_state SET last_position = ? WHERE id = 1", watermark);
            return false;
        }
        jdbc.batchUpdate("""
                INSERT INTO query.ledger_leaf (leaf_index, global_index, event_identifier, aggregate_identifier, sequence_number, leaf_hash)
                VALUES (?, ?, ?, ?, ?, ?)
                """, rows);
        jdbc.update("UPDATE query.ledger_state SET leaves = ?, last_position = ? WHERE id = 1", leaves + rows.size(), position[0]);
        return rows.size() == BATCH;
    }

    private void load() {
        jdbc.query("SELECT leaf_hash FROM query.ledger_leaf WHERE leaf_index >= ? ORDER BY leaf_index",
                rs -> {
                    tree.append(rs.getBytes(1));
                }, tree.size());
    }

    private static LedgerEvent event(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new LedgerEvent(rs.getString("event_identifier"), rs.getString("aggregate_identifier"),
                rs.getLong("sequence_number"), rs.getString("payload_type"), rs.getString("payload_revision"),
                rs.getString("time_stamp"), rs.getBytes("payload"), rs.getBytes("meta_data"));
    }
}
