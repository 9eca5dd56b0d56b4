package vn.qualityledger.support.ledger;

/**
 * How far one stream reached in a tree of a given size: how many of its events the tree holds and the leaf index of the
 * last. A checkpoint signs the root of a second tree whose leaves are the heads of every stream, sorted by stream, so
 * that an export of one stream proves it is complete as of the checkpoint — a stream cut short, even together with its
 * leaves, no longer matches its signed head.
 *
 * <p>Canonical bytes: the tag {@code quality-ledger/stream-head/v1}, the stream (UTF-8), the count and the last leaf
 * index (8 bytes each), in the encoding of {@link LedgerEvent}. Leaf hash: {@code SHA-256(0x00 || SHA-256(canonical))}.
 */
public record StreamHead(String stream, long events, long lastLeafIndex) {

    public static final String TAG = "quality-ledger/stream-head/v1";

    public byte[] leafHash() {
        return Rfc9162.leafHash(Rfc9162.sha256(
                new CanonicalBytes(TAG).text(stream).number(events).number(lastLeafIndex).toByteArray()));
    }
}
