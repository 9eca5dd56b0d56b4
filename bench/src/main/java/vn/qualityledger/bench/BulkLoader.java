package vn.qualityledger.bench;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Writes event rows straight into event_store.domain_event_entry with COPY (binary), many times faster than the
 * REST path, for data sets of a million events. Each block of rows takes its global indexes from the service's own
 * sequence, event_store.domain_event_entry_seq (reserved with one setval per block), so that indexes stay gap-free and
 * later appends by command-service continue after them. Run it only while no service appends: the reservation is
 * not atomic with other writers. The rows themselves come from {@link EventEncoder}.
 */
final class BulkLoader implements AutoCloseable {

    private static final int BLOCK = 5_000;
    private static final byte[] HEADER = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0, 0, 0, 0, 0, 0, 0, 0, 0};

    private final Connection connection;
    private final CopyManager copy;
    private final List<EventEncoder.Row> pending = new ArrayList<>(BLOCK);
    private long written;

    BulkLoader(Connection connection) throws SQLException {
        this.connection = connection;
        this.connection.setAutoCommit(true);
        this.copy = connection.unwrap(PGConnection.class).getCopyAPI();
    }

    void add(EventEncoder.Row row) throws SQLException, IOException {
        pending.add(row);
        if (pending.size() == BLOCK) {
            flush();
        }
    }

    long written() {
        return written;
    }

    void flush() throws SQLException, IOException {
        if (pending.isEmpty()) {
            return;
        }
        int n = pending.size();
        long last = Postgres.queryLong(connection,
                "SELECT setval('event_store.domain_event_entry_seq', nextval('event_store.domain_event_entry_seq') + ? - 1)", n);
        long index = last - n + 1;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(n * 1200);
        DataOutputStream out = new DataOutputStream(buffer);
        out.write(HEADER);
        for (EventEncoder.Row row : pending) {
            out.writeShort(10);
            out.writeInt(8);
            out.writeLong(index++);
            text(out, row.eventIdentifier());
            bytes(out, row.metaData());
            bytes(out, row.payload());
            text(out, row.payloadRevision());
            text(out, row.payloadType());
            text(out, row.timeStamp());
            text(out, row.aggregateIdentifier());
            out.writeInt(8);
            out.writeLong(row.sequenceNumber());
            text(out, row.type());
        }
        out.writeShort(-1);
        out.flush();
        copy.copyIn("""
                COPY event_store.domain_event_entry (global_index, event_identifier, meta_data, payload, payload_revision,
                    payload_type, time_stamp, aggregate_identifier, sequence_number, type) FROM STDIN (FORMAT binary)
                """, new java.io.ByteArrayInputStream(buffer.toByteArray()));
        written += n;
        pending.clear();
    }

    private static void text(DataOutputStream out, String value) throws IOException {
        bytes(out, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    private static void bytes(DataOutputStream out, byte[] value) throws IOException {
        if (value == null) {
            out.writeInt(-1);
        } else {
            out.writeInt(value.length);
            out.write(value);
        }
    }

    @Override
    public void close() throws SQLException, IOException {
        flush();
    }
}
