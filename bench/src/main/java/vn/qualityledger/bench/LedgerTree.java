package vn.qualityledger.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import vn.qualityledger.support.ledger.LedgerEvent;
import vn.qualityledger.support.ledger.MerkleTree;

/**
 * Figure 8: the verifiable ledger's Merkle tree over the whole store. The service builds it on its first checkpoint
 * ({@code POST /api/admin/ledger/checkpoints}: every event hashed as a leaf, the tree built, the root signed); the
 * baseline reads the same rows over JDBC and builds the same tree in the harness with service-support's own
 * {@code LedgerEvent} and {@code MerkleTree}. The two roots must be equal, else the run fails: over a million events
 * this is also an independent check of the service's tree.
 */
final class LedgerTree {

    private static final String CHECKPOINTS = "/api/admin/ledger/checkpoints";

    private LedgerTree() {
    }

    /** The first checkpoint (the tree from nothing), then a second right after (nothing new: the tree as it stands). */
    static Map<String, Object> service(int queryPort, long storeEvents, Duration timeout) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        JsonNode checkpoint;
        // The ledger takes events up to the feed's watermark; sign again until the checkpoint covers the whole store.
        do {
            checkpoint = sign(client, queryPort, timeout);
            if (checkpoint.get("treeSize").asLong() >= storeEvents) {
                break;
            }
            Thread.sleep(200);
        } while (System.nanoTime() < deadline);
        double seconds = (System.nanoTime() - start) / 1e9;
        long size = checkpoint.get("treeSize").asLong();
        if (size < storeEvents) {
            throw new BenchFailure("the ledger's checkpoint covers " + size + " of " + storeEvents + " events after " + timeout);
        }
        long again = System.nanoTime();
        sign(client, queryPort, timeout);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("treeSize", size);
        result.put("rootHash", checkpoint.get("rootHash").asString());
        result.put("firstCheckpointSeconds", Latency.round(seconds));
        result.put("eventsPerSecond", Latency.round(size / Math.max(seconds, 1e-3)));
        result.put("nextCheckpointMillis", Latency.round((System.nanoTime() - again) / 1e6));
        return result;
    }

    /** The same tree over the same rows, in the harness: read, hash each event as a leaf, append, take the root. */
    static Map<String, Object> baseline(Postgres postgres, String database, long treeSize) throws Exception {
        MerkleTree tree = new MerkleTree();
        long start = System.nanoTime();
        try (Connection connection = postgres.connect(database)) {
            connection.setAutoCommit(false);
            try (PreparedStatement select = connection.prepareStatement("""
                    SELECT event_identifier, aggregate_identifier, sequence_number, payload_type, payload_revision,
                           time_stamp, payload, meta_data
                    FROM event_store.domain_event_entry ORDER BY global_index LIMIT ?
                    """)) {
                select.setFetchSize(5_000);
                select.setLong(1, treeSize);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        tree.append(new LedgerEvent(rows.getString(1), rows.getString(2), rows.getLong(3), rows.getString(4),
                                rows.getString(5), rows.getString(6), rows.getBytes(7), rows.getBytes(8)).leafHash());
                    }
                }
            }
            connection.commit();
        }
        byte[] root = tree.rootHash(tree.size());
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("treeSize", tree.size());
        result.put("rootHash", Base64.getEncoder().encodeToString(root));
        result.put("seconds", Latency.round(seconds));
        result.put("eventsPerSecond", Latency.round(tree.size() / Math.max(seconds, 1e-3)));
        return result;
    }

    /** Fails the run unless the service's tree and the harness's have the same size and root. */
    static void requireSameRoot(Map<String, Object> service, Map<String, Object> baseline) {
        if (!service.get("treeSize").equals(baseline.get("treeSize")) || !service.get("rootHash").equals(baseline.get("rootHash"))) {
            throw new BenchFailure("the ledger's root differs from the harness's over the same events: service " + service
                    + ", harness " + baseline);
        }
    }

    private static JsonNode sign(HttpClient client, int port, Duration timeout) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + CHECKPOINTS)).timeout(timeout)
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (BenchUsers.administrator("LOAD") + ":" + BenchUsers.PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.noBody()).build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new BenchFailure("POST " + CHECKPOINTS + " answered " + response.statusCode() + ": " + response.body());
        }
        return HttpJson.JSON.readTree(response.body());
    }
}
