package vn.qualityledger.query.history;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;

/**
 * One event of an objective's stream as an auditor reads it.
 *
 * @param sequenceNumber   its position in the objective's stream, from 0
 * @param eventId          the event's unique identifier
 * @param eventType        the event's published contract name ({@code vn.qualityledger.<feature>.<Name>}, as the
 *                         feed names it) and {@code revision}
 * @param recordedAt       when it was stored, in UTC
 * @param recordedAtLocal  the same instant in Asia/Ho_Chi_Minh
 * @param actor            who did it, from the event's metadata (null for events recorded before attribution existed)
 * @param causationId      the id of the message that caused it: the command, or for what the service did by itself
 *                         (an automatic raise, an overdue deadline) the event that set it off; null for events
 *                         recorded before causation was kept
 * @param metadata         the event's metadata as stored (correlation and trace ids, actor, …)
 * @param payload          the event itself, as the JSON Schema of its type and revision describes it (the feed's
 *                         {@code dataschema})
 * @param summary          one line for people, in Vietnamese and English
 */
public record HistoryEntry(long sequenceNumber, String eventId, String eventType, String revision, Instant recordedAt,
                           OffsetDateTime recordedAtLocal, @Schema(implementation = Map.class) Object actor, String causationId,
                           Map<String, Object> metadata, @Schema(implementation = Map.class) Object payload,
                           Summary summary) {

    public record Summary(String vi, String en) {
    }
}
