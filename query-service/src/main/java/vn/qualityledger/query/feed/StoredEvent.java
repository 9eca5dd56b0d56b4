package vn.qualityledger.query.feed;

import java.time.Instant;

/**
 * One row of the event store as the feed serves it.
 *
 * @param position       the global index
 * @param payloadType    the Java class name Axon stored
 * @param organisationId the {@code organisationId} of the stream's first event (null when it has none)
 * @param payload        the stored JSON, served as is
 * @param metadata       the stored metadata JSON
 */
public record StoredEvent(long position, String eventId, String streamId, long sequence, String payloadType,
                          String payloadRevision, Instant timestamp, String organisationId, byte[] payload,
                          byte[] metadata) {
}
