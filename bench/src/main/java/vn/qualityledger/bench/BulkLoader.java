package vn.qualityledger.bench;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import vn.qualityledger.support.integrity.EventChain;

/**
 * Writes event rows straight into event_store.domain_event_entry with COPY (binary), many times faster than the
 * REST path, for data sets of a million events, and each event's tamper-evidence link into event_store.event_chain
 * (service-support's {@link EventChain} over the row as stored, chained to the stream's previous link, under the key
 * the harness gives the services as INTEGRITY_KEY), as command-service's storage engine does in the same transaction.
 * Each block of rows takes its global indexes from the service's own sequence, event_store.domain_event_entry_seq
 * (reserved with one setval per block), so that indexes stay gap-free and later appends by command-service continue
 * after them. Run it only while no service appends (the reservation is not atomic with other writers), and give it
 * streams whole and in order. The rows themselves come from {@link EventEncoder}.
 */
final class BulkLoader implements AutoCloseable {

    private static final int BLOCK = 5_000;
    private static final byte[] HEADER = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0, 0, 0, 0, 0, 0, 0, 0, 0};
    private static final byte[] GENESIS = new byte[32];

    private final Connection connection;
    private final CopyManager copy;
    private final EventChain chain;
    private final Map<String, byte[]> lastLinks = new HashMap<>();
    private final List<EventEncoder.Row> pending = new ArrayList<>(BLOCK);
    private long written;

    BulkLoader(Connection connection, EventChain chain) throws SQLException {
        this.connection = connection;
        this.chain = chain;
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
        ByteArrayOutputStream eventBytes = new ByteArrayOutputStream(n * 1200);
        DataOutputStream events = new DataOutputStream(eventBytes);
        ByteArrayOutputStream linkBytes = new ByteArrayOutputStream(n * 100);
        DataOutputStream links = new DataOutputStream(linkBytes);
        events.write(HEADER);
        links.write(HEADER);
        for (EventEncoder.Row row : pending) {
            events.writeShort(10);
            events.writeInt(8);
            events.writeLong(index++);
            text(events, row.eventIdentifier());
            bytes(events, row.metaData());
            bytes(events, row.payload());
            text(events, row.payloadRevision());
            text(events, row.payloadType());
            text(events, row.timeStamp());
            text(events, row.aggregateIdentifier());
            events.writeInt(8);
            events.writeLong(row.sequenceNumber());
            text(events, row.type());

            links.writeShort(3);
            text(links, row.aggregateIdentifier());
            links.writeInt(8);
            links.writeLong(row.sequenceNumber());
            bytes(links, link(row));
        }
        events.writeShort(-1);
        links.writeShort(-1);
        events.flush();
        links.flush();
        connection.setAutoCommit(false);
        copy.copyIn("""
                COPY event_store.domain_event_entry (global_index, event_identifier, meta_data, payload, payload_revision,
                    payload_type, time_stamp, aggregate_identifier, sequence_number, type) FROM STDIN (FORMAT binary)
                """, new ByteArrayInputStream(eventBytes.toByteArray()));
        copy.copyIn("COPY event_store.event_chain (aggregate_identifier, sequence_number, link) FROM STDIN (FORMAT binary)",
                new ByteArrayInputStream(linkBytes.toByteArray()));
        connection.commit();
        connection.setAutoCommit(true);
        written += n;
        pending.clear();
    }

    private byte[] link(EventEncoder.Row row) {
        byte[] previous = row.sequenceNumber() == 0 ? GENESIS : lastLinks.get(row.aggregateIdentifier());
        if (previous == null) {
            throw new BenchFailure("the loader got event " + row.sequenceNumber() + " of " + row.aggregateIdentifier()
                    + " without the ones before it");
        }
        byte[] link = chain.link(new EventChain.StoredEvent(row.aggregateIdentifier(), row.sequenceNumber(), row.type(),
                row.eventIdentifier(), row.timeStamp(), row.payloadType(), row.payloadRevision(), row.payload(), row.metaData()),
                previous);
        lastLinks.put(row.aggregateIdentifier(), link);
        return link;
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
