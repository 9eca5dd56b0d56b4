package vn.qualityledger.query.feed;

import java.util.List;

/**
 * A page of the feed.
 *
 * @param events      in position order
 * @param resumeAfter where to read on from: every event up to it that the query matches is in this or an earlier page.
 *                    It can lie past the last event when events that do not match the query follow it
 * @param heldBack    true when a gap in the global index (a transaction not yet committed) holds back later events
 */
public record FeedPage(List<StoredEvent> events, long resumeAfter, boolean heldBack) {
}
