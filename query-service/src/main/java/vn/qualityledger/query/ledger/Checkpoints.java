package vn.qualityledger.query.ledger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.KeyPair;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import vn.qualityledger.support.ledger.Checkpoint;
import vn.qualityledger.support.ledger.LedgerKeys;
import vn.qualityledger.support.ledger.StreamHeads;

/**
 * Signs, stores and publishes checkpoints: the tree's size and root, and the root of its stream heads, with the time.
 * Each is kept in {@code query.ledger_checkpoint} and, when a directory is configured, written there as
 * {@code checkpoint-<size>-<key id>.json} (the JSON the verifier reads), so that a copy lives where the database's
 * operator cannot rewrite it.
 */
@Component
public class Checkpoints {

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

    Checkpoints(LedgerLog log, JdbcTemplate jdbc, JsonMapper json, LedgerProperties properties, KeyPair ledgerSigningKey) {
        this.log = log;
        this.jdbc = jdbc;
        this.json = json;
        this.properties = properties;
        this.key = ledgerSigningKey;
        // Checkpoints carry real time, whatever clock the dashboards use for "today".
        this.clock = Clock.systemUTC();
    }

    /**
     * Brings the tree up to date and signs it; when nothing was appended since this key's last checkpoint, that one is
     * the answer (a second signature over the same size would only be noise).
     */
    public synchronized Checkpoint sign() {
        long size = log.catchUp();
        Optional<Checkpoint> latest = latest().filter(c -> c.treeSize() == size && c.keyId().equals(LedgerKeys.keyId(key.getPublic())));
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
        write(checkpoint);
        return checkpoint;
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

    /** A stored checkpoint with its row id: the order they were signed in, and where a reader of the feed resumes. */
    public record Signed(long id, Checkpoint checkpoint) {
    }

    /** The checkpoints signed after row {@code id} (exclusive), oldest first: the checkpoint feed's page. */
    public List<Signed> after(long id, int limit) {
        return jdbc.query("SELECT * FROM query.ledger_checkpoint WHERE id > ? ORDER BY id LIMIT ?",
                (rs, row) -> new Signed(rs.getLong("id"), ROW.mapRow(rs, row)), id, limit);
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
