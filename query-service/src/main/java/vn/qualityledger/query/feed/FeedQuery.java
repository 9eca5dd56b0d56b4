package vn.qualityledger.query.feed;

import java.util.List;

/**
 * What a consumer reads: events after {@code after} (exclusive; 0 = from the start), of one organisation (null: every
 * organisation), of some event types (empty: every published type), of one stream (null: every stream).
 */
public record FeedQuery(long after, String organisationId, List<EventTypeFilter> types, String streamId, int limit) {

    public FeedQuery {
        types = List.copyOf(types);
    }

    public FeedQuery resumingAfter(long position) {
        return new FeedQuery(position, organisationId, types, streamId, limit);
    }

    /** One event type asked for: its class, and a revision or null for every revision. */
    public record EventTypeFilter(String payloadType, String revision) {
    }
}
