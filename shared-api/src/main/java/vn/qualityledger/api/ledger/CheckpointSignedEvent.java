package vn.qualityledger.api.ledger;

import jakarta.validation.constraints.NotNull;
import org.axonframework.serialization.Revision;

/**
 * A checkpoint of the verifiable ledger was signed: the JSON is the checkpoint exactly as the checkpoint directory holds
 * it and ledger-verifier reads it (saved as a file, it is a checkpoint the verifier takes). The signature (Ed25519, by
 * the key keyId names, published at /api/ledger/public-key) is over five lines, each ending in a line feed: the origin,
 * the tree size, the root hash, "streams" with the stream count and the streams root, "time" with the timestamp. Its
 * stream is {@code ledger-checkpoints}, one event per checkpoint; it belongs to no organisation. The checkpoint covers
 * the tree's first treeSize leaves, which come before this event in the feed; the event itself is a leaf of later
 * checkpoints.
 *
 * @param origin      the first line of the signed text: names the log
 * @param treeSize    how many events (leaves, in the feed's order) the tree holds
 * @param rootHash    the RFC 9162 root hash of those events' tree, base64
 * @param streamCount how many streams the tree of stream heads holds
 * @param streamsRoot the root hash of the stream heads' tree, base64
 * @param timestamp   when it was signed, ISO-8601 UTC, as signed
 * @param keyId       the id of the signing key (as /api/ledger/public-key names it)
 * @param signature   the Ed25519 signature of the signed text, base64
 */
@Revision("1")
public record CheckpointSignedEvent(@NotNull String origin, long treeSize, @NotNull String rootHash, long streamCount,
                                    @NotNull String streamsRoot, @NotNull String timestamp, @NotNull String keyId,
                                    @NotNull String signature) {

    /** The stream (aggregate id) of the checkpoints' events. */
    public static final String STREAM = "ledger-checkpoints";
}
