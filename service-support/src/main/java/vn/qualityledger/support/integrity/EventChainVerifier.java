package vn.qualityledger.support.integrity;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Arrays;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Checks a stream against its chain: recomputes every link from the stored columns and names the first event that
 * fails — altered (its link no longer matches), missing (a gap in the sequence, or a chain entry whose event is gone),
 * inserted (an event with no link), or out of place (links are bound to the position, so a swap fails at once).
 */
public class EventChainVerifier {

    // Named for the API document: springdoc names schemas by simple name, and another record is called the same.
    /** The outcome for one stream; {@code firstFailure} is null when every event verified. */
    @Schema(name = "ChainVerification")
    public record Verification(String aggregateIdentifier, boolean verified, long eventsChecked, Failure firstFailure) {
    }

    // Named for the API document: springdoc names schemas by simple name, and another record is called the same.
    /** The first event that failed, by position in the stream and by id where it still exists. */
    @Schema(name = "ChainFailure")
    public record Failure(long sequenceNumber, String eventIdentifier, String problem) {
    }

    private record Row(EventChain.StoredEvent event, byte[] link) {
    }

    private final JdbcTemplate jdbc;
    private final EventChain chain;

    public EventChainVerifier(JdbcTemplate jdbc, EventChain chain) {
        this.jdbc = jdbc;
        this.chain = chain;
    }

    public Verification verify(String aggregateIdentifier) {
        List<Row> rows = jdbc.query("""
                SELECT e.aggregate_identifier, e.sequence_number, e.type, e.event_identifier, e.time_stamp, e.payload_type,
                       e.payload_revision, e.payload, e.meta_data, c.link
                FROM event_store.domain_event_entry e
                LEFT JOIN event_store.event_chain c
                       ON c.aggregate_identifier = e.aggregate_identifier AND c.sequence_number = e.sequence_number
                WHERE e.aggregate_identifier = ?
                ORDER BY e.sequence_number
                """, (rs, i) -> new Row(new EventChain.StoredEvent(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getBytes(8), rs.getBytes(9)), rs.getBytes(10)), aggregateIdentifier);
        byte[] previous = EventChain.GENESIS;
        long expected = 0;
        for (Row row : rows) {
            EventChain.StoredEvent event = row.event();
            if (event.sequenceNumber() != expected) {
                return failed(aggregateIdentifier, expected, new Failure(expected, null,
                        "event " + expected + " is missing: the stream jumps to " + event.sequenceNumber()));
            }
            if (row.link() == null) {
                return failed(aggregateIdentifier, expected, new Failure(expected, event.eventIdentifier(),
                        "event has no link: it was not written by the service"));
            }
            if (!Arrays.equals(chain.link(event, previous), row.link())) {
                return failed(aggregateIdentifier, expected, new Failure(expected, event.eventIdentifier(),
                        "event differs from what was written (content, time, type or position changed)"));
            }
            previous = row.link();
            expected++;
        }
        Long lastLinked = jdbc.queryForObject(
                "SELECT max(sequence_number) FROM event_store.event_chain WHERE aggregate_identifier = ?", Long.class, aggregateIdentifier);
        if (lastLinked != null && lastLinked >= expected) {
            return failed(aggregateIdentifier, expected, new Failure(expected, null,
                    "event " + expected + " is missing: the chain goes on to event " + lastLinked));
        }
        return new Verification(aggregateIdentifier, true, expected, null);
    }

    private static Verification failed(String aggregateIdentifier, long checked, Failure failure) {
        return new Verification(aggregateIdentifier, false, checked, failure);
    }
}
