package vn.qualityledger.query.deadletter;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The parked streams of the projections' dead-letter queues (Axon's JPA queue, table {@code query.dead_letter_entry}):
 * what an operator sees and retries. Read with SQL rather than through the queue, so that listing never deserializes
 * the events that could not be handled.
 */
@Service
public class ProjectionDeadLetters {

    /**
     * One parked stream: its first parked event (the one that failed) and how many of its events wait, that one
     * included. {@code cause} is the failure's message as the database or handler gave it, without a stack trace.
     */
    public record ParkedStream(String streamId, String eventId, String eventType, Instant eventTime, long sequenceNumber,
                               String cause, Instant parkedAt, Instant lastTriedAt, long eventsWaiting) {
    }

    /** What a retry did: streams tried, those whose every event now went through, those still parked. */
    public record RetryReport(String projection, int streamsTried, int streamsReleased, int streamsStillParked,
                              List<ParkedStream> parked) {
    }

    private final JdbcTemplate jdbc;
    private final EventProcessingConfiguration processing;

    public ProjectionDeadLetters(JdbcTemplate jdbc, EventProcessingConfiguration processing) {
        this.jdbc = jdbc;
        this.processing = processing;
    }

    public List<ParkedStream> parked(String projection) {
        return jdbc.query("""
                SELECT first.sequence_identifier, first.event_identifier, first.payload_type, first.time_stamp,
                       first.sequence_number, first.cause_message, first.enqueued_at, first.last_touched, waiting.events
                FROM (SELECT sequence_identifier, min(sequence_index) AS first_index, count(*) AS events
                      FROM query.dead_letter_entry WHERE processing_group = ? GROUP BY sequence_identifier) waiting
                JOIN query.dead_letter_entry first ON first.processing_group = ?
                     AND first.sequence_identifier = waiting.sequence_identifier AND first.sequence_index = waiting.first_index
                ORDER BY first.enqueued_at, first.sequence_identifier
                """, (rs, i) -> new ParkedStream(rs.getString(1), rs.getString(2), simpleName(rs.getString(3)),
                        instant(rs.getString(4)), rs.getLong(5), rs.getString(6), rs.getTimestamp(7).toInstant(),
                        timeOrNull(rs.getTimestamp(8)), rs.getLong(9)),
                projection, projection);
    }

    /** The number of parked streams (not events: a stream's later events wait behind its first). */
    public long parkedStreams(String projection) {
        Long count = jdbc.queryForObject("SELECT count(DISTINCT sequence_identifier) FROM query.dead_letter_entry WHERE processing_group = ?",
                Long.class, projection);
        return count == null ? 0 : count;
    }

    /**
     * Handles each parked stream again, from its first parked event, with the projection's current code and the
     * current upcasters. A stream whose events all go through leaves the queue and its figures move; one that fails
     * again stays parked with the new cause.
     */
    public RetryReport retry(String projection) {
        SequencedDeadLetterProcessor<EventMessage<?>> processor = processing.sequencedDeadLetterProcessor(projection)
                .orElseThrow(() -> new IllegalStateException("No dead-letter queue for " + projection));
        List<ParkedStream> before = parked(projection);
        for (ParkedStream stream : before) {
            processor.process(letter -> letter.message().getIdentifier().equals(stream.eventId()));
        }
        List<ParkedStream> after = parked(projection);
        long stillParked = before.stream().filter(b -> after.stream().anyMatch(a -> a.streamId().equals(b.streamId()))).count();
        return new RetryReport(projection, before.size(), before.size() - (int) stillParked, (int) stillParked, after);
    }

    /** The payload type without its package: the event's name, not a Java class path. */
    private static String simpleName(String payloadType) {
        return payloadType == null ? null : payloadType.substring(payloadType.lastIndexOf('.') + 1);
    }

    private static Instant instant(String isoTime) {
        try {
            return isoTime == null ? null : Instant.parse(isoTime);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    private static Instant timeOrNull(Timestamp time) {
        return time == null ? null : time.toInstant();
    }
}
