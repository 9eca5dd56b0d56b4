package vn.qualityledger.query.ledger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.KeyPair;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;
import vn.qualityledger.api.ledger.CheckpointSignedEvent;
import vn.qualityledger.support.ledger.Checkpoint;
import vn.qualityledger.support.ledger.LedgerKeys;
import vn.qualityledger.support.ledger.StreamHeads;

/**
 * Signs, stores and publishes checkpoints: the tree's size and root, and the root of its stream heads, with the time.
 * Each is kept in {@code query.ledger_checkpoint}, published into the event store as a {@link CheckpointSignedEvent}
 * (so that the event feed, its tail and its RabbitMQ push carry it at a position of its own, after the events it
 * covers) and, when a directory is configured, written there as {@code checkpoint-<size>-<key id>.json} (the JSON the
 * verifier reads): copies that live where the database's operator cannot rewrite them.
 *
 * <p>Exactly once: the row and the event are written in one transaction (on the JPA store, the same database), the
 * event as the next sequence of the stream {@value #STREAM}, which the store refuses twice; and a signer holds the
 * ledger's state row ({@code query.ledger_state}, which every leaf append also locks) while it decides, so that a
 * second replica signing at the same moment finds the first one's checkpoint and answers with it. In Axon Server mode
 * the server appends the event before the row commits: a failed commit then leaves a published checkpoint without
 * its row (still a signed, verifiable checkpoint; the next one takes the next sequence).
 */
@Component
public class Checkpoints {

    /** The stream of the checkpoints' events: one event per checkpoint, in signing order. */
    public static final String STREAM = CheckpointSignedEvent.STREAM;
    static final String AGGREGATE_TYPE = "LedgerCheckpoints";
    private static final Logger LOG = LoggerFactory.getLogger(Checkpoints.class);

    private static final RowMapper<Checkpoint> ROW = (rs, row) -> new Checkpoint(rs.getString("origin"),
            rs.getLong("tree_size"), rs.getBytes("root_hash"), rs.getLong("stream_count"), rs.getBytes("streams_root"),
            rs.getString("signed_at"), rs.getString("key_id"), rs.getBytes("signature"));

    private final LedgerLog log;
    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final LedgerProperties properties;
    private final KeyPair key;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final ObjectProvider<EventStore> eventStore;

    Checkpoints(LedgerLog log, JdbcTemplate jdbc, JsonMapper json, LedgerProperties properties, KeyPair ledgerSigningKey,
                PlatformTransactionManager transactions, ObjectProvider<EventStore> eventStore) {
        this.log = log;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.eventStore = eventStore;
        this.json = json;
        this.properties = properties;
        this.key = ledgerSigningKey;
        // Checkpoints carry real time, whatever clock the dashboards use for "today".
        this.clock = Clock.systemUTC();
    }

    /**
     * Brings the tree up to date and signs it; when nothing but checkpoints was appended since this key's last
     * checkpoint, that one is the answer (a second signature over the same events would only be noise, and each
     * checkpoint's own event would otherwise call for the next one).
     */
    public synchronized Checkpoint sign() {
        Checkpoint checkpoint;
        // The log's lock before the ledger_state row's, the order every leaf append takes them in: a proof or an export
        // catching the log up meanwhile would otherwise hold the log waiting for the row, while this signer held the
        // row waiting for the log (LedgerIntegrationTest's two signers once hung so).
        synchronized (log) {
            long size = log.catchUp();
            checkpoint = transaction.execute(status -> signInTurn(size));
        }
        // After the commit, also for the checkpoint that was already there: rewriting it restores a missing copy.
        write(checkpoint);
        return checkpoint;
    }

