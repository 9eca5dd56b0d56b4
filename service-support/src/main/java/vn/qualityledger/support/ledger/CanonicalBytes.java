package vn.qualityledger.support.ledger;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The one encoding the ledger hashes: a sequence of fields, each a 4-byte big-endian length followed by that many
 * bytes (a string as UTF-8; an absent value as the length {@code 0xFFFFFFFF} with no bytes), or a number as 8 bytes,
 * big-endian. The first field is always a tag naming what is encoded and its version, so that two kinds of record can
 * never encode to the same bytes.
 */
final class CanonicalBytes {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream(256);

    CanonicalBytes(String tag) {
        text(tag);
    }

    CanonicalBytes text(String value) {
        return bytes(value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    CanonicalBytes bytes(byte[] value) {
        if (value == null) {
            out.writeBytes(ByteBuffer.allocate(4).putInt(-1).array());
        } else {
            out.writeBytes(ByteBuffer.allocate(4).putInt(value.length).array());
            out.writeBytes(value);
        }
        return this;
    }

    CanonicalBytes number(long value) {
        out.writeBytes(ByteBuffer.allocate(8).putLong(value).array());
        return this;
    }

    byte[] toByteArray() {
        return out.toByteArray();
    }
}
