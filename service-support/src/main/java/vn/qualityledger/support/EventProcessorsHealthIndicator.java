package vn.qualityledger.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Readiness of the event processors, so that a load balancer sends reads only to a replica whose figures are current.
 * DOWN when a processor is stopped or in error, when a handler failed on an event recently (it is then retrying that
 * event; {@link ProjectionFailures}), and, for each streaming processor, until it has claimed every segment its token
 * store holds and each claimed segment is caught up with the event store's head or behind it by at most
 * {@code maxLag} events. After a restart the old claims stay until they time out (10 s) and then the processor catches
 * up: until both are done the replica would serve stale reads as ready.
 *
 * <p>Streams parked in a dead-letter queue do not make it DOWN (the other streams are current): their number is in
 * the details ({@code deadLetters}), for an operator to look at.
 *
 * <p>Replicas share the read model's tables: a segment this replica does not hold counts when another replica holds it
 * (its claim refreshed within the claim timeout, {@link SegmentClaims}) and that segment's token is within
 * {@code maxLag} of the head too, so every replica reports the same readiness for the same tables, and one that holds
 * no segment is ready while the others keep the figures current.
 */
public class EventProcessorsHealthIndicator extends AbstractHealthIndicator {

    private final EventProcessingConfiguration processing;
    private final ProjectionFailures failures;
    private final Supplier<OptionalLong> head;
    private final long maxLag;
    private final Function<String, Map<Integer, SegmentClaims.Claim>> elsewhere;

    /**
     * @param head      the event store's head position (the latest global index), if known
     * @param maxLag    how many events a claimed segment may be behind the head and still count as current
     * @param elsewhere the live claims of a processor's segments, by segment (held here or by another replica)
     */
    public EventProcessorsHealthIndicator(EventProcessingConfiguration processing, ProjectionFailures failures,
                                          Supplier<OptionalLong> head, long maxLag,
                                          Function<String, Map<Integer, SegmentClaims.Claim>> elsewhere) {
        this.processing = processing;
        this.failures = failures;
        this.head = head;
        this.maxLag = maxLag;
        this.elsewhere = elsewhere;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Map<String, Object> details = new LinkedHashMap<>();
        boolean healthy = true;
        OptionalLong headPosition = OptionalLong.empty();
        boolean headRead = false;
        for (EventProcessor processor : processing.eventProcessors().values()) {
            boolean running = processor.isRunning();
            boolean error = processor.isError();
            Map<String, Object> state = new LinkedHashMap<>();
            state.put("running", running);
            state.put("error", error);
            healthy &= running && !error;
            if (processor instanceof StreamingEventProcessor streaming) {
                if (!headRead) {
                    headPosition = head.get();
                    headRead = true;
                }
                healthy &= segmentsCurrent(streaming, headPosition, state);
            }
            deadLetters(processor.getName()).ifPresent(count -> state.put("deadLetters", count));
            details.put(processor.getName(), state);
        }
        Map<String, ProjectionFailures.Failure> failing = failures.current();
        if (!failing.isEmpty()) {
            details.put("failingHandlers", failing);
            healthy = false;
        }
        (healthy ? builder.up() : builder.down()).withDetails(details);
    }

    /**
     * Every segment of the token store claimed, here or by another replica; none in error; each within {@code maxLag}
     * of the head.
     */
    private boolean segmentsCurrent(StreamingEventProcessor streaming, OptionalLong headPosition, Map<String, Object> state) {
        Map<Integer, EventTrackerStatus> status = streaming.processingStatus();
        int[] stored = processing.tokenStore(streaming.getName()).fetchSegments(streaming.getName());
        List<Integer> notHere = IntStream.of(stored).filter(segment -> !status.containsKey(segment)).boxed().toList();
        Map<Integer, SegmentClaims.Claim> claims = notHere.isEmpty() ? Map.of() : elsewhere.apply(streaming.getName());
        List<Integer> unclaimed = notHere.stream().filter(segment -> !claims.containsKey(segment)).toList();
        List<Integer> heldElsewhere = notHere.stream().filter(claims::containsKey).toList();
        List<Integer> behind = new java.util.ArrayList<>(status.entrySet().stream()
                .filter(e -> e.getValue().isErrorState() || !current(e.getValue(), headPosition))
                .map(Map.Entry::getKey).toList());
        heldElsewhere.stream().filter(segment -> !withinLag(claims.get(segment).position(), headPosition)).forEach(behind::add);
        behind.sort(Integer::compare);
        state.put("segments", stored.length);
        state.put("claimedSegments", status.size());
        if (!heldElsewhere.isEmpty()) {
            state.put("segmentsHeldElsewhere", heldElsewhere);
        }
        if (!unclaimed.isEmpty()) {
            state.put("unclaimedSegments", unclaimed);
        }
        if (!behind.isEmpty()) {
            state.put("segmentsBehind", behind);
        }
        headPosition.ifPresent(position -> state.put("headPosition", position));
        // no segment in the store yet: the processor has not initialised its tokens, so it is not processing either
        return stored.length > 0 && unclaimed.isEmpty() && behind.isEmpty();
    }

    private boolean current(EventTrackerStatus segment, OptionalLong headPosition) {
        if (segment.isCaughtUp()) {
            return true;
        }
        return withinLag(segment.getCurrentPosition(), headPosition);
    }

    private boolean withinLag(OptionalLong position, OptionalLong headPosition) {
        return headPosition.isPresent() && headPosition.getAsLong() - position.orElse(-1) <= maxLag;
    }

    private java.util.Optional<Long> deadLetters(String processingGroup) {
        try {
            return processing.deadLetterQueue(processingGroup).map(SequencedDeadLetterQueue::amountOfSequences);
        } catch (RuntimeException e) {
            return java.util.Optional.empty(); // the database is down: the db check reports that
        }
    }
}
