package vn.qualityledger.support.ledger;

import java.util.Objects;

/**
 * One event of the log exactly as the event store holds it: what a leaf of the ledger stands for.
 *
 * <p>Its canonical bytes ({@link #canonicalBytes()}) are, in the encoding of {@code CanonicalBytes} (each field a
 * 4-byte big-endian length and its bytes; absent = length {@code 0xFFFFFFFF}; numbers 8 bytes big-endian):
 * <ol>
 *   <li>the tag {@code quality-ledger/event/v1}</li>
 *   <li>the event identifier (UTF-8)</li>
 *   <li>the stream (aggregate identifier, UTF-8)</li>
 *   <li>the sequence number in the stream (8 bytes)</li>
 *   <li>the payload type (the stored class name, UTF-8)</li>
 *   <li>the payload revision (UTF-8, or absent)</li>
 *   <li>the time stamp, the stored ISO-8601 text as is (UTF-8)</li>
 *   <li>the payload, the stored bytes as is</li>
 *   <li>the metadata, the stored bytes as is (or absent)</li>
 * </ol>
 * The leaf's data is {@code SHA-256(canonical bytes)} ({@link #leafData()}), and its hash in the tree
 * {@code SHA-256(0x00 || leaf data)} ({@link #leafHash()}). The global index is not part of it: the leaf's index in the
 * tree is the event's place in the ledger.
 *
 * @param timestamp the time stamp as the event store holds it (text), not re-formatted
 * @param payload   the stored payload bytes (JSON)
 * @param metadata  the stored metadata bytes (JSON), or null
 */
public record LedgerEvent(String eventId, String stream, long sequence, String type, String revision, String timestamp,
                          byte[] payload, byte[] metadata) {

    public static final String TAG = "quality-ledger/event/v1";

    public LedgerEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(payload, "payload");
    }

    public byte[] canonicalBytes() {
        return new CanonicalBytes(TAG).text(eventId).text(stream).number(sequence).text(type).text(revision)
                .text(timestamp).bytes(payload).bytes(metadata).toByteArray();
    }

    public byte[] leafData() {
        return Rfc9162.sha256(canonicalBytes());
    }

    public byte[] leafHash() {
        return Rfc9162.leafHash(leafData());
    }
}
