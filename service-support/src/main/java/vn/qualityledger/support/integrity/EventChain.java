package vn.qualityledger.support.integrity;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The link of one stored event in its stream's chain: HMAC-SHA-256, under a key kept outside the database, over a
 * canonical form of every column the event is stored with (stream, position, ids, time, type, revision, payload and
 * metadata bytes) and over the previous event's link. Altering, deleting, inserting or reordering a stored event breaks
 * the chain from that event on; without the key nobody can compute a chain that verifies.
 */
public final class EventChain {

    /** The "previous link" of a stream's first event. */
    static final byte[] GENESIS = new byte[32];

    private final SecretKeySpec key;

    public EventChain(String secret) {
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /** An event as it is stored, column by column. */
    public record StoredEvent(String aggregateIdentifier, long sequenceNumber, String type, String eventIdentifier,
                              String timestamp, String payloadType, String payloadRevision, byte[] payload, byte[] metadata) {
    }

    public byte[] link(StoredEvent event, byte[] previousLink) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(canonical(event, previousLink));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    /** Length-prefixed fields, so that no two different events share a canonical form. */
    private static byte[] canonical(StoredEvent event, byte[] previousLink) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256 + event.payload().length);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            field(out, event.aggregateIdentifier());
            out.writeLong(event.sequenceNumber());
            field(out, event.type());
            field(out, event.eventIdentifier());
            field(out, event.timestamp());
            field(out, event.payloadType());
            field(out, event.payloadRevision());
            field(out, event.payload());
            field(out, event.metadata());
            field(out, previousLink);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void field(DataOutputStream out, String text) throws IOException {
        field(out, text == null ? null : text.getBytes(StandardCharsets.UTF_8));
    }

    private static void field(DataOutputStream out, byte[] value) throws IOException {
        if (value == null) {
            out.writeInt(-1);
        } else {
            out.writeInt(value.length);
            out.write(value);
        }
    }
}
