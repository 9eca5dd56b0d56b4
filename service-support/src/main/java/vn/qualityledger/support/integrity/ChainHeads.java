package vn.qualityledger.support.integrity;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Map;

/**
 * The last committed link per stream, so that appending to a stream this service wrote last needs no SELECT of the
 * previous link. Bounded (least recently used streams leave first). Only a head at exactly the position before the
 * event is used: when another replica appended since, the head is older than that and simply misses, and the link is
 * read from the store.
 */
public class ChainHeads {

    /** A stream's last committed event position and its link. */
    public record Head(long sequenceNumber, byte[] link) {
    }

    /** Null when turned off (size 0): Caffeine evicts in the background, so a size-0 cache would still hold entries for a while. */
    private final Cache<String, Head> heads;

    public ChainHeads(long maximumStreams) {
        this.heads = maximumStreams > 0 ? Caffeine.newBuilder().maximumSize(maximumStreams).build() : null;
    }

    /** The link of the event just before {@code sequenceNumber}, if it is the head remembered; else null. */
    byte[] linkBefore(String aggregateIdentifier, long sequenceNumber) {
        Head head = heads == null ? null : heads.getIfPresent(aggregateIdentifier);
        return head != null && head.sequenceNumber() == sequenceNumber - 1 ? head.link() : null;
    }

    /** Heads of a committed append; a later position never gives way to an earlier one. */
    void remember(Map<String, Head> committed) {
        if (heads == null) {
            return;
        }
        committed.forEach((stream, head) -> heads.asMap().merge(stream, head,
                (known, written) -> written.sequenceNumber() >= known.sequenceNumber() ? written : known));
    }
}
