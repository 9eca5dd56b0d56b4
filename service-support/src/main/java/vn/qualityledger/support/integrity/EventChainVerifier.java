package vn.qualityledger.support.integrity;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Checks a stream against its chain: recomputes every link from the stored columns and names the first event that
 * fails — altered (its link no longer matches), missing (a gap in the sequence, or a chain entry whose event is gone),
 * inserted (an event with no link), or out of place (links are bound to the position, so a swap fails at once). A chain
 * that goes on beyond the stream's last event says its last events were deleted.
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

    private final TamperEvidentEventStorageEngine storage;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate oneSnapshot;
    private final EventChain chain;

    /**
     * The events come through Axon's storage engine, as stored (no component reads Axon's tables in SQL); the links
     * from the chain's own table.
     */
    public EventChainVerifier(TamperEvidentEventStorageEngine storage, JdbcTemplate jdbc, PlatformTransactionManager transactions,
                              EventChain chain) {
        this.storage = storage;
        this.jdbc = jdbc;
        this.chain = chain;
        // Events and links are two reads: in one repeatable-read snapshot, an event appended between them cannot look
        // like an inserted event (no link) or a truncated stream (a link beyond the last event).
        this.oneSnapshot = new TransactionTemplate(transactions);
        oneSnapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        oneSnapshot.setReadOnly(true);
    }

    public Verification verify(String aggregateIdentifier) {
        return oneSnapshot.execute(status -> {
            Map<Long, byte[]> links = new HashMap<>();
            jdbc.query("SELECT sequence_number, link FROM event_store.event_chain WHERE aggregate_identifier = ?",
                    (RowCallbackHandler) rs -> links.put(rs.getLong(1), rs.getBytes(2)), aggregateIdentifier);
            try (Stream<EventChain.StoredEvent> events = storage.storedEvents(aggregateIdentifier)) {
                return verify(aggregateIdentifier, events.iterator(), links);
            }
        });
    }

    private Verification verify(String aggregateIdentifier, Iterator<EventChain.StoredEvent> events, Map<Long, byte[]> links) {
        byte[] previous = EventChain.GENESIS;
        long expected = 0;
        while (events.hasNext()) {
            EventChain.StoredEvent event = events.next();
            byte[] link = links.get(event.sequenceNumber());
            if (event.sequenceNumber() != expected) {
                return failed(aggregateIdentifier, expected, new Failure(expected, null,
                        "event " + expected + " is missing: the stream jumps to " + event.sequenceNumber()));
            }
            if (link == null) {
                return failed(aggregateIdentifier, expected, new Failure(expected, event.eventIdentifier(),
                        "event has no link: it was not written by the service"));
            }
            if (!Arrays.equals(chain.link(event, previous), link)) {
                return failed(aggregateIdentifier, expected, new Failure(expected, event.eventIdentifier(),
                        "event differs from what was written (content, time, type or position changed)"));
            }
            previous = link;
            expected++;
        }
        long lastLinked = links.keySet().stream().mapToLong(Long::longValue).max().orElse(-1);
        if (lastLinked >= expected) {
            return failed(aggregateIdentifier, expected, new Failure(expected, null,
                    "event " + expected + " is missing: the chain goes on to event " + lastLinked));
        }
        return new Verification(aggregateIdentifier, true, expected, null);
    }

    private static Verification failed(String aggregateIdentifier, long checked, Failure failure) {
        return new Verification(aggregateIdentifier, false, checked, failure);
    }
}