    private Checkpoint signInTurn(long size) {
        // One signer at a time, in every replica: the row each leaf append locks too.
        jdbc.queryForObject("SELECT leaves FROM query.ledger_state WHERE id = 1 FOR UPDATE", Long.class);
        String keyId = LedgerKeys.keyId(key.getPublic());
        Optional<Checkpoint> latest = latest().filter(c -> c.keyId().equals(keyId) && onlyCheckpointsBetween(c.treeSize(), size));
        if (latest.isPresent()) {
            return latest.get();
        }
        StreamHeads heads = log.heads(size);
        Checkpoint checkpoint = Checkpoint.sign(key, properties.origin(), size, log.tree().rootHash(size), heads.size(),
                heads.root(), clock.instant());
        jdbc.update("""
                        INSERT INTO query.ledger_checkpoint (origin, tree_size, root_hash, stream_count, streams_root, signed_at, key_id, signature)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                        """, checkpoint.origin(), checkpoint.treeSize(), checkpoint.rootHash(), checkpoint.streamCount(),
                checkpoint.streamsRoot(), checkpoint.timestamp(), checkpoint.keyId(), checkpoint.signature());
        publish(checkpoint);
        return checkpoint;
    }

    /**
     * Whether the leaves from {@code from} up to {@code to} (exclusive) are all checkpoints' events; true when there are
     * none (another replica may have signed past this one's tree).
     */
    private boolean onlyCheckpointsBetween(long from, long to) {
        Long others = jdbc.queryForObject("""
                SELECT count(*) FROM query.ledger_leaf WHERE leaf_index >= ? AND leaf_index < ? AND aggregate_identifier <> ?
                """, Long.class, from, to, STREAM);
        return others == null || others == 0;
    }

    /**
     * Appends the checkpoint's event through Axon's API: on the JPA store it joins this transaction (Spring's
     * transaction manager), in Axon Server mode the server appends it now.
     */
    private void publish(Checkpoint checkpoint) {
        EventStore store = eventStore.getObject();
        long sequence = store.lastSequenceNumberFor(STREAM).map(last -> last + 1).orElse(0L);
        Base64.Encoder base64 = Base64.getEncoder();
        CheckpointSignedEvent event = new CheckpointSignedEvent(checkpoint.origin(), checkpoint.treeSize(),
                base64.encodeToString(checkpoint.rootHash()), checkpoint.streamCount(), base64.encodeToString(checkpoint.streamsRoot()),
                checkpoint.timestamp(), checkpoint.keyId(), base64.encodeToString(checkpoint.signature()));
        store.publish(new GenericDomainEventMessage<>(AGGREGATE_TYPE, STREAM, sequence, event));
    }

    /** The interval's checkpoint: logged, never thrown, so that one failure does not stop the schedule. */
    void signOnSchedule() {
        try {
            sign();
        } catch (RuntimeException e) {
            LOG.warn("Could not sign the scheduled ledger checkpoint; the next interval tries again", e);
        }
    }

    public Optional<Checkpoint> latest() {
        return jdbc.query("SELECT * FROM query.ledger_checkpoint ORDER BY id DESC LIMIT 1", ROW).stream().findFirst();
    }

    /** Newest first. */
    public List<Checkpoint> list(int limit) {
        return jdbc.query("SELECT * FROM query.ledger_checkpoint ORDER BY id DESC LIMIT ?", ROW, limit);
    }

    /** The newest checkpoint of exactly this size. */
    public Optional<Checkpoint> ofSize(long size) {
        return jdbc.query("SELECT * FROM query.ledger_checkpoint WHERE tree_size = ? ORDER BY id DESC LIMIT 1", ROW, size)
                .stream().findFirst();
    }

    private void write(Checkpoint checkpoint) {
        if (properties.directory() == null || properties.directory().isBlank()) {
            return;
        }
        try {
            Path directory = Files.createDirectories(Path.of(properties.directory()));
            Path file = directory.resolve("checkpoint-" + checkpoint.treeSize() + "-" + checkpoint.keyId() + ".json");
            Path partial = Files.createTempFile(directory, ".checkpoint-", ".partial");
            Files.write(partial, json.writerWithDefaultPrettyPrinter().writeValueAsBytes(checkpoint));
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            // Stored and signed: the file is a copy, and the next checkpoint's write tries again with its own.
            LOG.error("Could not write the ledger checkpoint of size {} to {}", checkpoint.treeSize(), properties.directory(), e);
            throw new UncheckedIOException(e);
        }
    }
}
