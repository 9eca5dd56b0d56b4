package vn.qualityledger.query.feed;

import java.util.List;

/**
 * A page of the feed.
 *
 * @param events      in position order
 * @param resumeAfter where to read on from: every event up to it that the query matches is in this or an earlier page.
 *                    It can lie past the last event when events that do not match the query follow it
 * @param heldBack    true when committed events lie beyond what may be served yet: a gap in the global index (a
 *                    transaction not yet committed) holds them back
 */
public record FeedPage(List<StoredEvent> events, long resumeAfter, boolean heldBack) {
}
