package vn.qualityledger.query.history;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;

/**
 * One event of an objective's stream as an auditor reads it.
 *
 * @param sequenceNumber   its position in the objective's stream, from 0
 * @param eventId          the event's unique identifier
 * @param eventType        the event's type (its published name) and {@code revision}
 * @param recordedAt       when it was stored, in UTC
 * @param recordedAtLocal  the same instant in Asia/Ho_Chi_Minh
 * @param actor            who did it, from the event's metadata (null for events recorded before attribution existed)
 * @param metadata         the event's metadata as stored (correlation and trace ids, actor, …)
 * @param payload          the event itself
 * @param summary          one line for people, in Vietnamese and English
 */
public record HistoryEntry(long sequenceNumber, String eventId, String eventType, String revision, Instant recordedAt,
                           OffsetDateTime recordedAtLocal, Object actor, Map<String, Object> metadata, Object payload,
                           Summary summary) {

    public record Summary(String vi, String en) {
    }
}
